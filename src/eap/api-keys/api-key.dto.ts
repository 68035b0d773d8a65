import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { HasText } from '../../platform/http/validation.js';

export class CreateApiKeyDto {
  /** What the key is for, e.g. 生产系统 / production. */
  @IsString() @HasText() @MaxLength(100)
  label: string;
}

export class RotateApiKeyDto {
  /** How long the old key keeps working (hours, default 24; 0 = revoked at once). */
  @IsOptional() @IsInt() @Min(0) @Max(720)
  graceHours?: number;
}

export class ApiKeyDto {
  id: string;
  vendorId: string;
  label: string;
  /** The key's first characters, to recognise it. */
  displayPrefix: string;
  /** active, expiring (rotated, still valid until expiresAt), expired, revoked. */
  state: 'active' | 'expiring' | 'expired' | 'revoked';
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

/** A newly issued key: the only time the key itself is shown. */
export class IssuedApiKeyDto extends ApiKeyDto {
  /** `xg_vendor_…`: hand it to the vendor now; only its hash is kept. */
  key: string;
}
