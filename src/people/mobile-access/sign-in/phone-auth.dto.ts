import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class MobileDto {
  /** A mainland mobile number, written any common way (`138 0013 8000`, `+86 13800138000`). */
  @IsString() @IsNotEmpty() @MaxLength(30)
  phone: string;
}

export class MobileSignInDto extends MobileDto {
  @IsString() @Matches(/^\s*\d{6}\s*$/, { message: 'code must be the 6 digits from the text message / 验证码为短信中的 6 位数字' })
  code: string;
}

export class CodeSentDto {
  /** Always true, whether or not the number has an account (so the answer tells nobody who is registered). */
  accepted: true;
  expiresInSeconds: number;
  retryAfterSeconds: number;
}
