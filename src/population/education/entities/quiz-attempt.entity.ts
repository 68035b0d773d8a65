import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn } from '../../../platform/database/columns.js';
import { Quiz } from './quiz.entity.js';

/** One attempt at a knowledge quiz: the answers and the result together, so history never changes with the key. */
@Entity('edu_quiz_attempts')
@Index('idx_edu_quiz_attempts_worker_course', ['workerId', 'courseId'])
export class QuizAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'quiz_id' })
  quizId: string;

  @ManyToOne(() => Quiz, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: Quiz;

  @IdColumn({ name: 'course_id' })
  courseId: string;

  @IdColumn({ name: 'worker_id' })
  workerId: string;

  @JsonColumn()
  answers: number[];

  @Column({ type: 'integer' })
  score: number;

  @Column({ name: 'max_score', type: 'integer' })
  maxScore: number;

  @Column({ type: 'boolean' })
  passed: boolean;

  @CreatedAtColumn()
  createdAt: Date;
}
