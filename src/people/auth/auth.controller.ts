import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize, Public } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { LoginThrottled, RefreshThrottled } from '../../platform/http/throttling.js';
import { LoginDto, RefreshDto, type MeDto, type TokensDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @LoginThrottled()
  login(@Body() input: LoginDto, @Ip() ip: string): Promise<TokensDto> {
    return this.auth.login(input.username, input.password, ip, input.totpCode);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @RefreshThrottled()
  refresh(@Body() input: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(input.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  logout(@Body() input: RefreshDto): Promise<void> {
    return this.auth.logout(input.refreshToken);
  }

  @Get('me')
  @Authorize(Permission.NotificationRead)
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }
}
