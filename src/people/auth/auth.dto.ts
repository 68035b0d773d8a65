import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { Role } from '../../platform/auth/permissions.js';
import { HasText } from '../../platform/http/validation.js';

export class LoginDto {
  @IsString() @HasText() @MaxLength(64)
  username: string;

  @IsString() @IsNotEmpty() @MaxLength(200)
  password: string;
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
