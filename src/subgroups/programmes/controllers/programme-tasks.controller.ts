import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { CompleteTaskDto, TaskQueryDto, type TaskDto } from '../dto/activity.dto.js';
import { TasksService } from '../services/tasks.service.js';

@ApiTags('programmes 线·亚群体关爱项目')
@Controller('programme-tasks')
export class ProgrammeTasksController {
  constructor(private readonly tasks: TasksService) {}

  /** Your own programme tasks, soonest first (open unless `status` says otherwise); audited. */
  @Get()
  @Authorize(Permission.ProgrammeTaskRead)
  mine(@CurrentActor() actor: Actor, @Query() query: TaskQueryDto): Promise<TaskDto[]> {
    return this.tasks.mine(actor, query);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Authorize(Permission.ProgrammeTaskComplete)
  complete(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: CompleteTaskDto): Promise<TaskDto> {
    return this.tasks.complete(actor, id, input);
  }
}
