import { RequestMethod } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PinoLogger, type Params } from 'nestjs-pino';
import type { Actor } from '../auth/actor.js';

/**
 * Structured logs that never carry sensitive data: no bodies, no headers, and URLs without query strings (a search
 * for a worker's name must not end up in a log file). pino-http's per-request child logger is not mounted (it cost
 * about 5 % of a read); requests are logged by `requestLogging` below, and only those worth a look.
 */
export function loggerOptions(level: string): Params {
  return {
    pinoHttp: { level },
    // No route matches: the root logger serves the application's own logs, no request gets a child logger.
    forRoutes: [{ path: '__no-request-logger__', method: RequestMethod.ALL }],
  };
}

/**
 * Logs a request that failed on our side (5xx, at error level) or took longer than `slowMs` (warn): method, path
 * without query, status, duration and who asked. Everything else is left to the audit trail and /metrics.
 */
export function requestLogging(slowMs: number) {
  return (request: Request & { user?: Actor }, response: Response, next: NextFunction): void => {
    const started = performance.now();
    response.once('finish', () => {
      const ms = Math.round(performance.now() - started);
      const status = response.statusCode;
      if (status < 500 && ms < slowMs) return;
      const entry = {
        req: { method: request.method, url: request.originalUrl.split('?')[0] },
        res: { statusCode: status },
        responseTime: ms,
        ...(request.user ? { userId: request.user.userId, role: request.user.role } : {}),
      };
      if (status >= 500) PinoLogger.root.error(entry, 'request failed');
      else PinoLogger.root.warn(entry, 'slow request');
    });
    next();
  };
}
