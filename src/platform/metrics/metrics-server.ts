import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { metricsEndpoint } from './http-metrics.js';
import { Metrics } from './metrics.service.js';

/**
 * The admin port (METRICS_PORT, bound to METRICS_HOST, 127.0.0.1 by default): serves only GET /metrics, with no
 * token, for a Prometheus on the same host or network segment. Off when METRICS_PORT is 0.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | null = null;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.get('METRICS_PORT', { infer: true });
    if (!port) return;
    const serve = metricsEndpoint(this.metrics, null, true);
    const server = createServer((req, res) => {
      if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/metrics') return serve(req, res);
      res.statusCode = 404;
      res.end();
    });
    server.listen(port, this.config.get('METRICS_HOST', { infer: true }));
    await once(server, 'listening');
    this.server = server;
    this.logger.log(`metrics on ${this.config.get('METRICS_HOST', { infer: true })}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server) return;
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
  }
}
