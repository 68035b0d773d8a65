import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { QueryBoolean } from '../../../platform/http/query-boolean.js';
import type { CrisisLevel } from '../../shared/levels.js';
import type { CaseState } from '../domain/case-state.js';

export class OpenBreakGlassDto {
  /** A worker outside your scope. */
  @IsUUID()
  workerId: string;

  /** Why this cannot wait for someone whose scope holds the worker (kept, encrypted, for the review). */
  @IsString() @MinLength(10) @MaxLength(2000)
  reason: string;
}

export class ReviewBreakGlassDto {
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class BreakGlassQueryDto {
  /** `false`: only grants nobody has reviewed yet. */
  @IsOptional() @QueryBoolean() @IsBoolean()
  reviewed?: boolean;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export class BreakGlassCaseDto {
  id: string;
  level: CrisisLevel;
  state: CaseState;
  dueAt: string;
}

/** A grant as the counsellor who asked for it sees it. */
export class BreakGlassGrantDto {
  id: string;
  workerId: string;
  workerName: string;
  expiresAt: string;
  /** The worker's active cases, to open now; a new case may be opened too. */
  cases: BreakGlassCaseDto[];
}

/** A grant in the supervisors' review list. */
export class BreakGlassReviewItemDto {
  id: string;
  userId: string;
  /** The display name of the staff member who broke the glass. */
  userName: string | null;
  userUnitId: string;
  workerId: string;
  /** The worker's name, for the reviewer (the list read is audited). */
  workerName: string | null;
  workerUnitId: string;
  reason: string;
  createdAt: string;
  expiresAt: string;
  active: boolean;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
}

export class BreakGlassReviewPageDto {
  items: BreakGlassReviewItemDto[];
  total: number;
  page: number;
  pageSize: number;
}
