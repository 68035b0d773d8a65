import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';

/**
 * 帮扶随访: one scheduled follow-up of a sent referral. A job at `dueAt` turns it into a task for the counsellor (a
 * notification and a history row); it is overdue a day later until recorded.
 */
@Entity('referral_follow_ups')
@Index('uq_referral_follow_ups_seq', ['referralId', 'seq'], { unique: true })
@Index('idx_referral_follow_ups_due', ['completedAt', 'dueAt'])
@Index('idx_referral_follow_ups_assignee', ['assigneeId', 'completedAt', 'dueAt'])
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'referral_id' })
  referralId: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @IdColumn({ name: 'assignee_id' })
  assigneeId: string;

  /** 1, 2, 3 … in schedule order. */
  @Column({ type: 'integer' })
  seq: number;

  @TimestampColumn({ name: 'due_at' })
  dueAt: Date;

  /** When the due job made it a task (notified the counsellor). */
  @TimestampColumn({ name: 'task_created_at', nullable: true })
  taskCreatedAt: Date | null;

  @TimestampColumn({ name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @IdColumn({ name: 'completed_by', nullable: true })
  completedBy: string | null;

  @Column({ name: 'contact_made', type: 'boolean', nullable: true })
  contactMade: boolean | null;

  @Column({ type: 'text', nullable: true, transformer: encrypted })
  note: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
