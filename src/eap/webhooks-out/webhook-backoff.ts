import { HOUR } from '../../platform/clock/clock.js';

const SECOND = 1000;

/** Attempts per message before it is given up (about a day and a half of retrying, as Standard Webhooks senders do). */
export const WEBHOOK_MAX_ATTEMPTS = 12;
const FIRST_DELAY_MS = 5 * SECOND;
const MAX_DELAY_MS = 10 * HOUR;

/** What the receiver said about the failed attempt. */
export interface RetryHint {
  statusCode?: number | null;
  /** From its Retry-After header: how long it asked us to wait. */
  retryAfterMs?: number | null;
}

/** Overloaded or a gateway that gave up: retrying at the usual pace only adds to the load. */
const BUSY = new Set([429, 502, 503, 504]);

/**
 * Delay before the next attempt after attempt `attempt` (1-based) failed: 5 s × 3^(attempt−1) (one step further on
 * 429/502/503/504), capped at ten hours, with jitter between half and the whole of it so that many failing
 * deliveries do not retry in step; never sooner than the receiver's Retry-After (itself capped at ten hours).
 */
export function webhookRetryDelayMs(attempt: number, hint: RetryHint = {}, random: () => number = Math.random): number {
  const steps = Math.max(0, attempt - 1) + (hint.statusCode && BUSY.has(hint.statusCode) ? 1 : 0);
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 3 ** steps);
  const delay = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.min(MAX_DELAY_MS, Math.max(delay, hint.retryAfterMs ?? 0));
}

/** A Retry-After header (delay-seconds or an HTTP date) as milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * SECOND;
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return null;
  return Math.max(0, at - now.getTime());
}

/** A failed delivery attempt, carrying what the job queue needs to choose the next delay. */
export class WebhookAttemptFailed extends Error {
  constructor(
    message: string,
    readonly hint: RetryHint,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
