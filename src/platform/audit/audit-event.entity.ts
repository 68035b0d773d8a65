import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, JsonColumn, TimestampColumn } from '../database/columns.js';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/**
 * Append-only audit trail. `seq` orders the chain; `hash` = HMAC(AUDIT_KEY, prevHash ‖ canonical row), so editing,
 * inserting or deleting a row breaks every hash after it, and nobody without the key can recompute them.
 * Rows hold ids only, never names or clinical text, so erasing a worker leaves the chain intact.
 */
@Entity('audit_events')
@Index('idx_audit_worker_at', ['workerId', 'at'])
@Index('idx_audit_actor_at', ['actorId', 'at'])
export class AuditEvent {
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @TimestampColumn()
  at: Date;

  @IdColumn({ name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ name: 'resource_type', type: 'varchar', length: 40 })
  resourceType: string;

  @Column({ name: 'resource_id', type: 'varchar', length: 64, nullable: true })
  resourceId: string | null;

  @IdColumn({ name: 'worker_id', nullable: true })
  workerId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 10 })
  outcome: AuditOutcome;

  @JsonColumn({ nullable: true })
  detail: Record<string, unknown> | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
