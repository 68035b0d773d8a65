import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn, UpdatedAtColumn } from '../../platform/database/columns.js';
import { encrypted, encryptedJson } from '../../platform/crypto/field-cipher.js';
import type { ContactPreference, EapService, Urgency } from '../shared/eap-services.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import type { EapReferralStatus } from './referral-state.js';
import type { SharedReferralData } from './shared-data.js';

/**
 * A referral to an EAP vendor (转介). The vendor knows it only by `vendorRef`, a random pseudonym; the worker id never
 * leaves. What the counsellor wrote for the vendor and what was shared are encrypted at rest.
 */
@Entity('eap_referrals')
@Index('uq_eap_referrals_vendor_ref', ['vendorRef'], { unique: true })
@Index('idx_eap_referrals_vendor_sent', ['vendorId', 'sentAt'])
@Index('idx_eap_referrals_worker', ['workerId', 'createdAt'])
@Index('idx_eap_referrals_contract', ['contractId'])
export class EapReferral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'vendor_ref', type: 'varchar', length: 40 })
  vendorRef: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @IdColumn({ name: 'vendor_id' })
  vendorId: string;

  @ManyToOne(() => EapVendor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: EapVendor;

  /** Chosen when sent: the contract the sessions count against. */
  @IdColumn({ name: 'contract_id', nullable: true })
  contractId: string | null;

  /** The individual tier's referral (provider type eap_vendor) this one carries out, when linked. */
  @IdColumn({ name: 'individual_referral_id', nullable: true })
  individualReferralId: string | null;

  @Column({ type: 'varchar', length: 40 })
  service: EapService;

  @Column({ type: 'varchar', length: 10 })
  urgency: Urgency;

  @Column({ name: 'contact_preference', type: 'text', transformer: encryptedJson })
  contactPreference: ContactPreference;

  /** Written by the counsellor for the vendor (never case notes or assessment answers). */
  @Column({ type: 'text', transformer: encrypted })
  summary: string;

  @Column({ type: 'varchar', length: 12 })
  status: EapReferralStatus;

  /** Exactly what was shared with the vendor when sent. */
  @Column({ name: 'shared_data', type: 'text', nullable: true, transformer: encryptedJson })
  sharedData: SharedReferralData | null;

  /** SHA-256 of the canonical shared data: the fingerprint the counsellor confirmed from the preview. */
  @Column({ name: 'shared_sha256', type: 'varchar', length: 64, nullable: true })
  sharedSha256: string | null;

  @TimestampColumn({ name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @IdColumn({ name: 'sent_by', nullable: true })
  sentBy: string | null;

  @TimestampColumn({ name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @TimestampColumn({ name: 'declined_at', nullable: true })
  declinedAt: Date | null;

  /** When the first attended session took place (as the vendor reported it). */
  @TimestampColumn({ name: 'first_session_at', nullable: true })
  firstSessionAt: Date | null;

  @Column({ name: 'sessions_used', type: 'integer', default: 0 })
  sessionsUsed: number;

  @TimestampColumn({ name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @TimestampColumn({ name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  /** `consent_withdrawn` or `union`. */
  @Column({ name: 'withdrawn_reason', type: 'varchar', length: 20, nullable: true })
  withdrawnReason: string | null;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
