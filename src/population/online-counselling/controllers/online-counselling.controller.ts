import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import {
  MessageCrisisCaseDto,
  MessagesQueryDto,
  OfficeHoursDto,
  OpenConversationDto,
  SendMessageDto,
  VideoLinkDto,
  type ConversationDto,
  type ConversationMessagesDto,
  type CrisisCaseRequestedDto,
  type OfficeHoursViewDto,
  type SentMessagesDto,
} from '../dto/online-counselling.dto.js';
import { ConversationsService } from '../services/conversations.service.js';
import { MessageCrisisService } from '../services/message-crisis.service.js';
import { MessagesService } from '../services/messages.service.js';
import { OfficeHoursService } from '../services/office-hours.service.js';

/** 线上心理疏导, the counsellor's side. */
@ApiTags('online-counselling 线上心理疏导')
@Controller('online-counselling')
export class OnlineCounsellingController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly crisis: MessageCrisisService,
    private readonly officeHours: OfficeHoursService,
  ) {}

  /** Your conversations, latest activity first. */
  @Get('conversations')
  @Authorize(Permission.OnlineCounsellingRead)
  list(@CurrentActor() actor: Actor): Promise<ConversationDto[]> {
    return this.conversations.forCounsellor(actor);
  }

  /** Open a conversation with a worker in your scope who consented to counselling. */
  @Post('conversations')
  @Authorize(Permission.OnlineCounsellingWrite)
  open(@CurrentActor() actor: Actor, @Body() input: OpenConversationDto): Promise<ConversationDto> {
    return this.conversations.open(actor, input);
  }

  /** Messages after `?after=<seq>` (poll with the last number you have); every disclosure is audited. */
  @Get('conversations/:id/messages')
  @Authorize(Permission.OnlineCounsellingRead)
  read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: MessagesQueryDto): Promise<ConversationMessagesDto> {
    return this.messages.read(actor, id, query);
  }

  @Post('conversations/:id/messages')
  @Authorize(Permission.OnlineCounsellingWrite)
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: SendMessageDto): Promise<SentMessagesDto> {
    return this.messages.send(actor, id, input);
  }

  /** A link to an external video room (https), or none. */
  @Put('conversations/:id/video-link')
  @Authorize(Permission.OnlineCounsellingWrite)
  videoLink(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: VideoLinkDto): Promise<ConversationDto> {
    return this.conversations.setVideoLink(actor, id, input);
  }

  @Post('conversations/:id/close')
  @HttpCode(200)
  @Authorize(Permission.OnlineCounsellingWrite)
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ConversationDto> {
    return this.conversations.close(actor, id);
  }

  /** Open a crisis case from a worker's message (the individual tier opens it, or joins the worker's open case). */
  @Post('messages/:id/crisis-case')
  @HttpCode(202)
  @Authorize(Permission.OnlineCounsellingWrite)
  crisisCase(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: MessageCrisisCaseDto): Promise<CrisisCaseRequestedDto> {
    return this.crisis.requestCase(actor, id, input);
  }

  @Get('office-hours')
  @Authorize(Permission.OnlineCounsellingWrite)
  myOfficeHours(@CurrentActor() actor: Actor): Promise<OfficeHoursViewDto> {
    return this.officeHours.mine(actor);
  }

  /** Replace your office hours; outside them a worker's message gets the automatic reply. */
  @Put('office-hours')
  @Authorize(Permission.OnlineCounsellingWrite)
  setOfficeHours(@CurrentActor() actor: Actor, @Body() input: OfficeHoursDto): Promise<OfficeHoursViewDto> {
    return this.officeHours.set(actor, input);
  }
}
