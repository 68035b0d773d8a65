import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../platform/database/columns.js';

/** `suppressed`: a count of unauthenticated refusals of one minute not stored row by row (see WebhooksInService). */
export type InboundOutcome = 'accepted' | 'bad_signature' | 'stale_timestamp' | 'future_timestamp' | 'replayed' | 'malformed' | 'rejected' | 'suppressed';

/**
 * Every webhook a vendor sent us, accepted or refused (the log the issue asks for). `acceptedKey` (vendor + webhook id)
 * is set only on accepted rows and unique, so a replayed id is refused even when two copies arrive together.
 */
@Entity('eap_inbound_webhooks')
@Index('uq_eap_inbound_webhooks_accepted', ['acceptedKey'], { unique: true })
@Index('idx_eap_inbound_webhooks_vendor', ['vendorId', 'createdAt'])
export class EapInboundWebhook {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'vendor_id', nullable: true })
  vendorId: string | null;

  @Column({ name: 'webhook_id', type: 'varchar', length: 200, nullable: true })
  webhookId: string | null;

  @Column({ name: 'event_type', type: 'varchar', length: 60, nullable: true })
  eventType: string | null;

  @Column({ type: 'varchar', length: 20 })
  outcome: InboundOutcome;

  /** Why it was refused (an error code), or null. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'accepted_key', type: 'varchar', length: 300, nullable: true })
  acceptedKey: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
