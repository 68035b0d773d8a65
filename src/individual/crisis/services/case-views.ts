import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../../platform/clock/clock.js';
import { userNames, workerNames } from '../../shared/people-reads.js';
import { toCaseDto } from '../case-mapper.js';
import type { CaseDto } from '../dto/crisis-case.dto.js';
import type { CrisisCase } from '../entities/crisis-case.entity.js';
import { CaseTriggers } from './case-triggers.service.js';

/** One case as its DTO, with the worker's and the assignee's names and its sources (read in the caller's transaction). */
@Injectable()
export class CaseViews {
  constructor(
    private readonly triggers: CaseTriggers,
    private readonly clock: Clock,
  ) {}

  async dto(manager: EntityManager, c: CrisisCase): Promise<CaseDto> {
    // One after another: a transaction's queries share one connection.
    const workers = await workerNames(manager, [c.workerId]);
    const users = await userNames(manager, [c.assigneeId]);
    const triggers = await this.triggers.of(manager, c.id);
    return toCaseDto(c, { workerName: workers.get(c.workerId) ?? '', assigneeName: c.assigneeId ? users.get(c.assigneeId) : null, triggers }, this.clock.now());
  }
}
