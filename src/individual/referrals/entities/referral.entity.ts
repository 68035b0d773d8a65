import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Worker } from '../../../people/workers/worker.entity.js';
import { encrypted } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn, UpdatedAtColumn } from '../../../platform/database/columns.js';
import type { ProviderType, ReferralState } from '../domain/referral-state.js';

/** Who made it: a counsellor here, a counselling session's request, or an EAP referral sent through the EAP module. */
export type ReferralSource = 'counsellor' | 'counselling' | 'eap';

/**
 * 转介: a worker referred to a provider (the union's counselling, a hospital or psychiatric clinic, an EAP vendor).
 * Sent only with the worker's consent for that recipient; open until an outcome is recorded; followed up on a
 * schedule. A referral requested from a counselling session is drafted once per appointment (unique source).
 */
@Entity('referrals')
@Index('uq_referrals_source', ['sourceType', 'sourceId'], { unique: true })
@Index('idx_referrals_worker', ['workerId', 'createdAt'])
@Index('idx_referrals_open_state', ['open', 'state', 'createdAt'])
@Index('idx_referrals_owner', ['ownerId', 'open'])
@Index('idx_referrals_case', ['caseId'])
// The referral-completion dashboard: referrals created in a year.
@Index('idx_referrals_report', ['createdAt', 'workerId', 'state'])
export class Referral {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @ManyToOne(() => Worker, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'worker_id' })
  worker?: Worker;

  /** The worker's unit when the referral was made. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  /** The crisis case it belongs to, if any. */
  @IdColumn({ name: 'case_id', nullable: true })
  caseId: string | null;

  /** The counsellor responsible: follow-ups are their tasks. */
  @IdColumn({ name: 'owner_id', nullable: true })
  ownerId: string | null;

  @Column({ name: 'provider_type', type: 'varchar', length: 30, nullable: true })
  providerType: ProviderType | null;

  /** A hospital, clinic or counsellor name as the counsellor wrote it. */
  @Column({ name: 'provider_name', type: 'varchar', length: 200, nullable: true })
  providerName: string | null;

  /** For `eap_vendor`: the vendor id (the recipient of the worker's eap_referral consent). */
  @Column({ name: 'vendor_id', type: 'varchar', length: 64, nullable: true })
  vendorId: string | null;

  @Column({ type: 'text', nullable: true, transformer: encrypted })
  reason: string | null;

  @Column({ type: 'varchar', length: 20 })
  state: ReferralState;

  /** True until an outcome closes the loop. */
  @Column({ type: 'boolean' })
  open: boolean;

  @Column({ name: 'source_type', type: 'varchar', length: 20 })
  sourceType: ReferralSource;

  /** The counselling appointment that asked for it; null when a counsellor made it directly. */
  @Column({ name: 'source_id', type: 'varchar', length: 64, nullable: true })
  sourceId: string | null;

  @TimestampColumn({ name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @TimestampColumn({ name: 'outcome_at', nullable: true })
  outcomeAt: Date | null;

  @Column({ name: 'outcome_note', type: 'text', nullable: true, transformer: encrypted })
  outcomeNote: string | null;

  @IdColumn({ name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
