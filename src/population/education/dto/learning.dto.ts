import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Min } from 'class-validator';
import type { Progress } from '../domain/course-rules.js';
import type { LiteracyPhase, QuizKind } from '../domain/quiz-rules.js';
import type { EnrolmentStatus } from '../entities/enrolment.entity.js';
import type { LessonDto, QuizDto } from './course.dto.js';

export class QuizAttemptInput {
  /** One option index per question, in order. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @IsInt({ each: true }) @Min(0, { each: true })
  answers: number[];
}

export class EnrolmentDto {
  courseId: string;
  status: EnrolmentStatus;
  enrolledAt: string;
  completedAt: string | null;
}

export class MyLessonDto {
  lesson: LessonDto;
  completed: boolean;
}

export class MyQuizDto {
  /** Without the answer key. */
  quiz: QuizDto;
  attempts: number;
  bestPercent: number | null;
  passed: boolean;
}

export class LiteracyScoresDto {
  /** Percent scores of the worker's pre- and post-course checks. */
  pre: number | null;
  post: number | null;
}

export class MyCourseSummaryDto {
  id: string;
  title: string;
  summary: string | null;
  enrolment: EnrolmentDto | null;
}

export class MyCourseDto extends MyCourseSummaryDto {
  lessons: MyLessonDto[];
  quizzes: MyQuizDto[];
  progress: Progress;
  literacy: LiteracyScoresDto;
}

export class QuizResultDto {
  quizId: string;
  kind: QuizKind;
  /** `pre`/`post` for the literacy check; null for a knowledge quiz. */
  phase: LiteracyPhase | null;
  score: number;
  maxScore: number;
  percent: number;
  /** Null for the literacy check (it has no pass mark). */
  passed: boolean | null;
  correct: boolean[];
  courseCompleted: boolean;
}

export class CourseProgressDto {
  courseId: string;
  enrolment: EnrolmentDto;
  progress: Progress;
}
