import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';

/**
 * Break-the-glass (紧急授权): a counsellor's time-limited access to the crisis cases of a worker outside their scope,
 * with the reason they gave. Every use is audited with the grant id; supervisors review each grant.
 */
@Entity('break_glass_grants')
@Index('idx_break_glass_user_worker', ['userId', 'workerId', 'expiresAt'])
@Index('idx_break_glass_review', ['reviewedAt', 'createdAt'])
export class BreakGlassGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'user_id' })
  userId: string;

  /** The grantee's unit at the time (for the review list of their supervisors). */
  @IdColumn({ name: 'user_unit_id' })
  userUnitId: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  /** The worker's unit at the time. */
  @IdColumn({ name: 'worker_unit_id' })
  workerUnitId: string;

  @Column({ type: 'text', transformer: encrypted })
  reason: string;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimestampColumn({ name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;

  @IdColumn({ name: 'reviewed_by', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'review_note', type: 'text', nullable: true, transformer: encrypted })
  reviewNote: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
