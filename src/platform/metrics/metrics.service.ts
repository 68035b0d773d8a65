import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Sets a gauge's values for one scrape; labels absent from a scrape disappear instead of keeping stale values. */
export type GaugeCollector<L extends string> = (set: (labels: Partial<Record<L, string>>, value: number) => void) => Promise<void>;

/**
 * The process's Prometheus registry (prom-client). Platform metrics are defined here; a module contributes its own
 * (webhook deliveries, crisis cases past their deadline) through `counter()` and `gauge()`, so the kernel never reads
 * another module's tables. Gauges over tables are computed on scrape from cheap indexed queries.
 */
@Injectable()
export class Metrics {
  private readonly logger = new Logger(Metrics.name);
  readonly registry = new Registry();

  /** Per route template (`/api/v1/workers/:id`), never the raw URL: ids and queries stay out of the labels. */
  readonly httpRequests: Histogram<'method' | 'route' | 'status'>;

  constructor() {
    // Process metrics, including nodejs_eventloop_lag_seconds (and its percentiles), heap and GC.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    this.httpRequests = new Histogram({
      name: 'xingang_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status class / 按路由模板统计的请求耗时',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge recomputed at every scrape; a failing collector (database away) leaves it empty and is logged. */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect: GaugeCollector<L>): Gauge<L> {
    const logger = this.logger;
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          await collect((labels, value) => (labelNames.length === 0 ? this.set(value) : this.set(labels, value)));
        } catch (error) {
          logger.warn(`metric ${name} not collected: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
