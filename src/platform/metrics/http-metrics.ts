import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './metrics.service.js';

type Request = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/**
 * The label of a request: the matched route template (`/api/v1/workers/:id`), never the URL itself, so ids, names
 * and query strings stay out of the metrics (and the label set stays small).
 */
export function routeLabel(req: Request): string {
  const template = req.route?.path;
  if (typeof template === 'string') return `${req.baseUrl ?? ''}${template}`;
  if (req.baseUrl) return req.baseUrl; // a path middleware that answered itself (/metrics)
  return (req.url ?? '').startsWith('/api/') ? 'unmatched' : 'static';
}

/** Express middleware: times every request and records it under its route template when the response ends. */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: ServerResponse, next: () => void): void => {
    const end = metrics.httpRequests.startTimer();
    res.once('finish', () => end({ method: req.method ?? 'GET', route: routeLabel(req), status: `${Math.floor(res.statusCode / 100)}xx` }));
    next();
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const refuse = (res: ServerResponse, statusCode: number, code: string, message: string) => {
  res.statusCode = statusCode;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ statusCode, code, message }));
};

/**
 * GET /metrics in the Prometheus text format. With a token: `Authorization: Bearer <METRICS_TOKEN>` is required;
 * without one (`token` null) it answers only on the admin port, which passes `open`.
 */
export function metricsEndpoint(metrics: Metrics, token: string | null, open = false) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!open) {
      if (token === null) {
        return refuse(res, 404, 'METRICS_NOT_SERVED_HERE', '指标未在此端口开放（设置 METRICS_TOKEN 或 METRICS_PORT） / Metrics are not served here (set METRICS_TOKEN or METRICS_PORT)');
      }
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!sameSecret(given, token)) return refuse(res, 401, 'METRICS_TOKEN_REQUIRED', '需要指标访问令牌 / A valid metrics token is required');
    }
    metrics.render().then(
      (body) => {
        res.setHeader('Content-Type', metrics.contentType);
        res.end(body);
      },
      () => refuse(res, 500, 'METRICS_FAILED', '指标生成失败 / Metrics could not be rendered'),
    );
  };
}
