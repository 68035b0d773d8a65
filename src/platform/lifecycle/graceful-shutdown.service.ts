import type { Server } from 'node:http';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '../config/app-config.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { Lifecycle } from './lifecycle.service.js';

/**
 * SIGTERM, in order: readiness turns 503 and the listening socket closes (no new connections); push connections
 * are closed with a reconnect hint; requests in flight finish, and the job in hand too, both bounded by
 * SHUTDOWN_GRACE_MS; jobs claimed but not started go back to the queue at once. Then Nest closes the database.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly lifecycle: Lifecycle,
    private readonly runner: JobRunner,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const grace = this.config.get('SHUTDOWN_GRACE_MS', { infer: true });
    const started = Date.now();
    if (signal) this.logger.log(`${signal}: draining (up to ${grace} ms)`);
    const failedHooks = await this.lifecycle.startDraining();
    if (failedHooks.length > 0) this.logger.warn(`drain hooks failed: ${failedHooks.join(', ')}`);
    await Promise.all([this.closeServer(grace), this.runner.drain(grace)]);
    if (signal) this.logger.log(`drained in ${Date.now() - started} ms`);
  }

  /** Stops accepting and waits for open requests; past the grace period the remaining connections are cut. */
  private async closeServer(grace: number): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    let timer: NodeJS.Timeout | undefined;
    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
    server.closeIdleConnections();
    // A keep-alive connection whose last response ends during the drain (an answered request, a push stream just
    // ended) turns idle later: close those as they come, or they would hold the server open until the grace ends.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const inTime = await Promise.race([closed, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), grace)))]);
    clearTimeout(timer);
    clearInterval(sweep);
    if (!inTime) {
      this.logger.warn('grace period over: closing the connections still open');
      server.closeAllConnections();
    }
  }
}
