import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../database/columns.js';

export const SMS_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'refused'] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

/**
 * One text message and its delivery status. The number and the text (a verification code) are encrypted; limits
 * and opt-outs look the number up by its keyed hash.
 */
@Entity('sms_messages')
@Index('idx_sms_messages_phone_created', ['phoneHash', 'createdAt'])
@Index('idx_sms_messages_created', ['createdAt'])
export class SmsMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The account it was sent for, when there is one (a join code goes to a number with no account yet). */
  @Index('idx_sms_messages_user')
  @IdColumn({ name: 'user_id', nullable: true })
  userId: string | null;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64 })
  phoneHash: string;

  @Column({ type: 'text', transformer: encrypted })
  phone: string;

  @Column({ type: 'varchar', length: 40 })
  template: string;

  @Column({ type: 'text', transformer: encrypted })
  body: string;

  @Column({ type: 'varchar', length: 20 })
  status: string;

  /** Why a message was refused or failed: `opted_out`, `number_limit`, or the gateway's answer. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Index('idx_sms_messages_provider_id')
  @Column({ name: 'provider_message_id', type: 'varchar', length: 100, nullable: true })
  providerMessageId: string | null;

  @TimestampColumn({ name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @TimestampColumn({ name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/** A number that replied TD (or was opted out by its owner): no more notices, only codes it asks for. */
@Entity('sms_opt_outs')
export class SmsOptOut {
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, primary: true })
  phoneHash: string;

  @Column({ type: 'varchar', length: 20 })
  source: string;

  @CreatedAtColumn()
  createdAt: Date;
}
