import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Structured logs that never carry sensitive data: no bodies, no auth headers, and URLs without query strings
 * (a search for a worker's name must not end up in a log file).
 */
export function loggerOptions(level: string): Params {
  return {
    pinoHttp: {
      level,
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/v1/health' },
      serializers: {
        req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, url: (req.url ?? '').split('?')[0] }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'res.headers'], remove: true },
      customProps: (req: IncomingMessage & { user?: { userId?: string; role?: string } }) =>
        req.user ? { userId: req.user.userId, role: req.user.role } : {},
    },
  };
}
