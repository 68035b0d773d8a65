import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { DuplicatesService } from './duplicates.service.js';
import { WorkerMergeRightsContributor } from './worker-merge-rights.contributor.js';
import { WorkerMergeController } from './worker-merge.controller.js';
import { WorkerMerge } from './worker-merge.entity.js';
import { WorkerMergeService } from './worker-merge.service.js';

/**
 * Duplicate 职工档案 and their merge (issue #20): above every tier, since a merge re-points rows of every module's
 * tables; it finds them from the entity metadata, so it imports none of those modules.
 */
@Module({
  imports: [PeopleModule, TypeOrmModule.forFeature([WorkerMerge])],
  controllers: [WorkerMergeController],
  providers: [DuplicatesService, WorkerMergeService, WorkerMergeRightsContributor],
})
export class WorkerMergeModule {}
