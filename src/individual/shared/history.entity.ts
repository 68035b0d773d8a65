import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn } from '../../platform/database/columns.js';

export const HISTORY_SUBJECTS = ['crisis_case', 'referral', 'incident'] as const;
export type HistorySubject = (typeof HISTORY_SUBJECTS)[number];

/**
 * Every change to a crisis case, referral or incident: who, when, what, from, to and why. Written in the transaction
 * of the change (Vendure's history service), never updated. `reason` may hold clinical words and is encrypted;
 * `action`, `from` and `to` are codes.
 */
@Entity('individual_history')
@Index('idx_individual_history_subject', ['subjectType', 'subjectId', 'createdAt'])
export class HistoryEntry {
  /** Increasing: the order of changes even within one millisecond (the clock of tests stands still). */
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'subject_type', type: 'varchar', length: 20 })
  subjectType: HistorySubject;

  @IdColumn({ name: 'subject_id' })
  subjectId: string;

  /** The worker concerned (null for an incident). */
  @IdColumn({ name: 'worker_id', nullable: true })
  workerId: string | null;

  /** e.g. `opened`, `state_changed`, `level_changed`, `assigned`, `escalated`, `sent`, `follow_up_due`. */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'from_value', type: 'varchar', length: 80, nullable: true })
  from: string | null;

  @Column({ name: 'to_value', type: 'varchar', length: 80, nullable: true })
  to: string | null;

  @Column({ type: 'text', nullable: true, transformer: encrypted })
  reason: string | null;

  /** The user who made the change; null for the system (a job, an event, a vendor). */
  @IdColumn({ name: 'actor_id', nullable: true })
  actorId: string | null;

  /** Who, when not a user: `system`, `vendor:<id>`. */
  @Column({ name: 'actor_label', type: 'varchar', length: 80, nullable: true })
  actorLabel: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
