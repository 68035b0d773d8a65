import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { QueryBoolean } from '../../../platform/http/query-boolean.js';
import type { HistoryDto } from '../../shared/history.dto.js';
import { INCIDENT_STATES, INCIDENT_TYPES, SESSION_KINDS, type IncidentState, type IncidentType, type SessionKind } from '../domain/incident-rules.js';
import { IsInstant, HasText } from '../../../platform/http/validation.js';

export class RecordIncidentDto {
  @IsIn(INCIDENT_TYPES)
  type: IncidentType;

  /** A short title for staff lists (workers never see it). */
  @IsString() @HasText() @MaxLength(200)
  title: string;

  /** What happened (encrypted). */
  @IsOptional() @IsString() @MaxLength(4000)
  description?: string;

  /** When it happened (not in the future). */
  @IsInstant()
  occurredAt: string;

  /** The affected unit: everyone in its subtree. Give this or `workerIds`. */
  @IsOptional() @IsUUID()
  orgUnitId?: string;

  /** The affected workers (in your scope). */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5000) @ArrayUnique() @IsUUID('all', { each: true })
  workerIds?: string[];
}

export class IncidentTransitionDto {
  @IsIn(INCIDENT_STATES)
  to: IncidentState;

  @IsString() @HasText() @MaxLength(2000)
  reason: string;
}

export class IncidentQueryDto {
  @IsOptional() @IsIn(INCIDENT_STATES)
  state?: IncidentState;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export class AffectedQueryDto {
  /** `true`: only those not yet reached by any session. */
  @IsOptional() @QueryBoolean() @IsBoolean()
  unreached?: boolean;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  pageSize?: number;
}

export class ScheduleSessionDto {
  @IsIn(SESSION_KINDS)
  kind: SessionKind;

  @IsInstant()
  startsAt: string;

  @IsOptional() @IsString() @MaxLength(200)
  location?: string;

  /** The counsellor leading it (in your scope). */
  @IsOptional() @IsUUID()
  facilitatorId?: string;
}

export class IncidentAttendanceDto {
  /** Affected workers of the incident. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ArrayUnique() @IsUUID('all', { each: true })
  workerIds: string[];

  @IsBoolean()
  attended: boolean;
}

export class IncidentSessionDto {
  id: string;
  kind: SessionKind;
  startsAt: string;
  location: string | null;
  facilitatorId: string | null;
  attended: number;
}

export class IncidentScreeningDto {
  campaignId: string;
  round: number;
  offsetDays: number;
  opensAt: string;
  closesAt: string;
}

export class IncidentCoverageDto {
  affected: number;
  reached: number;
  screened: number;
  positive: number;
  referred: number;
  positiveNotReferred: number;
  reachedPct: number | null;
  screenedPct: number | null;
  positivePct: number | null;
  positiveReferredPct: number | null;
}

export class IncidentDto {
  id: string;
  orgUnitId: string;
  type: IncidentType;
  title: string;
  occurredAt: string;
  affectedBy: 'unit' | 'workers';
  affectedCount: number;
  state: IncidentState;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
}

export class IncidentPageDto {
  items: IncidentDto[];
  total: number;
  page: number;
  pageSize: number;
}

export class IncidentDetailDto {
  incident: IncidentDto;
  description: string | null;
  sessions: IncidentSessionDto[];
  screenings: IncidentScreeningDto[];
  coverage: IncidentCoverageDto;
  history: HistoryDto[];
}

export class AffectedWorkerDto {
  workerId: string;
  name: string;
  orgUnitId: string;
  reached: boolean;
}

export class AffectedPageDto {
  items: AffectedWorkerDto[];
  total: number;
  page: number;
  pageSize: number;
}
