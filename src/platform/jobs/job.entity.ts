import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn } from '../database/columns.js';

export type JobStatus = 'pending' | 'running' | 'done' | 'dead';

/**
 * Durable work: reminders, escalations, outgoing webhooks, domain-event deliveries (the outbox). Written in the
 * transaction of the change that caused it; claimed with a lease (timed by the database's clock, fenced by the claim's
 * token in `locked_by`), so a job whose process died is claimed again, and done jobs are purged after a retention.
 */
@Entity('jobs')
// Partial indexes: a claim reads due pending work in run_at order and expired leases, never the done backlog.
@Index('idx_jobs_pending_due', ['runAt'], { where: "status = 'pending'" })
@Index('idx_jobs_running_lease', ['lockedUntil'], { where: "status = 'running'" })
@Index('idx_jobs_done_finished', ['finishedAt'], { where: "status = 'done'" })
@Index('idx_jobs_dead_finished', ['finishedAt'], { where: "status = 'dead'" })
@Index('uq_jobs_dedupe', ['dedupeKey'], { unique: true })
export class Job {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The handler that runs it, e.g. `mail.send` or `event:assessment.crisis→individual.open-case`. */
  @Column({ type: 'varchar', length: 120 })
  type: string;

  @JsonColumn()
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: JobStatus;

  @TimestampColumn({ name: 'run_at' })
  runAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'max_attempts', type: 'integer', default: 10 })
  maxAttempts: number;

  @TimestampColumn({ name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'locked_by', type: 'varchar', length: 64, nullable: true })
  lockedBy: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** Optional idempotency key: enqueueing the same key twice keeps one job. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
