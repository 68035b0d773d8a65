import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import { Course } from './course.entity.js';

export type EnrolmentStatus = 'enrolled' | 'completed';

/** A worker taking a course; `org_unit_id` is their unit at enrolment, the unit reports count them under. */
@Entity('edu_enrolments')
@Index('uq_edu_enrolments_course_worker', ['courseId', 'workerId'], { unique: true })
@Index('idx_edu_enrolments_worker', ['workerId'])
@Index('idx_edu_enrolments_unit_course', ['orgUnitId', 'courseId'])
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'course_id' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 10, default: 'enrolled' })
  status: EnrolmentStatus;

  @TimestampColumn({ name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
