import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { ProgrammeAttendanceInput, CreateActivityDto, type ActivityDto, type AttendanceResultDto } from '../dto/activity.dto.js';
import { ActivitiesService } from '../services/activities.service.js';
import { TasksService } from '../services/tasks.service.js';

@ApiTags('programmes 线·亚群体关爱项目')
@Controller('programmes/:id/activities')
export class ProgrammeActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly tasks: TasksService,
  ) {}

  /** Plans an activity: screening (launches a campaign), education (links a course or event), group session, check-ins. */
  @Post()
  @Authorize(Permission.ProgrammeManage)
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: CreateActivityDto): Promise<ActivityDto> {
    return this.activities.create(actor, id, input);
  }

  @Get()
  @Authorize(Permission.ProgrammeRead)
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ActivityDto[]> {
    return this.activities.list(actor, id);
  }

  @Post(':activityId/cancel')
  @HttpCode(200)
  @Authorize(Permission.ProgrammeManage)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('activityId', ParseUUIDPipe) activityId: string,
  ): Promise<ActivityDto> {
    return this.activities.cancel(actor, id, activityId);
  }

  /** Attendance at a group session that has started (workers taking part only). */
  @Put(':activityId/attendance')
  @Authorize(Permission.ProgrammeManage)
  attendance(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('activityId', ParseUUIDPipe) activityId: string,
    @Body() input: ProgrammeAttendanceInput,
  ): Promise<AttendanceResultDto> {
    return this.tasks.recordAttendance(actor, id, activityId, input);
  }
}
