import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '../domain/programme-rules.js';
import type { EnrolmentSource } from '../entities/programme-enrolment.entity.js';
import type { ActivityKind } from '../domain/programme-rules.js';
import type { ProgrammeTextDto } from './programme.dto.js';

export class ProgrammeMemberQueryDto {
  @IsOptional() @IsIn(ENROLMENT_STATUSES)
  status?: EnrolmentStatus;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  pageSize?: number;
}

/** A worker enrolled in a programme (clinical staff in scope only; audited). */
export class ProgrammeMemberDto {
  workerId: string;
  workerName: string;
  orgUnitId: string;
  status: EnrolmentStatus;
  source: EnrolmentSource;
  invitedAt: string;
  /** Null until the invitation reached the worker's inbox (or when the worker has no account). */
  invitationSentAt: string | null;
  statusChangedAt: string | null;
}

export class MemberPageDto {
  items: ProgrammeMemberDto[];
  total: number;
  page: number;
  pageSize: number;
}

export class ProgrammeEnrolmentDto {
  programmeId: string;
  workerId: string;
  status: EnrolmentStatus;
  statusChangedAt: string | null;
}

export class MyActivityDto {
  id: string;
  kind: ActivityKind;
  title: string;
  scheduledAt: string;
  /** Screening: the campaign to answer (GET /me/campaigns). */
  campaignId: string | null;
  courseId: string | null;
  eventId: string | null;
}

/** A programme the worker was invited to, as they see it. */
export class MyProgrammeDto {
  programmeId: string;
  title: string;
  description: string | null;
  subgroupName: ProgrammeTextDto;
  status: EnrolmentStatus;
  invitedAt: string;
  statusChangedAt: string | null;
  /** Activities not cancelled, once accepted; empty before. */
  activities: MyActivityDto[];
}

/** A worker's enrolments in the composed 心理档案. */
export class ProgrammeHistoryDto {
  programmeId: string;
  title: string;
  subgroup: string;
  subgroupName: ProgrammeTextDto;
  sensitive: boolean;
  status: EnrolmentStatus;
  source: EnrolmentSource;
  invitedAt: string;
  statusChangedAt: string | null;
  /** Group sessions and check-ins attended. */
  sessionsAttended: number;
}
