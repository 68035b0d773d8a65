import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';

/**
 * One rate-limit window shared by every instance (PostgreSQL; SQLite keeps them in memory). UNLOGGED on PostgreSQL:
 * a crash forgets the current minute's counts, which is harmless, and writes skip the WAL.
 */
@Entity('throttle_buckets')
export class ThrottleBucket {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimestampColumn({ name: 'blocked_until', nullable: true })
  blockedUntil: Date | null;
}
