import { IsOptional, IsUUID } from 'class-validator';
import type { EventKind, RegistrationStatus } from '../domain/registration-rules.js';
import type { EnrolmentStatus } from '../entities/enrolment.entity.js';
import type { LiteracyScoresDto } from './learning.dto.js';

export class ParticipationQueryDto {
  /** Only this course's enrolments. */
  @IsOptional() @IsUUID()
  courseId?: string;

  /** Only this event's registrations. */
  @IsOptional() @IsUUID()
  eventId?: string;
}

export class LearningUnitParticipationDto {
  orgUnitId: string;
  orgUnitName: string;
  enrolled: number;
  completed: number;
  /** Percent of enrolments completed. */
  completionRate: number | null;
  /** Registrations that held a seat (registered or attended). */
  eventSeats: number;
  eventAttended: number;
  /** Percent of seats whose holder was checked in. */
  attendanceRate: number | null;
}

export class ParticipationReportDto {
  rows: LearningUnitParticipationDto[];
}

export class LiteracyChangeDto {
  courseId: string;
  preCount: number;
  postCount: number;
  /** Workers with both a pre and a post check: the means below are over them. */
  pairedN: number;
  meanPre: number | null;
  meanPost: number | null;
  /** meanPost − meanPre, in percentage points. */
  meanChange: number | null;
}

export class QuizHistoryDto {
  quizId: string;
  title: string;
  attempts: number;
  bestPercent: number | null;
  passed: boolean;
}

export class CourseHistoryDto {
  courseId: string;
  title: string;
  status: EnrolmentStatus;
  enrolledAt: string;
  completedAt: string | null;
  lessonsCompleted: number;
  lessonsTotal: number;
  quizzes: QuizHistoryDto[];
  literacy: LiteracyScoresDto;
}

export class EventHistoryDto {
  eventId: string;
  kind: EventKind;
  title: string;
  startsAt: string;
  eventCancelled: boolean;
  status: RegistrationStatus;
  checkedInAt: string | null;
  rating: number | null;
}

/** A worker's learning history (学习记录): the education part of their 心理档案. */
export class LearningHistoryDto {
  courses: CourseHistoryDto[];
  events: EventHistoryDto[];
}
