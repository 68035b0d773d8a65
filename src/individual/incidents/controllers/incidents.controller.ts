import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import {
  AffectedQueryDto,
  IncidentQueryDto,
  IncidentTransitionDto,
  IncidentAttendanceDto,
  RecordIncidentDto,
  ScheduleSessionDto,
  type AffectedPageDto,
  type IncidentCoverageDto,
  type IncidentDetailDto,
  type IncidentPageDto,
  type IncidentSessionDto,
} from '../dto/incident.dto.js';
import { IncidentSessionsService } from '../services/incident-sessions.service.js';
import { IncidentsService } from '../services/incidents.service.js';

@ApiTags('critical incidents 特殊心理事件的善后处理')
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly sessions: IncidentSessionsService,
  ) {}

  /** Record an incident affecting a unit's subtree or a list of workers; re-screening campaigns are scheduled. */
  @Post()
  @Authorize(Permission.IncidentManage)
  record(@CurrentActor() actor: Actor, @Body() input: RecordIncidentDto): Promise<IncidentDetailDto> {
    return this.incidents.record(actor, input);
  }

  @Get()
  @Authorize(Permission.IncidentRead)
  list(@CurrentActor() actor: Actor, @Query() query: IncidentQueryDto): Promise<IncidentPageDto> {
    return this.incidents.list(actor, query);
  }

  @Get(':id')
  @Authorize(Permission.IncidentRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<IncidentDetailDto> {
    return this.incidents.get(actor, id);
  }

  /** Reached, screened, positive and referred among the affected workers. */
  @Get(':id/coverage')
  @Authorize(Permission.IncidentRead)
  coverage(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<IncidentCoverageDto> {
    return this.incidents.coverageOf(actor, id);
  }

  /** The affected workers (audited). */
  @Get(':id/workers')
  @Authorize(Permission.IncidentRead)
  affected(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: AffectedQueryDto): Promise<AffectedPageDto> {
    return this.incidents.affected(actor, id, query);
  }

  @Post(':id/transition')
  @HttpCode(200)
  @Authorize(Permission.IncidentManage)
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: IncidentTransitionDto): Promise<IncidentDetailDto> {
    return this.incidents.transition(actor, id, input);
  }

  /** Schedule psychological first aid or a group debriefing. */
  @Post(':id/sessions')
  @Authorize(Permission.IncidentManage)
  schedule(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: ScheduleSessionDto): Promise<IncidentSessionDto> {
    return this.sessions.schedule(actor, id, input);
  }

  @Post(':id/sessions/:sessionId/attendance')
  @HttpCode(200)
  @Authorize(Permission.IncidentManage)
  attendance(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() input: IncidentAttendanceDto,
  ): Promise<IncidentSessionDto> {
    return this.sessions.attendance(actor, id, sessionId, input);
  }
}
