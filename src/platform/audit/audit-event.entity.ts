import { Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';
import { IdColumn, JsonColumn, TimestampColumn } from '../database/columns.js';
import { DIALECT } from '../database/dialect.js';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** 64-bit integers as numbers: pg returns bigint as text; 2^53 rows is beyond any audit log. */
const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
const BIGINT = DIALECT === 'postgres' ? 'bigint' : 'integer';

/**
 * Append-only audit trail, tamper-evident in two steps (docs/DEVELOPING.md, "Audit"):
 * - at insert, in the business transaction and without any lock: `seq` from the database's sequence and
 *   `mac` = HMAC(AUDIT_KEY, canonical row with its seq), so an edited row no longer matches its MAC, and `key_id`
 *   naming that key, so AUDIT_KEY can rotate (the verifier checks each row with the key it names);
 * - within seconds, one sequencer (AuditSequencer) links committed rows into the hash chain: `chain_index`
 *   (1, 2, 3 … without gaps), `prev_seq`/`prev_hash` (its predecessor) and `hash` = HMAC(prev_hash ‖ index ‖ mac),
 *   and writes signed checkpoints of the chain's head outside the database, so deleting rows, even the newest,
 *   is detectable. Rows chained before the sequencer existed have `mac` null and `hash` over the row itself.
 * Rows hold ids only, never names or clinical text, so erasing a worker leaves the chain intact.
 */
@Entity('audit_events')
@Index('idx_audit_worker_at', ['workerId', 'at'])
@Index('idx_audit_actor_at', ['actorId', 'at'])
@Index('uq_audit_chain_index', ['chainIndex'], { unique: true })
@Index('idx_audit_unchained', ['seq'], { where: 'chain_index IS NULL' })
export class AuditEvent {
  @PrimaryColumn({ type: BIGINT, generated: 'increment', transformer: bigintNumber })
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

  /** The id (AuditKeyring: a fingerprint, never the key) of the audit key that made this row's MAC and link. */
  @Column({ name: 'key_id', type: 'varchar', length: 16 })
  keyId: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  mac: string | null;

  @Column({ name: 'chain_index', type: BIGINT, nullable: true, transformer: bigintNumber })
  chainIndex: number | null;

  @Column({ name: 'prev_seq', type: BIGINT, nullable: true, transformer: bigintNumber })
  prevSeq: number | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64, nullable: true })
  prevHash: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  hash: string | null;
}
