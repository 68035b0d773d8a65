import type { NextFunction, Request, Response } from 'express';

/** Deeper than any DTO of the API nests (the deepest, a programme's eligibility rule, is under ten). */
export const MAX_JSON_DEPTH = 32;

/** How deeply a parsed JSON value nests, counted without recursion (so the count itself cannot overflow). */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(node as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses a body nested deeper than MAX_JSON_DEPTH before validation: class-transformer walks a body by recursion,
 * and ~2,000 levels (a few KB) overflow its stack. Runs after the JSON parser, before any route.
 */
export function jsonDepthLimit(limit = MAX_JSON_DEPTH) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!jsonDepthExceeds(request.body, limit)) return next();
    response.status(400).json({
      statusCode: 400,
      code: 'JSON_TOO_DEEP',
      message: `请求体嵌套超过 ${limit} 层 / Request body nests deeper than ${limit} levels`,
    });
  };
}
