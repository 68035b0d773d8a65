import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

interface Counted {
  hits: number;
  expires_in: number;
  blocked_in: number | null;
}

/**
 * Counts a hit in one statement (a prepared upsert on the database's clock), so the limits hold across all
 * instances: a window restarts when it expired, and going over the limit blocks the key for `blockDuration`.
 */
const INCREMENT: pg.QueryConfig = {
  name: 'xingang_throttle_increment',
  text: `INSERT INTO throttle_buckets AS b (key, hits, expires_at, blocked_until)
    VALUES ($1, 1, now() + $2::float8 * interval '1 millisecond',
      CASE WHEN 1 > $3::int THEN now() + $4::float8 * interval '1 millisecond' END)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END,
      expires_at = CASE WHEN b.expires_at <= now() THEN EXCLUDED.expires_at ELSE b.expires_at END,
      blocked_until = CASE
        WHEN b.blocked_until > now() THEN b.blocked_until
        WHEN (CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END) > $3::int THEN now() + $4::float8 * interval '1 millisecond'
      END
    RETURNING hits, extract(epoch FROM expires_at - now())::float8 AS expires_in,
      extract(epoch FROM blocked_until - now())::float8 AS blocked_in`,
};
const SWEEP = "DELETE FROM throttle_buckets WHERE expires_at < now() AND (blocked_until IS NULL OR blocked_until < now())";
const SWEEP_EVERY_MS = 60_000;

export class PgThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(PgThrottlerStorage.name);
  private readonly pool: pg.Pool;

  constructor(dataSource: DataSource) {
    this.pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
    setInterval(() => void this.pool.query(SWEEP).catch(() => undefined), SWEEP_EVERY_MS).unref();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    try {
      const { rows } = await this.pool.query<Counted>({ ...INCREMENT, values: [`${throttlerName}:${key}`.slice(0, 200), ttl, limit, blockDuration] });
      const [row] = rows;
      const blockedIn = row.blocked_in ?? 0;
      return {
        totalHits: row.hits,
        timeToExpire: Math.max(0, Math.ceil(row.expires_in)),
        isBlocked: blockedIn > 0,
        timeToBlockExpire: Math.max(0, Math.ceil(blockedIn)),
      };
    } catch (error) {
      // Fail open: a rate limit must not take sign-in down with it (the account lock-out still holds in the database).
      this.logger.warn(`throttle storage unavailable, request let through: ${error instanceof Error ? error.message : String(error)}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
