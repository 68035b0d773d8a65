import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn } from '../../../platform/database/columns.js';
import type { QuizKind, QuizQuestion } from '../domain/quiz-rules.js';
import { Course } from './course.entity.js';

/** A short quiz of a course: a knowledge quiz with a passing score, or the course's literacy check (at most one). */
@Entity('edu_quizzes')
@Index('idx_edu_quizzes_course', ['courseId'])
export class Quiz {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'course_id' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'varchar', length: 10 })
  kind: QuizKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Questions with their answer key; workers are shown them without `answer`. */
  @JsonColumn()
  questions: QuizQuestion[];

  /** Percent needed to pass a knowledge quiz; null for the literacy check. */
  @Column({ name: 'passing_score', type: 'integer', nullable: true })
  passingScore: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}
