import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../platform/database/columns.js';
import { encrypted } from '../../platform/crypto/field-cipher.js';

export type MessageStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

/**
 * One webhook to one endpoint: the outbox row, written in the transaction of the change it reports. Its id is the
 * `webhook-id` the vendor dedupes on, the same on every attempt. The body is kept encrypted (it may carry the summary);
 * the job that delivers it carries only the id.
 */
@Entity('eap_webhook_messages')
@Index('idx_eap_webhook_messages_worker', ['vendorId', 'workerId', 'status'])
@Index('idx_eap_webhook_messages_endpoint', ['endpointId', 'createdAt'])
export class EapWebhookMessage {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @IdColumn({ name: 'vendor_id' })
  vendorId: string;

  @IdColumn({ name: 'endpoint_id' })
  endpointId: string;

  @IdColumn({ name: 'referral_id', nullable: true })
  referralId: string | null;

  /** The worker the message is about: a consent withdrawal cancels what is still pending for them. */
  @IdColumn({ name: 'worker_id', nullable: true })
  workerId: string | null;

  @Column({ name: 'event_type', type: 'varchar', length: 60 })
  eventType: string;

  /** True when the body carries the worker's data (not just an id): delivered only while consent stands. */
  @Column({ name: 'carries_data', type: 'boolean' })
  carriesData: boolean;

  /** The exact JSON body signed and sent. */
  @Column({ type: 'text', transformer: encrypted })
  body: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: MessageStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
