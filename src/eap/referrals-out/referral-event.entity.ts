import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../platform/database/columns.js';
import { encrypted } from '../../platform/crypto/field-cipher.js';
import { EapReferral } from './eap-referral.entity.js';

export type ReferralEventSource = 'counsellor' | 'vendor_api' | 'vendor_webhook' | 'system';

/**
 * The referral's history: every state change and every attended session. A session is one row with its number, unique
 * per referral, so a vendor reporting the same session twice counts it once.
 */
@Entity('eap_referral_events')
@Index('uq_eap_referral_events_session', ['referralId', 'sessionNumber'], { unique: true })
@Index('idx_eap_referral_events_referral', ['referralId', 'createdAt'])
@Index('idx_eap_referral_events_contract', ['contractId', 'type'])
export class EapReferralEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'referral_id' })
  referralId: string;

  @ManyToOne(() => EapReferral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id' })
  referral?: EapReferral;

  /** Copied from the referral for the quota count (sessions per contract). */
  @IdColumn({ name: 'contract_id', nullable: true })
  contractId: string | null;

  /** Copied from the referral for the per-worker quota count. */
  @IdColumn({ name: 'worker_id' })
  workerId: string;

  /** sent, accepted, declined, session_attended, completed, dropped_out, withdrawn, cancelled. */
  @Column({ type: 'varchar', length: 30 })
  type: string;

  @Column({ name: 'session_number', type: 'integer', nullable: true })
  sessionNumber: number | null;

  /** When it happened (a session's date as reported); otherwise when recorded. */
  @TimestampColumn({ name: 'occurred_at' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 16 })
  source: ReferralEventSource;

  /** The vendor's or counsellor's words, encrypted. */
  @Column({ type: 'text', nullable: true, transformer: encrypted })
  note: string | null;

  /** A session past the per-worker or total quota: recorded, not billable. */
  @Column({ name: 'beyond_quota', type: 'boolean', default: false })
  beyondQuota: boolean;

  /** The user, or the vendor's API key, that recorded it (null for the system). */
  @IdColumn({ name: 'recorded_by', nullable: true })
  recordedBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
