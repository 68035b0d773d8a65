/** SQLSTATEs and socket codes that mean the database cannot be reached now, not that the request is wrong. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH',
  '57P01', '57P02', '57P03', // admin shutdown, crash shutdown, cannot connect now
  '53300', // too many connections
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
  'SQLITE_BUSY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN',
]);

const UNAVAILABLE_MESSAGES = /Connection terminated|connection is not open|not currently accepting connections|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|database is locked/i;

/**
 * Whether an error says the database is away (a failover, a restart, a full pool, a closed SQLite handle): the
 * client should retry later (503), and the operator sees it in readiness. Looks through TypeORM's wrapper.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message, driverError, cause } = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    current = driverError ?? cause;
  }
  return false;
}
