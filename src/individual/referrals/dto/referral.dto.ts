import type { WorkerContactDto } from '../../../people/workers/worker.dto.js';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { QueryBoolean } from '../../../platform/http/query-boolean.js';
import type { HistoryDto } from '../../shared/history.dto.js';
import { PROVIDER_TYPES, REFERRAL_OUTCOME_STEPS, REFERRAL_STATES, type ProviderType, type ReferralState, type ReferralStep } from '../domain/referral-state.js';
import type { ReferralSource } from '../entities/referral.entity.js';
import type { FollowUpDto } from './follow-up.dto.js';
import { HasText } from '../../../platform/http/validation.js';

export class CreateReferralDto {
  /** The worker (in your scope); or give `caseId` and the case's worker is taken. */
  @IsOptional() @IsUUID()
  workerId?: string;

  /** The crisis case this referral belongs to. */
  @IsOptional() @IsUUID()
  caseId?: string;

  @IsOptional() @IsIn(PROVIDER_TYPES)
  providerType?: ProviderType;

  /** The hospital, clinic or counsellor (required for a hospital before sending). */
  @IsOptional() @IsString() @HasText() @MaxLength(200)
  providerName?: string;

  /** For an EAP vendor: the vendor id the worker consented to (eap_referral consent). */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9-]{1,64}$/)
  vendorId?: string;

  /** Why the worker is referred (encrypted). */
  @IsOptional() @IsString() @MaxLength(4000)
  reason?: string;
}

/** Only while a draft. */
export class UpdateReferralDto {
  @IsOptional() @IsIn(PROVIDER_TYPES)
  providerType?: ProviderType;

  @IsOptional() @IsString() @HasText() @MaxLength(200)
  providerName?: string;

  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9-]{1,64}$/)
  vendorId?: string;

  @IsOptional() @IsString() @MaxLength(4000)
  reason?: string;
}

export class ReferralTransitionDto {
  /** What happened after sending (sending itself is POST /referrals/{id}/send). */
  @IsIn(REFERRAL_OUTCOME_STEPS)
  to: ReferralStep;

  @IsOptional() @IsString() @MaxLength(4000)
  note?: string;
}

export class ReferralQueryDto {
  @IsOptional() @IsIn(REFERRAL_STATES)
  state?: ReferralState;

  /** `true`: only referrals still waiting for an outcome. */
  @IsOptional() @QueryBoolean() @IsBoolean()
  open?: boolean;

  @IsOptional() @IsUUID()
  workerId?: string;

  @IsOptional() @IsUUID()
  caseId?: string;

  /** `true`: only referrals you are responsible for. */
  @IsOptional() @QueryBoolean() @IsBoolean()
  mine?: boolean;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export class ReferralSourceDto {
  type: ReferralSource;
  id: string | null;
}

export class ReferralDto {
  id: string;
  workerId: string;
  orgUnitId: string;
  caseId: string | null;
  ownerId: string | null;
  providerType: ProviderType | null;
  providerName: string | null;
  vendorId: string | null;
  state: ReferralState;
  /** Waiting for an outcome. */
  open: boolean;
  source: ReferralSourceDto;
  sentAt: string | null;
  outcomeAt: string | null;
  createdAt: string;
  allowedTransitions: ReferralState[];
}

/** A referral in a list, with the names the viewer may see (looked up for the whole page at once). */
export class ReferralListItemDto extends ReferralDto {
  workerName: string;
  /** The counsellor responsible, or null when nobody owns it yet. */
  ownerName: string | null;
}

export class ReferralPageDto {
  items: ReferralListItemDto[];
  total: number;
  page: number;
  pageSize: number;
}

/** One referral with its reason, outcome note, follow-ups and history (audited). */
export class ReferralDetailDto {
  referral: ReferralDto;
  reason: string | null;
  outcomeNote: string | null;
  followUps: FollowUpDto[];
  history: HistoryDto[];
  /** How to reach the worker (disclosure audited as `worker.contact_read`). */
  contact: WorkerContactDto | null;
}

/** What the EAP module reports for a vendor (see ReferralWorkflowService.applyVendorUpdate). */
export class VendorUpdateResultDto {
  referralId: string;
  state: ReferralState;
  /** False when the referral was already in that state (a repeated report). */
  applied: boolean;
}
