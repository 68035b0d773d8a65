import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { CreateDutyShiftDto, DutyShiftQueryDto, type DutyShiftDto, type OnDutyDto } from '../dto/duty-roster.dto.js';
import { DutyRosterService } from '../services/duty-roster.service.js';

@ApiTags('duty roster 值班表')
@Controller()
export class DutyRosterController {
  constructor(private readonly roster: DutyRosterService) {}

  @Post('duty-shifts')
  @Authorize(Permission.DutyRosterManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateDutyShiftDto): Promise<DutyShiftDto> {
    return this.roster.create(actor, input);
  }

  @Get('duty-shifts')
  @Authorize(Permission.DutyRosterRead)
  list(@CurrentActor() actor: Actor, @Query() query: DutyShiftQueryDto): Promise<DutyShiftDto[]> {
    return this.roster.list(actor, query);
  }

  @Delete('duty-shifts/:id')
  @HttpCode(204)
  @Authorize(Permission.DutyRosterManage)
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.roster.remove(actor, id);
  }

  /** Who would get a new crisis case of a worker in this unit right now. */
  @Get('org-units/:id/on-duty')
  @Authorize(Permission.DutyRosterRead)
  onDuty(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OnDutyDto> {
    return this.roster.onDuty(actor, id);
  }
}
