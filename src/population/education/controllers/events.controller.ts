import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import {
  CreateEventDto,
  EventQueryDto,
  RegistrationStatusFilter,
  type EventDto,
  type FeedbackSummaryDto,
  type RosterEntryDto,
} from '../dto/event.dto.js';
import { EventsService } from '../services/events.service.js';

@ApiTags('education 心理健康教育与素养提升')
@Controller('education/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Authorize(Permission.EducationManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateEventDto): Promise<EventDto> {
    return this.events.create(actor, input);
  }

  @Get()
  @Authorize(Permission.EducationManage)
  list(@CurrentActor() actor: Actor, @Query() query: EventQueryDto): Promise<EventDto[]> {
    return this.events.list(actor, query);
  }

  @Get(':id')
  @Authorize(Permission.EducationManage)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EventDto> {
    return this.events.get(actor, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authorize(Permission.EducationManage)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EventDto> {
    return this.events.cancel(actor, id);
  }

  @Get(':id/registrations')
  @Authorize(Permission.EducationManage)
  roster(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() filter: RegistrationStatusFilter): Promise<RosterEntryDto[]> {
    return this.events.roster(actor, id, filter);
  }

  @Post(':id/registrations/:registrationId/check-in')
  @HttpCode(200)
  @Authorize(Permission.EducationManage)
  checkIn(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
  ): Promise<RosterEntryDto> {
    return this.events.checkIn(actor, id, registrationId);
  }

  @Get(':id/feedback')
  @Authorize(Permission.EducationManage)
  feedback(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<FeedbackSummaryDto> {
    return this.events.feedback(actor, id);
  }
}
