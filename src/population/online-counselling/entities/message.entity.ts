import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import { Conversation } from './conversation.entity.js';

/** Who wrote a message: the worker, the counsellor, or the system (the office-hours auto-reply). */
export type MessageSender = 'worker' | 'counsellor' | 'system';

/** One message, its text encrypted at rest. `seq` numbers the messages of a conversation from 1. */
@Entity('online_messages')
@Index('uq_online_messages_seq', ['conversationId', 'seq'], { unique: true })
@Index('idx_online_messages_worker', ['workerId'])
export class OnlineMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'conversation_id' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  /** The conversation's worker (for export and erasure by worker). */
  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 10 })
  sender: MessageSender;

  /** The user who wrote it; NULL for the system. */
  @IdColumn({ name: 'sender_user_id', nullable: true })
  senderUserId: string | null;

  @Column({ type: 'text', transformer: encrypted })
  body: string;

  /** A worker's message with words from the crisis-language list: a flag for the counsellor, never a diagnosis. */
  @Column({ name: 'crisis_flag', type: 'boolean', default: false })
  crisisFlag: boolean;

  /** When the counsellor asked for a crisis case from this message (online_counselling.crisis_flagged). */
  @TimestampColumn({ name: 'crisis_case_requested_at', nullable: true })
  crisisCaseRequestedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
