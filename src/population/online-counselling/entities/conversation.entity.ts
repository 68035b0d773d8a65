import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';

export type ConversationStatus = 'open' | 'closed';

/**
 * 线上心理疏导: one conversation between a worker and a counsellor, opened by an online appointment (one per
 * appointment) or by the counsellor. Read receipts are the last message number each side has read.
 */
@Entity('online_conversations')
@Index('uq_online_conversations_appointment', ['appointmentId'], { unique: true })
@Index('idx_online_conversations_counsellor', ['counsellorId', 'lastMessageAt'])
@Index('idx_online_conversations_worker', ['workerId', 'lastMessageAt'])
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  /** The worker's unit when the conversation was opened. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @IdColumn({ name: 'counsellor_id' })
  counsellorId: string;

  /** The online appointment that opened it; NULL when the counsellor opened it. */
  @IdColumn({ name: 'appointment_id', nullable: true })
  appointmentId: string | null;

  /** Messages can be sent from this time (an appointment's conversation opens shortly before its start). */
  @TimestampColumn({ name: 'opens_at' })
  opensAt: Date;

  @Column({ type: 'varchar', length: 8 })
  status: ConversationStatus;

  /** A link to an external video room, if the counsellor gives one. */
  @Column({ name: 'video_url', type: 'varchar', length: 500, nullable: true })
  videoUrl: string | null;

  /** Messages so far; the next message's `seq` (kept here so two senders cannot take the same number). */
  @Column({ name: 'message_count', type: 'integer', default: 0 })
  messageCount: number;

  @TimestampColumn({ name: 'last_message_at', nullable: true })
  lastMessageAt: Date | null;

  @Column({ name: 'worker_read_seq', type: 'integer', default: 0 })
  workerReadSeq: number;

  @TimestampColumn({ name: 'worker_read_at', nullable: true })
  workerReadAt: Date | null;

  @Column({ name: 'counsellor_read_seq', type: 'integer', default: 0 })
  counsellorReadSeq: number;

  @TimestampColumn({ name: 'counsellor_read_at', nullable: true })
  counsellorReadAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
