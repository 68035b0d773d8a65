import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn } from '../../platform/database/columns.js';

/** The rows of one table a merge re-pointed: their primary keys (without the worker column when it is part of it). */
export interface MergeMove {
  table: string;
  column: string;
  primaryKey: string[];
  keys: unknown[][];
}

export type WorkerMergeState = 'merged' | 'undone';

/**
 * The journal of one merge of a duplicate 职工档案 into a kept one: exactly what moved, so an undo restores it. Kept
 * after the undo period (the history); erased with the worker's data.
 */
@Entity('worker_merges')
@Index('idx_worker_merges_worker', ['workerId', 'createdAt'])
@Index('idx_worker_merges_duplicate', ['duplicateWorkerId'])
export class WorkerMerge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The kept profile (the survivor). */
  @IdColumn({ name: 'worker_id' })
  workerId: string;

  /** The merged profile, now a tombstone pointing at the survivor. */
  @IdColumn({ name: 'duplicate_worker_id' })
  duplicateWorkerId: string;

  @Column({ type: 'varchar', length: 20, default: 'merged' })
  state: WorkerMergeState;

  @IdColumn({ name: 'merged_by' })
  mergedBy: string;

  @Column({ type: 'text', nullable: true, transformer: encrypted })
  reason: string | null;

  @JsonColumn({ default: () => "'[]'" })
  moves: MergeMove[];

  /** Profile fields before the merge (both profiles' changed fields), encrypted: they hold contact details. */
  @Column({ name: 'profile_before', type: 'text', transformer: encrypted })
  profileBefore: string;

  /** Consents the merge added to the kept profile (withdrawals only: a merge never widens consent). */
  @JsonColumn({ name: 'added_consents', default: () => "'[]'" })
  addedConsents: string[];

  /** Accounts of the duplicate the merge disabled (the kept profile had its own). */
  @JsonColumn({ name: 'disabled_users', default: () => "'[]'" })
  disabledUsers: string[];

  @TimestampColumn({ name: 'undo_until' })
  undoUntil: Date;

  @TimestampColumn({ name: 'undone_at', nullable: true })
  undoneAt: Date | null;

  @IdColumn({ name: 'undone_by', nullable: true })
  undoneBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
