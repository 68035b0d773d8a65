import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize, Public } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { LoginThrottled } from '../../../platform/http/throttling.js';
import { TotpCodeDto, TotpEnableDto, TotpSetupTokenDto, type SetupTokenDto, type TotpSetupDto } from './totp.dto.js';
import { TotpService } from './totp.service.js';

@ApiTags('auth 登录')
@Controller('auth/totp')
export class TotpController {
  constructor(private readonly totp: TotpService) {}

  /** A signed-in staff member starts turning two-factor on (a sign-in stopped by policy gets one in its 401). */
  @Post('setup-token')
  @HttpCode(200)
  @Authorize(Permission.NotificationRead)
  setupToken(@CurrentActor() actor: Actor): Promise<SetupTokenDto> {
    return this.totp.setupTokenFor(actor);
  }

  @Post('setup')
  @HttpCode(200)
  @Public()
  @LoginThrottled()
  setup(@Body() input: TotpSetupTokenDto): Promise<TotpSetupDto> {
    return this.totp.setup(input.setupToken);
  }

  @Post('enable')
  @HttpCode(200)
  @Public()
  @LoginThrottled()
  enable(@Body() input: TotpEnableDto): Promise<{ enabled: true }> {
    return this.totp.enable(input.setupToken, input.code);
  }

  @Post('disable')
  @HttpCode(200)
  @Authorize(Permission.NotificationRead)
  disable(@CurrentActor() actor: Actor, @Body() input: TotpCodeDto): Promise<{ enabled: false }> {
    return this.totp.disable(actor, input.code);
  }
}
