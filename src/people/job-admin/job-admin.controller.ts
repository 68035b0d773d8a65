import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import type { DeadJobDto } from '../../platform/jobs/dead-jobs.js';
import { JobAdminService } from './job-admin.service.js';

@ApiTags('jobs 任务队列')
@Controller('jobs')
export class JobAdminController {
  constructor(private readonly jobs: JobAdminService) {}

  @Get('dead')
  @Authorize(Permission.JobAdmin)
  listDead(@CurrentActor() actor: Actor): Promise<DeadJobDto[]> {
    return this.jobs.listDead(actor);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Authorize(Permission.JobAdmin)
  retry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeadJobDto> {
    return this.jobs.retry(actor, id);
  }
}
