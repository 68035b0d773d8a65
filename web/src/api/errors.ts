/** An API error in the server's one shape: `{statusCode, code, message}`, message `中文 / English`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: string,
    /** The rest of the answer, e.g. `retryAfterSeconds` or a two-factor `setupToken`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(serverMessage || `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** The network failed before any answer came (offline, server down). */
export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const shaped = (body ?? {}) as { code?: unknown; message?: unknown };
  return new ApiError(
    status,
    typeof shaped.code === 'string' ? shaped.code : `HTTP_${status}`,
    typeof shaped.message === 'string' ? shaped.message : '',
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
  );
}

/** The part of a bilingual `中文 / English` message for the language shown (the whole text if it is not bilingual). */
export function messagePart(message: string, language: string): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return language.startsWith('zh') ? message.slice(0, at) : message.slice(at + 3);
}
