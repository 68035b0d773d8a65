import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { FeedbackDto, OnlineRequestDto, ReopenDto, type MyRequestDto, type MyRequestSummaryDto } from '../dto/request.dto.js';
import { IntakeService } from '../intake/intake.service.js';
import { MyRequestsService } from '../resolution/my-requests.service.js';

/** A worker's own requests (有求必应、有诉必回): ask online, follow the replies, rate, reopen. */
@ApiTags('me 我的')
@Controller('me/requests')
export class MeRequestsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly mine: MyRequestsService,
  ) {}

  /** Ask for help online; the answer carries the reference number (e.g. XG-20261125-0042) to quote. */
  @Post()
  @Authorize(Permission.SelfRequest)
  submit(@CurrentActor() actor: Actor, @Body() input: OnlineRequestDto): Promise<MyRequestDto> {
    return this.intake.submitOnline(actor, input);
  }

  @Get()
  @Authorize(Permission.SelfRequest)
  list(@CurrentActor() actor: Actor): Promise<MyRequestSummaryDto[]> {
    return this.mine.list(actor);
  }

  /** Status and the desk's replies (never internal notes). */
  @Get(':id')
  @Authorize(Permission.SelfRequest)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MyRequestDto> {
    return this.mine.get(actor, id);
  }

  /** Rate a resolved request 1–5; this closes it. */
  @Post(':id/feedback')
  @HttpCode(200)
  @Authorize(Permission.SelfRequest)
  feedback(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: FeedbackDto): Promise<MyRequestDto> {
    return this.mine.feedback(actor, id, input);
  }

  /** Not settled after all: reopen within the reopening period. */
  @Post(':id/reopen')
  @HttpCode(200)
  @Authorize(Permission.SelfRequest)
  reopen(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: ReopenDto): Promise<MyRequestDto> {
    return this.mine.reopen(actor, id, input);
  }
}
