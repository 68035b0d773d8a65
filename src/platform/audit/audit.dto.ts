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
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
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

export class AuditCheckpointRefDto {
  /** How many rows the chain had when the checkpoint was signed. */
  size: number;
  at: string;
}

export class AuditVerificationDto {
  intact: boolean;
  /** Rows verified: chained rows (from the first, or from the newest checkpoint when incremental) and pending ones. */
  rows: number;
  /** Rows committed and checked against their own MAC but not yet linked into the chain by the sequencer. */
  pending: number;
  /** The seq of the first row that fails (for a gap: the missing row, as the next row names it); null otherwise. */
  brokenAt: number | null;
  /**
   * hash_mismatch, prev_mismatch, gap (rows); truncated, checkpoint_mismatch, checkpoint_unsigned (checkpoints);
   * unknown_key (a row or checkpoint names an audit key that is neither AUDIT_KEY nor in AUDIT_KEYS_RETIRED).
   */
  reason: string | null;
  /** For unknown_key: the id of the key the failing row or checkpoint names (a fingerprint, never the key). */
  keyId: string | null;
  /** Signed checkpoints the chain was checked against. */
  checkpoints: number;
  /** The checkpoint that fails, or else the newest one the chain reaches. */
  checkpoint: AuditCheckpointRefDto | null;
  /** After a restore: rows the checkpoints show were written after the backup was taken (lost with the restore). */
  lostSinceBackup: number;
}
