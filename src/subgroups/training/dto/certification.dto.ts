import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { CertificationState } from '../domain/certification-rules.js';
import { CERTIFICATION_TYPES, type CertificationType } from '../domain/training-catalogue.js';
import type { CertificationSource } from '../entities/certification.entity.js';
import { IsInstant } from '../../../platform/http/validation.js';

export class IssueCertificationDto {
  @IsUUID()
  userId: string;

  @IsIn(CERTIFICATION_TYPES)
  type: CertificationType;

  /** Default: now. An outside certificate may date from the past. */
  @IsOptional() @IsInstant()
  issuedAt?: string;

  @IsInt() @Min(1) @Max(120)
  validMonths: number;
}

export class CertificationQueryDto {
  @IsOptional() @IsUUID()
  userId?: string;

  @IsOptional() @IsIn(CERTIFICATION_TYPES)
  type?: CertificationType;

  /** Only certifications current (or expiring) now. */
  @IsOptional() @IsIn(['current', 'expiring', 'expired', 'revoked', 'not_yet_valid'])
  state?: CertificationState;
}

export class CertificationDto {
  id: string;
  userId: string;
  type: CertificationType;
  issuedAt: string;
  expiresAt: string;
  /** Now: current, expiring (within 30 days), expired, revoked or not_yet_valid. */
  state: CertificationState;
  source: CertificationSource;
  courseId: string | null;
  revokedAt: string | null;
  /** When the expiry was flagged to the holder's supervisor. */
  expiryFlaggedAt: string | null;
}

export class CertifiedStaffQueryDto {
  @IsIn(CERTIFICATION_TYPES)
  type: CertificationType;
}

/** A counsellor or supervisor in scope holding a current certification of the type (e.g. for crisis assignments). */
export class CertifiedStaffDto {
  userId: string;
  displayName: string;
  role: string;
  orgUnitId: string;
}
