import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  hits: number;
  expiresAt: number;
  blockedUntil: number;
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const SWEEP_EVERY_MS = 60_000;

/**
 * A fixed-window counter per key in memory (one instance, SQLite), with the semantics of the PostgreSQL storage: a
 * window restarts when it expired, and going over the limit blocks the key for `blockDuration`. One map lookup per
 * hit; the library's default storage keeps a timestamp per hit and filters the whole list on every request, which
 * grows with the limit and cost about 3 % of a read (issue #17).
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {
    setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const id = `${throttlerName}:${key}`;
    let window = this.windows.get(id);
    if (!window || window.expiresAt <= now) {
      window = { hits: 0, expiresAt: now + ttl, blockedUntil: window && window.blockedUntil > now ? window.blockedUntil : 0 };
      this.windows.set(id, window);
    }
    window.hits += 1;
    if (window.blockedUntil <= now && window.hits > limit) window.blockedUntil = now + blockDuration;
    const blockedFor = Math.max(0, window.blockedUntil - now);
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.expiresAt - now) / 1000),
      isBlocked: blockedFor > 0,
      timeToBlockExpire: Math.ceil(blockedFor / 1000),
    });
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, window] of this.windows) if (window.expiresAt <= now && window.blockedUntil <= now) this.windows.delete(id);
  }
}
