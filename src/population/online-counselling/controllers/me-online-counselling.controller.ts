import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { MessagesQueryDto, SendMessageDto, type ConversationDto, type ConversationMessagesDto, type SentMessagesDto } from '../dto/online-counselling.dto.js';
import { ConversationsService } from '../services/conversations.service.js';
import { MessagesService } from '../services/messages.service.js';

/** 线上心理疏导, the worker's side: their conversations with their counsellors. */
@ApiTags('me 我的')
@Controller('me/online-counselling')
export class MeOnlineCounsellingController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
  ) {}

  @Get('conversations')
  @Authorize(Permission.OnlineCounsellingSelf)
  mine(@CurrentActor() actor: Actor): Promise<ConversationDto[]> {
    return this.conversations.mine(actor);
  }

  /** Messages after `?after=<seq>`; poll with the last number you have. */
  @Get('conversations/:id/messages')
  @Authorize(Permission.OnlineCounsellingSelf)
  read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: MessagesQueryDto): Promise<ConversationMessagesDto> {
    return this.messages.read(actor, id, query);
  }

  /** Send a message (needs your `counselling` consent; at most 2000 characters). */
  @Post('conversations/:id/messages')
  @Authorize(Permission.OnlineCounsellingSelf)
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: SendMessageDto): Promise<SentMessagesDto> {
    return this.messages.send(actor, id, input);
  }
}
