import { Controller, Get, HttpCode, Post, Query, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, type Actor } from '../auth/actor.js';
import { Authorize, Public } from '../auth/authorize.decorator.js';
import { Permission } from '../auth/permissions.js';
import { SmsMessageQueryDto, type SmsInboundResultDto, type SmsMessageDto } from './sms.dto.js';
import { SmsLogService } from './sms-log.service.js';
import { SmsReceiptsService } from './sms-receipts.service.js';

@ApiTags('sms 短信')
@Controller('sms')
export class SmsController {
  constructor(
    private readonly receipts: SmsReceiptsService,
    private readonly log: SmsLogService,
  ) {}

  /** The SMS gateway's delivery receipts (signed; see docs/operations of the SMS channel). */
  @Post('receipts')
  @HttpCode(204)
  @Public()
  receipt(@Req() request: RawBodyRequest<Request>): Promise<void> {
    return this.receipts.receipt({ headers: request.headers, rawBody: request.rawBody });
  }

  /** Replies to our texts, forwarded by the gateway (signed): TD / 退订 opts the number out of notices. */
  @Post('inbound')
  @HttpCode(200)
  @Public()
  inbound(@Req() request: RawBodyRequest<Request>): Promise<SmsInboundResultDto> {
    return this.receipts.inbound({ headers: request.headers, rawBody: request.rawBody });
  }

  @Get('messages')
  @Authorize(Permission.SmsRead)
  list(@CurrentActor() actor: Actor, @Query() query: SmsMessageQueryDto): Promise<SmsMessageDto[]> {
    return this.log.list(actor, query);
  }
}
