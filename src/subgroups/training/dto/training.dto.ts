import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  CERTIFICATION_TYPES,
  TEACHING_METHODS,
  TRAINING_AUDIENCES,
  TRAINING_TOPICS,
  type CertificationType,
  type TeachingMethod,
  type TrainingAudience,
  type TrainingTopic,
} from '../domain/training-catalogue.js';
import type { TrainingCourseStatus } from '../entities/training-course.entity.js';
import type { CertificationDto } from './certification.dto.js';
import { IsInstant, HasText } from '../../../platform/http/validation.js';

export class TrainingLabelDto {
  code: string;
  zh: string;
  en: string;
}

export class TrainingCatalogueDto {
  topics: TrainingLabelDto[];
  methods: TrainingLabelDto[];
  audiences: TrainingLabelDto[];
  certificationTypes: TrainingLabelDto[];
}

export class CreateTrainingCourseDto {
  /** e.g. 工会干部积极心理学实务 */
  @IsString() @HasText() @MaxLength(200)
  title: string;

  @IsOptional() @IsString() @MaxLength(4000)
  description?: string;

  /** Organising unit, in your scope; default: your own unit. */
  @IsOptional() @IsUUID()
  orgUnitId?: string;

  /** social_psychology 社会心理学, positive_psychology 积极心理学, applied_psychology 应用心理学. */
  @IsIn(TRAINING_TOPICS)
  topic: TrainingTopic;

  /** study 研究式, case 案例式, experiential 体验式, simulation 模拟式. */
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(TEACHING_METHODS, { each: true })
  methods: TeachingMethod[];

  @IsIn(TRAINING_AUDIENCES)
  audience: TrainingAudience;

  /** 0–100; default 60. */
  @IsOptional() @IsInt() @Min(0) @Max(100)
  passingScore?: number;

  /** Passing grants this certification … */
  @IsOptional() @IsIn(CERTIFICATION_TYPES)
  certificationType?: CertificationType;

  /** … valid this many months (required with certificationType). */
  @IsOptional() @IsInt() @Min(1) @Max(120)
  certificationMonths?: number;
}

export class CreateTrainingSessionDto {
  @IsString() @HasText() @MaxLength(200)
  title: string;

  /** One of the course's methods. */
  @IsIn(TEACHING_METHODS)
  method: TeachingMethod;

  @IsInstant()
  startsAt: string;

  @IsInstant()
  endsAt: string;

  /** Continuing-education hours credited for attending (0.5–40, one decimal). */
  @IsNumber({ maxDecimalPlaces: 1 }) @Min(0.5) @Max(40)
  ceHours: number;

  @IsOptional() @IsString() @MaxLength(300)
  place?: string;
}

export class TrainingSessionDto {
  id: string;
  courseId: string;
  title: string;
  method: TeachingMethod;
  startsAt: string;
  endsAt: string;
  ceHours: number;
  place: string | null;
}

export class TrainingCourseDto {
  id: string;
  orgUnitId: string;
  title: string;
  description: string | null;
  topic: TrainingTopic;
  methods: TeachingMethod[];
  audience: TrainingAudience;
  passingScore: number;
  certificationType: CertificationType | null;
  certificationMonths: number | null;
  status: TrainingCourseStatus;
  sessions: TrainingSessionDto[];
  createdAt: string;
}

export class SessionAttendanceInput {
  /** Staff user ids who attended (in your scope). */
  @IsArray() @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true })
  present: string[];

  @IsOptional() @IsArray() @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true })
  absent?: string[];
}

export class SessionAttendanceDto {
  sessionId: string;
  present: number;
  absent: number;
}

export class RecordAssessmentDto {
  @IsUUID()
  userId: string;

  @IsInt() @Min(0) @Max(100)
  score: number;
}

export class TrainingAssessmentDto {
  id: string;
  courseId: string;
  userId: string;
  score: number;
  passed: boolean;
  /** Granted by this pass (the course's certification), else null. */
  certification: CertificationDto | null;
  createdAt: string;
}

export class YearQueryDto {
  /** Default: the current year (Beijing time). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;
}

export class CeHoursRowDto {
  userId: string;
  displayName: string;
  role: string;
  orgUnitId: string;
  hours: number;
  sessionsAttended: number;
}

/** Continuing-education hours per person in scope for one year (staff with none included, at 0). */
export class CeHoursReportDto {
  year: number;
  items: CeHoursRowDto[];
}

export class MyTrainingSessionDto {
  sessionId: string;
  courseId: string;
  courseTitle: string;
  title: string;
  method: TeachingMethod;
  startsAt: string;
  present: boolean;
  ceHours: number;
}

export class MyTrainingDto {
  year: number;
  ceHours: number;
  sessions: MyTrainingSessionDto[];
  assessments: TrainingAssessmentDto[];
  certifications: CertificationDto[];
}
