import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import {
  CloseDto,
  ForwardDto,
  LinkWorkerDto,
  QueueQueryDto,
  ResolveDto,
  ReturnForwardDto,
  StaffIntakeDto,
  DeskTextDto,
  TriageDto,
  type DeskRequestDetailDto,
  type DeskRequestDto,
  type QueuePageDto,
} from '../dto/request.dto.js';
import { ForwardingService } from '../forwarding/forwarding.service.js';
import { IntakeService } from '../intake/intake.service.js';
import { DeskQueueService } from '../resolution/desk-queue.service.js';
import { HandlingService } from '../resolution/handling.service.js';
import { TriageService } from '../triage/triage.service.js';

/** 职工服务台 (desk staff): 12351 calls and walk-ins, the queue, handling, 网上快速转办. */
@ApiTags('service desk 服务台')
@Controller('desk/requests')
export class DeskRequestsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly queue: DeskQueueService,
    private readonly triageService: TriageService,
    private readonly handling: HandlingService,
    private readonly forwarding: ForwardingService,
  ) {}

  /** Log a 12351 call (`hotline_12351`) or a walk-in (`walk_in`); the caller may be anonymous. */
  @Post()
  @Authorize(Permission.DeskIntake)
  log(@CurrentActor() actor: Actor, @Body() input: StaffIntakeDto): Promise<DeskRequestDto> {
    return this.intake.logCall(actor, input);
  }

  /** The desk's queue: requests handled by units in your scope, earliest deadline first; `reference` looks one up. */
  @Get()
  @Authorize(Permission.DeskRead)
  list(@CurrentActor() actor: Actor, @Query() query: QueueQueryDto): Promise<QueuePageDto> {
    return this.queue.queue(actor, query);
  }

  /** One request with its full trail (办理记录), internal notes and forwards. */
  @Get(':id')
  @Authorize(Permission.DeskRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeskRequestDetailDto> {
    return this.queue.detail(actor, id);
  }

  /** Category, urgency, crisis flag; flagging a crisis reaches the individual tier at once. */
  @Patch(':id/triage')
  @Authorize(Permission.DeskHandle)
  triage(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: TriageDto): Promise<DeskRequestDto> {
    return this.triageService.triage(actor, id, input);
  }

  /** Link an anonymous caller to a worker profile in your scope. */
  @Post(':id/link')
  @HttpCode(200)
  @Authorize(Permission.DeskHandle)
  link(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: LinkWorkerDto): Promise<DeskRequestDto> {
    return this.triageService.link(actor, id, input);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Authorize(Permission.DeskHandle)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeskRequestDto> {
    return this.handling.acknowledge(actor, id);
  }

  /** A reply the worker reads in their own view. */
  @Post(':id/replies')
  @HttpCode(200)
  @Authorize(Permission.DeskHandle)
  reply(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: DeskTextDto): Promise<DeskRequestDto> {
    return this.handling.reply(actor, id, input);
  }

  /** An internal note, never shown to the worker. */
  @Post(':id/notes')
  @HttpCode(200)
  @Authorize(Permission.DeskHandle)
  note(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: DeskTextDto): Promise<DeskRequestDto> {
    return this.handling.note(actor, id, input);
  }

  /** 转办: to another unit, with instructions and a deadline. */
  @Post(':id/forward')
  @HttpCode(200)
  @Authorize(Permission.DeskHandle)
  forward(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: ForwardDto): Promise<DeskRequestDto> {
    return this.forwarding.forward(actor, id, input);
  }

  /** The receiving unit accepts the pending forward. */
  @Post(':id/forward/accept')
  @HttpCode(200)
  @Authorize(Permission.DeskHandle)
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeskRequestDto> {
    return this.forwarding.accept(actor, id);
  }

  /** The receiving unit returns the pending forward to the sender, with a reason. */
  @Post(':id/forward/return')
  @HttpCode(200)
  @Authorize(Permission.DeskHandle)
  returnForward(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: ReturnForwardDto): Promise<DeskRequestDto> {
    return this.forwarding.returnToSender(actor, id, input);
  }

  /** 办结: the resolution is shown to the worker (409 REPLY_REQUIRED before any reply). */
  @Post(':id/resolve')
  @HttpCode(200)
  @Authorize(Permission.DeskHandle)
  resolve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: ResolveDto): Promise<DeskRequestDto> {
    return this.handling.resolve(actor, id, input);
  }

  /** Close (409 REPLY_REQUIRED when the worker was never replied to). */
  @Post(':id/close')
  @HttpCode(200)
  @Authorize(Permission.DeskHandle)
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: CloseDto): Promise<DeskRequestDto> {
    return this.handling.close(actor, id, input);
  }
}
