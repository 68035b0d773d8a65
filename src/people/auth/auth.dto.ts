import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Role } from '../../platform/auth/permissions.js';
import { HasText } from '../../platform/http/validation.js';

export class LoginDto {
  @IsString() @HasText() @MaxLength(64)
  username: string;

  @IsString() @IsNotEmpty() @MaxLength(200)
  password: string;

  /** Staff with two-factor on: the 6-digit code from the authenticator app. */
  @IsOptional() @IsString() @Matches(/^\s*\d{6}\s*$/, { message: 'totpCode must be 6 digits / 动态码为 6 位数字' })
  totpCode?: string;
}

export class RefreshDto {
  @IsString() @HasText() @MaxLength(200)
  refreshToken: string;
}

export class TokensDto {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export class MeDto {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  workerId: string | null;
  permissions: string[];
}
