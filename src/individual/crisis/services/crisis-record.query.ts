import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CrisisLevel } from '../../shared/levels.js';
import { toSafetyPlanDto } from '../case-mapper.js';
import type { CaseSource } from '../domain/case-sources.js';
import type { CaseState } from '../domain/case-state.js';
import type { MySafetyPlanDto, SafetyPlanDto } from '../dto/safety-plan.dto.js';
import { CrisisCase } from '../entities/crisis-case.entity.js';
import { SafetyPlansService } from './safety-plans.service.js';

export interface RecordCase {
  id: string;
  level: CrisisLevel;
  state: CaseState;
  sourceType: CaseSource;
  openedAt: string;
  dueAt: string;
  closedAt: string | null;
  assigneeId: string | null;
}

/**
 * EXPORTED query service for the composed 心理档案 (insights): a worker's crisis cases (state and level, never notes
 * or risk assessments) and their current safety plan. The caller has checked scope and audits the read.
 */
@Injectable()
export class CrisisRecordQuery {
  constructor(private readonly safetyPlans: SafetyPlansService) {}

  /** Staff view: every case, newest first, and the current safety plan. */
  async forStaff(manager: EntityManager, workerId: string): Promise<{ cases: RecordCase[]; safetyPlan: SafetyPlanDto | null }> {
    const cases = await manager.find(CrisisCase, {
      where: { workerId },
      order: { createdAt: 'DESC', id: 'ASC' },
      select: { id: true, level: true, state: true, sourceType: true, createdAt: true, dueAt: true, closedAt: true, assigneeId: true },
    });
    const plan = await this.safetyPlans.current(manager, workerId);
    return {
      cases: cases.map((c) => ({
        id: c.id,
        level: c.level,
        state: c.state,
        sourceType: c.sourceType,
        openedAt: c.createdAt.toISOString(),
        dueAt: c.dueAt.toISOString(),
        closedAt: c.closedAt ? c.closedAt.toISOString() : null,
        assigneeId: c.assigneeId,
      })),
      safetyPlan: plan ? toSafetyPlanDto(plan) : null,
    };
  }

  /** The worker's own view: their current safety plan with the help lines; nothing about cases. */
  async forWorker(manager: EntityManager, workerId: string): Promise<MySafetyPlanDto | null> {
    const plan = await this.safetyPlans.current(manager, workerId);
    return plan ? this.safetyPlans.toMine(plan) : null;
  }
}
