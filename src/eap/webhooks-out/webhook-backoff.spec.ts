import { WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from './webhook-backoff.js';

describe('webhook retry backoff', () => {
  it('triples from five seconds, with jitter between half and the whole delay', () => {
    expect(webhookRetryDelayMs(1, () => 0)).toBe(2_500);
    expect(webhookRetryDelayMs(1, () => 1)).toBe(5_000);
    expect(webhookRetryDelayMs(2, () => 1)).toBe(15_000);
    expect(webhookRetryDelayMs(4, () => 0.5)).toBe(101_250);
  });

  it('caps at ten hours, and spreads retries over about a day and a half in all', () => {
    expect(webhookRetryDelayMs(30, () => 1)).toBe(10 * 3600_000);
    const total = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => webhookRetryDelayMs(i + 1, () => 1)).reduce((a, b) => a + b, 0);
    expect(total / 3600_000).toBeGreaterThan(24);
    expect(total / 3600_000).toBeLessThan(48);
  });

  it('never gives the same delay to every failing message', () => {
    const delays = new Set(Array.from({ length: 50 }, () => webhookRetryDelayMs(3)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(22_500);
  });
});
