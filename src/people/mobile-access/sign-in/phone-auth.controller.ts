import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../../platform/auth/authorize.decorator.js';
import { LoginThrottled } from '../../../platform/http/throttling.js';
import type { TokensDto } from '../../auth/auth.dto.js';
import { MobileDto, MobileSignInDto, type CodeSentDto } from './phone-auth.dto.js';
import { PhoneSignInService } from './phone-sign-in.service.js';

@ApiTags('auth 登录')
@Controller('auth')
export class PhoneAuthController {
  constructor(private readonly phone: PhoneSignInService) {}

  /** Texts a sign-in code to a worker's number (the answer is the same whether or not it has an account). */
  @Post('sms-code')
  @HttpCode(202)
  @Public()
  @LoginThrottled()
  requestCode(@Body() input: MobileDto, @Ip() ip: string): Promise<CodeSentDto> {
    return this.phone.requestCode(input.phone, ip);
  }

  @Post('sms-login')
  @HttpCode(200)
  @Public()
  @LoginThrottled()
  signIn(@Body() input: MobileSignInDto, @Ip() ip: string): Promise<TokensDto> {
    return this.phone.signIn(input.phone, input.code, ip);
  }
}
