/** How long to wait before trying again after a 429, from its `Retry-After` (seconds or an HTTP date), capped. */
export function retryDelayMs(retryAfter: string | null, now = Date.now(), fallbackMs = 1000, maxMs = 30_000): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
    if (Number.isFinite(ms)) return Math.min(maxMs, Math.max(0, ms));
  }
  return fallbackMs;
}

/** Tries a 429 again this many times (honouring Retry-After) before handing it to the page as an error. */
export const RATE_LIMIT_RETRIES = 3;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `make()` (a fresh request each time: a body can be read once) and, while the server answers 429 Too Many
 * Requests, waits as it asks and sends it again. A 429 is the server asking for patience, never the end of a session.
 */
export async function sendPatiently(make: () => Promise<Response>, retries = RATE_LIMIT_RETRIES): Promise<Response> {
  let response = await make();
  for (let attempt = 0; response.status === 429 && attempt < retries; attempt++) {
    await wait(retryDelayMs(response.headers.get('Retry-After')));
    response = await make();
  }
  return response;
}
