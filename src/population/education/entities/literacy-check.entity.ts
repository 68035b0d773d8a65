import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn } from '../../../platform/database/columns.js';
import type { LiteracyPhase } from '../domain/quiz-rules.js';

/**
 * A 心理健康素养 check taken before (`pre`) or after (`post`) a course; one of each per worker and course, so the
 * course report pairs them honestly.
 */
@Entity('edu_literacy_checks')
@Index('uq_edu_literacy_course_worker_phase', ['courseId', 'workerId', 'phase'], { unique: true })
@Index('idx_edu_literacy_unit_course', ['orgUnitId', 'courseId'])
export class LiteracyCheck {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'course_id' })
  courseId: string;

  @IdColumn({ name: 'quiz_id' })
  quizId: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  /** The worker's unit when they took it (reports attribute by it). */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 4 })
  phase: LiteracyPhase;

  @JsonColumn()
  answers: number[];

  @Column({ type: 'integer' })
  score: number;

  @Column({ name: 'max_score', type: 'integer' })
  maxScore: number;

  @CreatedAtColumn()
  createdAt: Date;
}
