/**
 * A refusal the domain understands. Each context defines its codes; the filter maps them once to
 * `{statusCode, code, message}`. Messages are bilingual: Simplified Chinese first, English second.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${zh} / ${en}`);
  }
}

export const notFound = (what: string, zh = '记录') =>
  new DomainError(404, 'NOT_FOUND', `未找到${zh}`, `${what} not found`);

export const conflict = (code: string, zh: string, en: string, details?: Record<string, unknown>) =>
  new DomainError(409, code, zh, en, details);

export const badRequest = (code: string, zh: string, en: string, details?: Record<string, unknown>) =>
  new DomainError(400, code, zh, en, details);

export const forbidden = (code: string, zh: string, en: string, details?: Record<string, unknown>) =>
  new DomainError(403, code, zh, en, details);

/** A state machine refusal: names where it is and where it may go. */
export const illegalTransition = (from: string, to: string, allowed: readonly string[]) =>
  conflict(
    'ILLEGAL_TRANSITION',
    `不能从“${from}”变更为“${to}”，允许：${allowed.join('、') || '无'}`,
    `Cannot move from ${from} to ${to}; allowed: ${allowed.join(', ') || 'none'}`,
    { from, to, allowed },
  );
