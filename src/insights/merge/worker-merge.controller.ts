import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { DuplicatesService } from './duplicates.service.js';
import { WorkerMergeService } from './worker-merge.service.js';
import {
  CreateWorkerMergeDto,
  DuplicateQueryDto,
  MergePreviewQueryDto,
  WorkerMergeQueryDto,
  type DuplicatePairDto,
  type MergePreviewDto,
  type WorkerMergeDto,
} from './worker-merge.dto.js';

@ApiTags('worker merges 档案合并')
@Controller()
export class WorkerMergeController {
  constructor(
    private readonly duplicates: DuplicatesService,
    private readonly merges: WorkerMergeService,
  ) {}

  /** Likely duplicate profiles in the caller's subtree: the same mobile number, or the same name and birth year. */
  @Get('worker-duplicates')
  @Authorize(Permission.WorkerMerge)
  search(@CurrentActor() actor: Actor, @Query() query: DuplicateQueryDto): Promise<DuplicatePairDto[]> {
    return this.duplicates.search(actor, query);
  }

  /** Both profiles side by side and what a merge would move, keep and narrow. */
  @Get('worker-merges/preview')
  @Authorize(Permission.WorkerMerge)
  preview(@CurrentActor() actor: Actor, @Query() query: MergePreviewQueryDto): Promise<MergePreviewDto> {
    return this.duplicates.preview(actor, query.keepId, query.mergeId);
  }

  @Post('worker-merges')
  @Authorize(Permission.WorkerMerge)
  merge(@CurrentActor() actor: Actor, @Body() input: CreateWorkerMergeDto): Promise<WorkerMergeDto> {
    return this.merges.merge(actor, input);
  }

  @Get('worker-merges')
  @Authorize(Permission.WorkerMerge)
  list(@CurrentActor() actor: Actor, @Query() query: WorkerMergeQueryDto): Promise<WorkerMergeDto[]> {
    return this.merges.list(actor, query);
  }

  /** Puts back exactly what the merge moved (within WORKER_MERGE_UNDO_DAYS). */
  @Post('worker-merges/:id/undo')
  @HttpCode(200)
  @Authorize(Permission.WorkerMerge)
  undo(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WorkerMergeDto> {
    return this.merges.undo(actor, id);
  }
}
