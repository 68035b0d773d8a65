import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimestampColumn } from '../../platform/database/columns.js';

export type DeliveryOutcome = 'delivered' | 'failed' | 'gone' | 'refused' | 'cancelled';

/** The delivery log: one row per attempt (and per refusal to attempt), never updated. */
@Entity('eap_webhook_deliveries')
@Index('idx_eap_webhook_deliveries_endpoint', ['endpointId', 'attemptedAt'])
@Index('idx_eap_webhook_deliveries_message', ['messageId'])
export class EapWebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'message_id', type: 'varchar', length: 40 })
  messageId: string;

  @IdColumn({ name: 'endpoint_id' })
  endpointId: string;

  @Column({ type: 'integer' })
  attempt: number;

  /** delivered (2xx), failed (will retry or gave up), gone (410: endpoint disabled), refused (SSRF guard), cancelled (consent withdrawn). */
  @Column({ type: 'varchar', length: 10 })
  outcome: DeliveryOutcome;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs: number | null;

  @TimestampColumn({ name: 'attempted_at' })
  attemptedAt: Date;
}
