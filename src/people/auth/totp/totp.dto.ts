import { IsJWT, IsString, Matches } from 'class-validator';

export class TotpSetupDto {
  /** Base32, for typing into an authenticator app that cannot scan. */
  secret: string;
  otpauthUrl: string;
  /** The same as a QR code (PNG data URL). */
  qrDataUrl: string;
}

export class TotpSetupTokenDto {
  @IsJWT()
  setupToken: string;
}

export class TotpCodeDto {
  @IsString() @Matches(/^\s*\d{6}\s*$/, { message: 'code must be 6 digits / 动态码为 6 位数字' })
  code: string;
}

export class TotpEnableDto extends TotpSetupTokenDto {
  @IsString() @Matches(/^\s*\d{6}\s*$/, { message: 'code must be 6 digits / 动态码为 6 位数字' })
  code: string;
}

export class SetupTokenDto {
  setupToken: string;
}
