import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { TeachingMethod } from '../domain/training-catalogue.js';

/** One session of a course, taught by one method; attending it earns its continuing-education minutes. */
@Entity('training_sessions')
@Index('idx_training_sessions_course', ['courseId', 'startsAt'])
export class TrainingSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'course_id' })
  courseId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  method: TeachingMethod;

  @TimestampColumn({ name: 'starts_at' })
  startsAt: Date;

  @TimestampColumn({ name: 'ends_at' })
  endsAt: Date;

  /** Continuing-education credit for attending, in minutes. */
  @Column({ name: 'ce_minutes', type: 'integer' })
  ceMinutes: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  place: string | null;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
