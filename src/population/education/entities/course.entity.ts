import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '../../../platform/database/columns.js';
import type { Audience } from '../../shared/audience.js';
import type { CourseStatus } from '../domain/course-rules.js';

/** A 心理健康教育 course: lessons and quizzes, for the workers of a unit's subtree who match its audience. */
@Entity('edu_courses')
@Index('idx_edu_courses_unit_status', ['orgUnitId', 'status'])
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Owning unit: the course is for workers of this unit's subtree, and staff of this subtree manage it. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @JsonColumn()
  audience: Audience;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: CourseStatus;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @TimestampColumn({ name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
