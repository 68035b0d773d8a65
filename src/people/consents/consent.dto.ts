import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CONSENT_PURPOSES, type ConsentPurpose } from './consent.entity.js';

export class RecordConsentDto {
  @IsIn(CONSENT_PURPOSES)
  purpose: ConsentPurpose;

  @IsBoolean()
  granted: boolean;

  /** For `eap_referral`: the vendor the consent is for. */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9-]{1,64}$/)
  recipientId?: string;

  /** Set by a counsellor recording consent given on paper. */
  @IsOptional() @IsBoolean()
  onPaper?: boolean;

  @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

export class ConsentEventDto {
  id: string;
  purpose: ConsentPurpose;
  recipientId: string | null;
  granted: boolean;
  onPaper: boolean;
  recordedBy: string;
  /** Who recorded it: the worker themself, or the staff member who took the consent on paper. */
  recordedByName: string | null;
  note: string | null;
  at: string;
}

export class ConsentStateDto {
  purpose: ConsentPurpose;
  recipientId: string | null;
  granted: boolean;
  since: string;
}

export class ConsentsDto {
  /** The standing state per purpose (and recipient). */
  current: ConsentStateDto[];
  /** Every grant and withdrawal, newest first. */
  history: ConsentEventDto[];
}
