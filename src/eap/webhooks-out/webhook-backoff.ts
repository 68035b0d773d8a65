import { HOUR } from '../../platform/clock/clock.js';

const SECOND = 1000;

/** Attempts per message before it is given up (about a day and a half of retrying, as Standard Webhooks senders do). */
export const WEBHOOK_MAX_ATTEMPTS = 12;
const FIRST_DELAY_MS = 5 * SECOND;
const MAX_DELAY_MS = 10 * HOUR;

/**
 * Delay before the next attempt after attempt `attempt` (1-based) failed: 5 s × 3^(attempt−1), capped at ten hours,
 * with jitter between half and the whole of it so that many failing deliveries do not retry in step.
 */
export function webhookRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 3 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
