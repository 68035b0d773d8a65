import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../../platform/database/columns.js';
import { Lesson } from './lesson.entity.js';

@Entity('edu_lesson_completions')
@Index('uq_edu_lesson_completions_worker_course_lesson', ['workerId', 'courseId', 'lessonId'], { unique: true })
export class LessonCompletion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'lesson_id' })
  lessonId: string;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  @IdColumn({ name: 'course_id' })
  courseId: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @CreatedAtColumn()
  createdAt: Date;
}
