import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../../platform/database/columns.js';

/** A trainee's assessment in a course (score 0–100); several attempts may be recorded. */
@Entity('training_assessments')
@Index('idx_training_assessments_user', ['userId', 'courseId'])
export class TrainingAssessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'course_id' })
  courseId: string;

  @IdColumn({ name: 'user_id' })
  userId: string;

  @Column({ type: 'integer' })
  score: number;

  @Column({ type: 'boolean' })
  passed: boolean;

  /** The certification this pass granted, if any. */
  @IdColumn({ name: 'certification_id', nullable: true })
  certificationId: string | null;

  @IdColumn({ name: 'assessed_by' })
  assessedBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
