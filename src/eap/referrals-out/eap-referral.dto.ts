import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CONTACT_CHANNELS, EAP_SERVICES, URGENCIES, type ContactChannel, type EapService, type Urgency } from '../shared/eap-services.js';
import { EAP_REFERRAL_STATUSES, type EapReferralStatus } from './referral-state.js';
import { HasText } from '../../platform/http/validation.js';

export class ContactPreferenceDto {
  @IsIn(CONTACT_CHANNELS)
  channel: ContactChannel;

  /** The phone number (`phone`) or email address (`email`) the worker chose to give the vendor; none otherwise. */
  @IsOptional() @IsString() @MaxLength(200)
  detail?: string;

  /** e.g. 工作日晚上 / weekday evenings. */
  @IsOptional() @IsString() @MaxLength(100)
  bestTime?: string;
}

export class CreateEapReferralDto {
  @IsUUID()
  workerId: string;

  @IsUUID()
  vendorId: string;

  @IsIn(EAP_SERVICES)
  service: EapService;

  @IsIn(URGENCIES)
  urgency: Urgency;

  @IsObject() @ValidateNested() @Type(() => ContactPreferenceDto)
  contactPreference: ContactPreferenceDto;

  /**
   * Written for the vendor: what the service needs to know, in words the worker would accept being shared. Never paste
   * case notes or assessment answers here: the preview shows this text exactly as the vendor will read it.
   */
  @IsString() @HasText() @MaxLength(2000)
  summary: string;

  /**
   * The individual tier's draft referral (provider type eap_vendor) this one carries out. Without it, sending makes one,
   * so every EAP referral is in the worker's referral loop with its follow-ups.
   */
  @IsOptional() @IsUUID()
  individualReferralId?: string;
}

export class UpdateEapReferralDto {
  @IsOptional() @IsUUID()
  vendorId?: string;

  @IsOptional() @IsIn(EAP_SERVICES)
  service?: EapService;

  @IsOptional() @IsIn(URGENCIES)
  urgency?: Urgency;

  @IsOptional() @IsObject() @ValidateNested() @Type(() => ContactPreferenceDto)
  contactPreference?: ContactPreferenceDto;

  @IsOptional() @IsString() @HasText() @MaxLength(2000)
  summary?: string;
}

export class SendEapReferralDto {
  /** The `sha256` of the preview you checked: the referral is sent only if it would share exactly that. */
  @Matches(/^[0-9a-f]{64}$/)
  previewSha256: string;
}

export class EapReferralQueryDto {
  @IsOptional() @IsUUID()
  workerId?: string;

  @IsOptional() @IsUUID()
  vendorId?: string;

  @IsOptional() @IsIn(EAP_REFERRAL_STATUSES)
  status?: EapReferralStatus;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class ContactPreferenceViewDto {
  channel: ContactChannel;
  detail: string | null;
  bestTime: string | null;
}

/** Exactly what the vendor receives in the `data` of `referral.created` (and through its API). */
export class SharedReferralDataDto {
  referralId: string;
  service: EapService;
  urgency: Urgency;
  contactPreference: ContactPreferenceViewDto;
  summary: string;
  /** Null in a preview while no contract can take the referral. */
  sessionsAllowed: number | null;
  contractReference: string | null;
}

export class CoverageCheckDto {
  ok: boolean;
  contractId: string | null;
  /** Why not: NO_CONTRACT, CONTRACT_NOT_ACTIVE, SERVICE_NOT_COVERED, QUOTA_EXHAUSTED, VENDOR_INACTIVE. */
  code: string | null;
  detail: Record<string, unknown> | null;
}

/** What sending would share, before sending. */
export class EapReferralPreviewDto {
  /** The webhook event the vendor will receive. */
  eventType: string;
  data: SharedReferralDataDto;
  /** Fingerprint of `data` to pass to send; null while it cannot be sent. */
  sha256: string | null;
  consentGranted: boolean;
  coverage: CoverageCheckDto;
  /** Active webhook endpoints of the vendor (0: the vendor will find it through its API). */
  webhookEndpoints: number;
  canSend: boolean;
}

export class EapReferralEventDto {
  type: string;
  sessionNumber: number | null;
  occurredAt: string;
  source: string;
  note: string | null;
  beyondQuota: boolean;
  recordedAt: string;
}

export class EapReferralSummaryDto {
  id: string;
  vendorRef: string;
  workerId: string;
  vendorId: string;
  vendorName: string;
  contractId: string | null;
  service: EapService;
  urgency: Urgency;
  status: EapReferralStatus;
  sessionsUsed: number;
  sentAt: string | null;
  closedAt: string | null;
  createdAt: string;
  /** The individual tier's referral (点 · 转介与帮扶) this one carries out: set when drafted with one, or when sent. */
  individualReferralId: string | null;
}

export class EapReferralDto extends EapReferralSummaryDto {
  contactPreference: ContactPreferenceViewDto;
  summary: string;
  /** What was shared when sent (null before). */
  sharedData: SharedReferralDataDto | null;
  sharedSha256: string | null;
  acceptedAt: string | null;
  declinedAt: string | null;
  firstSessionAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  history: EapReferralEventDto[];
}
