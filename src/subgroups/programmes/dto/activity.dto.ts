import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  ACTIVITY_KINDS,
  SCREENING_PHASES,
  TASK_OUTCOMES,
  TASK_STATUSES,
  type ActivityKind,
  type ActivityStatus,
  type ScreeningPhase,
  type TaskKind,
  type TaskOutcome,
  type TaskStatus,
} from '../domain/programme-rules.js';
import { IsInstant, HasText } from '../../../platform/http/validation.js';

export class CreateActivityDto {
  @IsIn(ACTIVITY_KINDS)
  kind: ActivityKind;

  @IsString() @HasText() @MaxLength(200)
  title: string;

  /** When it is due (in the future): tasks and notices go out then. */
  @IsInstant()
  scheduledAt: string;

  /** Counsellor or supervisor whose scope holds the programme's unit; default: you. */
  @IsOptional() @IsUUID()
  responsibleId?: string;

  /** Screening: instrument codes, e.g. ["WHO-5", "PHQ-9"]. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @IsString({ each: true })
  instrumentCodes?: string[];

  /** Screening: baseline (before) or follow_up (after), for the outcome measures. */
  @IsOptional() @IsIn(SCREENING_PHASES)
  phase?: ScreeningPhase;

  /** Screening: days the campaign stays open. Default 14. */
  @IsOptional() @IsInt() @Min(1) @Max(90)
  windowDays?: number;

  /** Education: a published course … */
  @IsOptional() @IsUUID()
  courseId?: string;

  /** … or a scheduled lecture or workshop. */
  @IsOptional() @IsUUID()
  eventId?: string;
}

export class ActivityDto {
  id: string;
  programmeId: string;
  kind: ActivityKind;
  title: string;
  scheduledAt: string;
  responsibleId: string;
  status: ActivityStatus;
  instrumentCodes: string[] | null;
  phase: ScreeningPhase | null;
  campaignId: string | null;
  courseId: string | null;
  eventId: string | null;
  createdAt: string;
}

export class ProgrammeAttendanceInput {
  /** Enrolled workers who came. */
  @IsArray() @ArrayMaxSize(1000) @ArrayUnique() @IsUUID('all', { each: true })
  present: string[];

  @IsOptional() @IsArray() @ArrayMaxSize(1000) @ArrayUnique() @IsUUID('all', { each: true })
  absent?: string[];
}

export class AttendanceResultDto {
  present: number;
  absent: number;
}

export class TaskQueryDto {
  @IsOptional() @IsIn(TASK_STATUSES)
  status?: TaskStatus;
}

export class TaskDto {
  id: string;
  programmeId: string;
  programmeTitle: string;
  activityId: string;
  activityTitle: string;
  kind: TaskKind;
  /** The worker to check in with (null for a task about the whole activity). */
  workerId: string | null;
  workerName: string | null;
  dueAt: string;
  status: TaskStatus;
  outcome: TaskOutcome | null;
  completedAt: string | null;
}

export class CompleteTaskDto {
  /** Check-ins: attended, no_show or unreachable; other tasks: done. */
  @IsIn(TASK_OUTCOMES)
  outcome: TaskOutcome;

  /** Encrypted at rest; no clinical detail needed here. */
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}
