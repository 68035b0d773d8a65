import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';

/**
 * Who attended a session. The session's start and credit are copied in, so continuing-education hours per person
 * per year are one range read on (user, starts_at).
 */
@Entity('training_attendance')
@Index('idx_training_attendance_user', ['userId', 'startsAt'])
export class TrainingAttendance {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @IdColumn({ name: 'course_id' })
  courseId: string;

  @Column({ type: 'boolean' })
  present: boolean;

  @TimestampColumn({ name: 'starts_at' })
  startsAt: Date;

  /** Credit earned: the session's minutes when present, else 0. */
  @Column({ name: 'ce_minutes', type: 'integer' })
  ceMinutes: number;

  @IdColumn({ name: 'recorded_by' })
  recordedBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
