import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { fromDbTime } from '../../../platform/database/db-time.js';
import { PreparedQuery } from '../../../platform/database/prepared-query.js';
import type { CrisisLevel } from '../../shared/levels.js';
import { toSafetyPlanDto } from '../case-mapper.js';
import type { CaseSource } from '../domain/case-sources.js';
import type { CaseState } from '../domain/case-state.js';
import type { MySafetyPlanDto, SafetyPlanDto } from '../dto/safety-plan.dto.js';
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

/** A worker's cases, newest first: state and level only (never notes), one prepared statement. */
const CASES = new PreparedQuery<{
  id: string;
  level: CrisisLevel;
  state: CaseState;
  sourceType: CaseSource;
  createdAt: Date | string;
  dueAt: Date | string;
  closedAt: Date | string | null;
  assigneeId: string | null;
}>(
  `SELECT c.id AS id, c.level AS level, c.state AS state, c.source_type AS "sourceType", c.created_at AS "createdAt",
     c.due_at AS "dueAt", c.closed_at AS "closedAt", c.assignee_id AS "assigneeId"
   FROM crisis_cases c WHERE c.worker_id = :workerId ORDER BY c.created_at DESC, c.id ASC`,
);

/**
 * EXPORTED query service for the composed 心理档案 (insights): a worker's crisis cases (state and level, never notes
 * or risk assessments) and their current safety plan. The caller has checked scope and audits the read.
 */
@Injectable()
export class CrisisRecordQuery {
  constructor(private readonly safetyPlans: SafetyPlansService) {}

  /** Staff view: every case, newest first, and the current safety plan. */
  async forStaff(manager: EntityManager, workerId: string): Promise<{ cases: RecordCase[]; safetyPlan: SafetyPlanDto | null }> {
    const cases = await CASES.rows(manager, { workerId });
    const plan = await this.safetyPlans.current(manager, workerId);
    return {
      cases: cases.map((c) => ({
        id: c.id,
        level: c.level,
        state: c.state,
        sourceType: c.sourceType,
        openedAt: fromDbTime(c.createdAt).toISOString(),
        dueAt: fromDbTime(c.dueAt).toISOString(),
        closedAt: c.closedAt ? fromDbTime(c.closedAt).toISOString() : null,
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
