import { FixedWindowThrottlerStorage } from './memory-throttler-storage.js';

describe('FixedWindowThrottlerStorage', () => {
  let now = 1_000_000;
  const storage = new FixedWindowThrottlerStorage(() => now);

  it('counts hits per key and throttler within one window', async () => {
    expect((await storage.increment('a', 60_000, 2, 60_000, 'default')).totalHits).toBe(1);
    expect((await storage.increment('a', 60_000, 2, 60_000, 'default')).totalHits).toBe(2);
    expect((await storage.increment('a', 60_000, 2, 60_000, 'vendor')).totalHits).toBe(1);
    expect((await storage.increment('b', 60_000, 2, 60_000, 'default')).totalHits).toBe(1);
  });

  it('blocks past the limit for the block duration, then starts a fresh window', async () => {
    const third = await storage.increment('a', 60_000, 2, 30_000, 'default');
    expect(third).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 30, timeToExpire: 60 });
    now += 20_000;
    expect(await storage.increment('a', 60_000, 2, 30_000, 'default')).toMatchObject({ isBlocked: true, timeToBlockExpire: 10 });
    now += 41_000; // the window and the block are over
    expect(await storage.increment('a', 60_000, 2, 30_000, 'default')).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('keeps a block that outlasts its window', async () => {
    await storage.increment('c', 1_000, 0, 10_000, 'login');
    now += 2_000; // new window, still blocked
    expect(await storage.increment('c', 1_000, 5, 10_000, 'login')).toMatchObject({ totalHits: 1, isBlocked: true, timeToBlockExpire: 8 });
  });
});
