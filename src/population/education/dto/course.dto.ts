import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AudienceDto } from '../../shared/audience.dto.js';
import type { Audience } from '../../shared/audience.js';
import type { CourseStatus } from '../domain/course-rules.js';
import { QUIZ_KINDS, type QuizKind } from '../domain/quiz-rules.js';
import { LESSON_KINDS, type LessonKind } from '../entities/lesson.entity.js';
import { HasText } from '../../../platform/http/validation.js';

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true };

export class CreateCourseDto {
  /** 课程名称, e.g. 压力管理与情绪调适 */
  @IsString() @HasText() @MaxLength(200)
  title: string;

  @IsOptional() @IsString() @MaxLength(4000)
  summary?: string;

  /** The course is for workers of this unit's subtree (must be in your scope). */
  @IsUUID()
  orgUnitId: string;

  @IsOptional() @ValidateNested() @Type(() => AudienceDto)
  audience?: AudienceDto;
}

export class UpdateCourseDto {
  @IsOptional() @IsString() @HasText() @MaxLength(200)
  title?: string;

  @IsOptional() @IsString() @MaxLength(4000)
  summary?: string;

  @IsOptional() @ValidateNested() @Type(() => AudienceDto)
  audience?: AudienceDto;
}

export class CourseStatusInput {
  @IsIn(['published', 'archived'])
  status: 'published' | 'archived';
}

export class CreateLessonDto {
  @IsString() @HasText() @MaxLength(200)
  title: string;

  @IsIn(LESSON_KINDS)
  kind: LessonKind;

  /** The lesson text (required for `text`). */
  @IsOptional() @IsString() @MaxLength(20000)
  body?: string;

  /** Video link (`video`) or download URL (`material`). */
  @IsOptional() @IsUrl(HTTP_URL) @MaxLength(1000)
  url?: string;
}

export class QuizQuestionInput {
  @IsString() @HasText() @MaxLength(500)
  prompt: string;

  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(8) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(200, { each: true })
  options: string[];

  /** Index (0-based) of the correct option. */
  @IsInt() @Min(0) @Max(7)
  answer: number;

  @IsOptional() @IsInt() @Min(1) @Max(10)
  points?: number;
}

export class CreateQuizDto {
  /** `knowledge` (needs passingScore) or `literacy` (the course's pre/post 素养测查, at most one per course). */
  @IsIn(QUIZ_KINDS)
  kind: QuizKind;

  @IsString() @HasText() @MaxLength(200)
  title: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => QuizQuestionInput)
  questions: QuizQuestionInput[];

  /** Percent needed to pass (knowledge quizzes only). */
  @IsOptional() @IsInt() @Min(1) @Max(100)
  passingScore?: number;
}

export class LessonDto {
  id: string;
  position: number;
  title: string;
  kind: LessonKind;
  body: string | null;
  url: string | null;
}

export class QuestionDto {
  prompt: string;
  options: string[];
  points: number;
  /** Only in staff views. */
  answer?: number;
}

export class QuizDto {
  id: string;
  kind: QuizKind;
  title: string;
  passingScore: number | null;
  questions: QuestionDto[];
}

export class CourseSummaryDto {
  id: string;
  orgUnitId: string;
  title: string;
  summary: string | null;
  status: CourseStatus;
  audience: Audience;
  publishedAt: string | null;
  createdAt: string;
}

export class CourseDto extends CourseSummaryDto {
  lessons: LessonDto[];
  quizzes: QuizDto[];
}
