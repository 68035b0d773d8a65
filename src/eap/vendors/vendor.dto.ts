import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { EAP_SERVICES, type EapService } from '../shared/eap-services.js';
import { HasText } from '../../platform/http/validation.js';

export class CreateVendorDto {
  @IsString() @HasText() @MaxLength(200)
  name: string;

  @IsArray() @ArrayUnique() @ArrayMaxSize(EAP_SERVICES.length) @IsIn(EAP_SERVICES, { each: true })
  services: EapService[];

  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true })
  regions?: string[];

  @IsOptional() @IsString() @MaxLength(100)
  contactName?: string;

  @IsOptional() @IsEmail() @MaxLength(200)
  contactEmail?: string;

  @IsOptional() @IsString() @Matches(/^[0-9+\-() ]{5,40}$/)
  contactPhone?: string;
}

export class UpdateVendorDto {
  @IsOptional() @IsString() @HasText() @MaxLength(200)
  name?: string;

  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(EAP_SERVICES.length) @IsIn(EAP_SERVICES, { each: true })
  services?: EapService[];

  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true })
  regions?: string[];

  @IsOptional() @IsString() @MaxLength(100)
  contactName?: string;

  @IsOptional() @IsEmail() @MaxLength(200)
  contactEmail?: string;

  @IsOptional() @IsString() @Matches(/^[0-9+\-() ]{5,40}$/)
  contactPhone?: string;

  /** false: no new referrals (what it has continues). */
  @IsOptional() @IsBoolean()
  active?: boolean;
}

export class VendorDto {
  id: string;
  name: string;
  services: EapService[];
  regions: string[];
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  active: boolean;
  /** Whether the vendor has a secret to sign its webhooks to us with. */
  inboundSigningConfigured: boolean;
  createdAt: string;
}

export class RotateSecretDto {
  /** How long the previous secret stays valid (hours, default 24; 0 = at once). */
  @IsOptional() @IsInt() @Min(0) @Max(720)
  graceHours?: number;
}

/** A signing secret, shown once. */
export class SigningSecretDto {
  /** `whsec_…`: store it now, it is not shown again. */
  secret: string;
  /** Until when the previous secret is still accepted (null: no previous secret). */
  previousValidUntil: string | null;
}
