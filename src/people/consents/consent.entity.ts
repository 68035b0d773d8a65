import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../platform/database/columns.js';
import { Worker } from '../workers/worker.entity.js';

/** Processing purposes needing separate consent (PIPL art. 29). `eap_referral` is given per vendor. */
export const CONSENT_PURPOSES = ['assessment', 'counselling', 'eap_referral', 'research'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * One grant or withdrawal. Rows are never updated: the current state of a (worker, purpose, recipient) is its
 * latest row by `seq`, and the rows together are the history a regulator or the worker can read.
 */
@Entity('consents')
@Index('idx_consents_lookup', ['workerId', 'purpose', 'recipientId', 'seq'])
@Index('uq_consents_worker_seq', ['workerId', 'seq'], { unique: true })
export class Consent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;

  @Column({ type: 'varchar', length: 30 })
  purpose: ConsentPurpose;

  /** The recipient the consent is for (an EAP vendor id); empty string when the purpose has no recipient. */
  @Column({ name: 'recipient_id', type: 'varchar', length: 64, default: '' })
  recipientId: string;

  @Column({ type: 'boolean' })
  granted: boolean;

  @IdColumn({ name: 'recorded_by' })
  recordedBy: string;

  /** True when a counsellor recorded consent the worker gave on paper. */
  @Column({ name: 'on_paper', type: 'boolean', default: false })
  onPaper: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  /**
   * The worker's consents in the order they were recorded (1, 2, …): a grant and a withdrawal in the same millisecond
   * share `createdAt`, so "latest" is decided by this, never by the clock.
   */
  @Column({ type: 'integer' })
  seq: number;
}
