import { parseRetryAfter, WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from './webhook-backoff.js';

describe('webhook retry backoff', () => {
  it('triples from five seconds, with jitter between half and the whole delay', () => {
    expect(webhookRetryDelayMs(1, {}, () => 0)).toBe(2_500);
    expect(webhookRetryDelayMs(1, {}, () => 1)).toBe(5_000);
    expect(webhookRetryDelayMs(2, {}, () => 1)).toBe(15_000);
    expect(webhookRetryDelayMs(4, {}, () => 0.5)).toBe(101_250);
  });

  it('caps at ten hours, and spreads retries over about a day and a half in all', () => {
    expect(webhookRetryDelayMs(30, {}, () => 1)).toBe(10 * 3600_000);
    const total = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => webhookRetryDelayMs(i + 1, {}, () => 1)).reduce((a, b) => a + b, 0);
    expect(total / 3600_000).toBeGreaterThan(24);
    expect(total / 3600_000).toBeLessThan(48);
  });

  it('never gives the same delay to every failing message', () => {
    const delays = new Set(Array.from({ length: 50 }, () => webhookRetryDelayMs(3)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(22_500);
  });

  it('backs off one step harder on 429, 502, 503 and 504 than on other failures', () => {
    expect(webhookRetryDelayMs(1, { statusCode: 500 }, () => 1)).toBe(5_000);
    for (const statusCode of [429, 502, 503, 504]) expect(webhookRetryDelayMs(1, { statusCode }, () => 1)).toBe(15_000);
    expect(webhookRetryDelayMs(2, { statusCode: 429 }, () => 1)).toBe(45_000);
  });

  it('honours Retry-After as the shortest delay, in seconds or as an HTTP date, capped at ten hours', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 02:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 01:00:00 GMT', now)).toBe(0);
    for (const bad of [undefined, '', 'soon', '-5', '1.5']) expect(parseRetryAfter(bad, now)).toBeNull();
    expect(webhookRetryDelayMs(1, { statusCode: 429, retryAfterMs: 600_000 }, () => 1)).toBe(600_000);
    expect(webhookRetryDelayMs(5, { statusCode: 503, retryAfterMs: 1_000 }, () => 1)).toBe(1_215_000);
    expect(webhookRetryDelayMs(1, { retryAfterMs: 99 * 3600_000 }, () => 1)).toBe(10 * 3600_000);
  });
});
