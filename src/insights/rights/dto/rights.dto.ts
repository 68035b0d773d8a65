import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REFUSAL_CODES, RIGHTS_REQUEST_STATUSES, type RefusalCode } from '../entities/rights-request.entity.js';
import { HasText } from '../../../platform/http/validation.js';

/** Profile fields a worker may ask to have corrected (PIPL art. 46). */
export const CORRECTABLE_FIELDS = ['name', 'gender', 'birthYear', 'employeeNo', 'phone', 'email', 'jobTitle'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export class CorrectionRequestInput {
  @IsIn(CORRECTABLE_FIELDS)
  field: CorrectableField;

  /** The correct value, as the worker gives it (checked like a profile edit when applied). */
  @IsString() @HasText() @MaxLength(200)
  value: string;

  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class DeletionRequestInput {
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class RefuseRequestInput {
  @IsIn(REFUSAL_CODES)
  code: RefusalCode;

  /** The reason the worker reads (required: a refusal must say why). */
  @IsString() @HasText() @MaxLength(2000)
  reason: string;
}

export class RightsRequestQueryDto {
  @IsOptional() @IsIn(RIGHTS_REQUEST_STATUSES)
  status?: (typeof RIGHTS_REQUEST_STATUSES)[number];
}

export class RetentionHoldDto {
  code: string;
  zh: string;
  en: string;
}

export class RightsRequestDto {
  id: string;
  workerId: string;
  /** For reviewers: the worker's name (their own requests leave it out). */
  workerName?: string;
  kind: string;
  status: string;
  change: { field: string; value: string } | null;
  note: string | null;
  refusalCode: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  createdAt: string;
  /** For staff on a pending deletion: reasons the records must be kept for now. */
  holds?: RetentionHoldDto[];
  outcome: Record<string, string> | null;
}

export class AccessEntryDto {
  at: string;
  /** Who: their display name and role (a staff member of the service). */
  who: string;
  role: string;
  action: string;
  resourceType: string;
}

export class ErasureCoverageDto {
  module: string;
  table: string;
  action: string;
  what: string;
}
