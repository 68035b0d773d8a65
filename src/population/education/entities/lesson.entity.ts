import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../../platform/database/columns.js';
import { Course } from './course.entity.js';

export const LESSON_KINDS = ['text', 'video', 'material'] as const;
/** `text`: read in the app; `video`: a link to the video; `material`: a downloadable file's URL. */
export type LessonKind = (typeof LESSON_KINDS)[number];

@Entity('edu_lessons')
@Index('uq_edu_lessons_course_position', ['courseId', 'position'], { unique: true })
export class Lesson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'course_id' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 10 })
  kind: LessonKind;

  /** The text of a `text` lesson (or an introduction to a video or material). */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** Video link or material download URL. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  url: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
