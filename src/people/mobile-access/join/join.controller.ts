import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../../platform/auth/authorize.decorator.js';
import { LoginThrottled } from '../../../platform/http/throttling.js';
import { MobileDto, type CodeSentDto } from '../sign-in/phone-auth.dto.js';
import { JoinDto, type JoinedDto, type JoinLinkPublicDto } from './join.dto.js';
import { JoinService } from './join.service.js';

/** What a phone that opened a join link may call, before it has any account. */
@ApiTags('join 自助入会')
@Controller('join')
export class JoinController {
  constructor(private readonly join: JoinService) {}

  @Get(':token')
  @Public()
  @LoginThrottled()
  describe(@Param('token') token: string): Promise<JoinLinkPublicDto> {
    return this.join.describe(token);
  }

  @Post(':token/sms-code')
  @HttpCode(202)
  @Public()
  @LoginThrottled()
  requestCode(@Param('token') token: string, @Body() input: MobileDto, @Ip() ip: string): Promise<CodeSentDto> {
    return this.join.requestCode(token, input.phone, ip);
  }

  @Post(':token')
  @HttpCode(201)
  @Public()
  @LoginThrottled()
  submit(@Param('token') token: string, @Body() input: JoinDto, @Ip() ip: string): Promise<JoinedDto> {
    return this.join.join(token, input, ip);
  }
}
