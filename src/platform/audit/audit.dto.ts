import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsInstant } from '../http/validation.js';

export class AuditQueryDto {
  @IsOptional() @IsUUID()
  workerId?: string;

  @IsOptional() @IsUUID()
  actorId?: string;

  @IsOptional() @IsString() @MaxLength(80)
  action?: string;

  @IsOptional() @IsInstant()
  from?: string;

  @IsOptional() @IsInstant()
  to?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  /** Rows with seq below this (for paging backwards). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  before?: number;
}

export class AuditEventDto {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  workerId: string | null;
  ip: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
}

export class AuditVerificationDto {
  intact: boolean;
  rows: number;
  brokenAt: number | null;
  reason: string | null;
}
