import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { SharedReferralDataDto } from '../referrals-out/eap-referral.dto.js';
import { VENDOR_OUTCOMES, VENDOR_VISIBLE, type EapReferralStatus, type VendorOutcome } from '../referrals-out/referral-state.js';
import { IsInstant } from '../../platform/http/validation.js';

export class OutcomeReportDto {
  /** accepted, declined, session_attended, completed, dropped_out. */
  @IsIn(VENDOR_OUTCOMES)
  type: VendorOutcome;

  /** For session_attended: which session (1, 2, …). Reporting the same number again changes nothing. */
  @IsOptional() @IsInt() @Min(1) @Max(1000)
  sessionNumber?: number;

  /** When it happened (default: now). */
  @IsOptional() @IsInstant()
  occurredAt?: string;

  /** A short note for the union counsellor (kept encrypted). */
  @IsOptional() @IsString() @MaxLength(1000)
  note?: string;
}

export class OutcomeResultDto {
  referralId: string;
  status: EapReferralStatus;
  /** False when the report repeated what was already recorded (vendors may retry safely). */
  applied: boolean;
  sessionsRecorded: number;
  /** Sessions this worker may still use under the contract. */
  sessionsRemaining: number;
  /** The session reported was past the quota: recorded, not billable. */
  beyondQuota: boolean;
}

export class VendorReferralQueryDto {
  @IsOptional() @IsIn(VENDOR_VISIBLE)
  status?: EapReferralStatus;

  /** Only referrals sent after this instant (for polling). */
  @IsOptional() @IsInstant()
  sentAfter?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

/** A referral as the vendor sees it. After a withdrawal only the id and status remain. */
export class VendorReferralDto {
  referralId: string;
  status: EapReferralStatus;
  sentAt: string;
  withdrawnAt: string | null;
  /** What was shared (null once withdrawn). */
  data: SharedReferralDataDto | null;
  sessionsRecorded: number;
}
