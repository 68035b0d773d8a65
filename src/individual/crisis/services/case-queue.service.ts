import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { WorkerContacts, contactDisclosure } from '../../../people/workers/worker-contacts.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { IndividualHistory } from '../../shared/history.service.js';
import { toCaseNoteDto, toCaseQueueItemDto, toRiskAssessmentDto, toSafetyPlanDto } from '../case-mapper.js';
import { isActive, type CaseState } from '../domain/case-state.js';
import type { CaseDetailDto, CaseQueuePageDto, CaseQueueQueryDto, OverdueFollowUpDto } from '../dto/crisis-case.dto.js';
import { CaseNote } from '../entities/case-note.entity.js';
import { CrisisCase } from '../entities/crisis-case.entity.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import { CaseAccess } from './case-access.service.js';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { CaseTriggers } from './case-triggers.service.js';
import { CaseViews } from './case-views.js';
import { SafetyPlansService } from './safety-plans.service.js';

/** Supplies the overdue follow-ups shown with the queue (registered by the referrals module, which owns them). */
export type OverdueFollowUpSource = (manager: EntityManager, actor: Actor, now: Date) => Promise<OverdueFollowUpDto[]>;

/** Every column the queue shows; the encrypted summary is left out so a page never decrypts anything. */
const QUEUE_COLUMNS = [
  'id',
  'workerId',
  'orgUnitId',
  'level',
  'state',
  'dueAt',
  'assigneeId',
  'sourceType',
  'sourceId',
  'escalationStep',
  'queueRank',
  'acknowledgedAt',
  'createdAt',
].map((c) => `c.${c}`);

/**
 * The counsellor's queue (`GET /crisis-cases`) and one case. The queue reads cases in (queue_rank, due_at, id) order
 * (unacknowledged first, imminent → urgent → concern, each by deadline; then the rest by deadline) off
 * `idx_crisis_cases_active_queue` (or `idx_crisis_cases_state_queue` / `idx_crisis_cases_assignee_queue` when filtered),
 * checks scope per row (AccessScope's per-row form), and stops after one page: no sort and no count over the whole table.
 */
@Injectable()
export class CaseQueueService {
  private overdueFollowUps: OverdueFollowUpSource = async () => [];

  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly scope: AccessScope,
    private readonly safetyPlans: SafetyPlansService,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly triggers: CaseTriggers,
    private readonly views: CaseViews,
    private readonly contacts: WorkerContacts,
  ) {}

  /** The referrals module registers its overdue follow-ups here at start-up (it depends on this module, not back). */
  provideOverdueFollowUps(source: OverdueFollowUpSource): void {
    this.overdueFollowUps = source;
  }

  async queue(actor: Actor, query: CaseQueueQueryDto): Promise<CaseQueuePageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const result = await this.transactions.read(async (manager): Promise<CaseQueuePageDto> => {
      const now = this.clock.now();
      const qb = manager.getRepository(CrisisCase).createQueryBuilder('c').select(QUEUE_COLUMNS);
      this.whereStates(qb, query.state);
      if (query.level?.length) qb.andWhere('c.level IN (:...levels)', { levels: query.level });
      if (query.assignee === 'me') qb.andWhere('c.assignee_id = :assignee', { assignee: actor.userId });
      else if (query.assignee === 'unassigned') qb.andWhere('c.assignee_id IS NULL');
      else if (query.assignee) qb.andWhere('c.assignee_id = :assignee', { assignee: query.assignee });
      this.scope.whereWorkerInScope(qb, actor, 'c.worker_id', 'row');
      // The worker's name rides along as a subquery evaluated for the page's rows only (no second round trip).
      const { entities, raw } = await qb
        .addSelect('(SELECT qw.name FROM workers qw WHERE qw.id = c.worker_id)', 'worker_name')
        .addSelect('(SELECT qu.display_name FROM users qu WHERE qu.id = c.assignee_id)', 'assignee_name')
        .orderBy('c.queue_rank', 'ASC')
        .addOrderBy('c.due_at', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .offset((page - 1) * pageSize)
        .limit(pageSize + 1)
        .getRawAndEntities<{ c_id: string; c_worker_id: string; worker_name: string; assignee_name: string | null }>();
      const items = entities.slice(0, pageSize);
      const names = new Map(raw.map((r) => [r.c_id, r]));
      const triggers = await this.triggers.openingOf(manager, items.map((c) => c.id));
      const overdueFollowUps = await this.overdueFollowUps(manager, actor, now);
      return {
        items: items.map((c) =>
          toCaseQueueItemDto(c, { workerName: names.get(c.id)?.worker_name ?? '', assigneeName: names.get(c.id)?.assignee_name ?? null, triggers: triggers.get(c.id) }, now),
        ),
        page,
        pageSize,
        hasMore: entities.length > pageSize,
        overdueFollowUps,
      };
    });
    // Recorded (durably) before the page leaves, with the workers shown, including those of overdue follow-ups.
    const workerIds = [...new Set([...result.items.map((c) => c.workerId), ...result.overdueFollowUps.map((f) => f.workerId)])];
    await this.audit.recordRead(actor, { action: 'crisis_case.list', resourceType: 'crisis_case', detail: { results: result.items.length, page, workerIds } });
    return result;
  }

  /**
   * The state filter, written so the planner can walk an index in deadline order: no filter = active cases
   * (idx_crisis_cases_active_queue); one state = idx_crisis_cases_state_queue; several active states = the active index
   * with the states as a filter (an IN list over the state index would have to sort every matching row).
   */
  private whereStates(qb: SelectQueryBuilder<CrisisCase>, states: CaseState[] | undefined): void {
    if (!states?.length) qb.where('c.active = :active', { active: true });
    else if (states.length === 1) qb.where('c.state = :state', { state: states[0] });
    else if (states.every(isActive)) qb.where('c.active = :active AND c.state IN (:...states)', { active: true, states });
    else qb.where('c.state IN (:...states)', { states });
  }

  /** One case with its notes, risk assessments, the worker's current safety plan and its history; audited. */
  async get(actor: Actor, caseId: string): Promise<CaseDetailDto> {
    const detail = await this.transactions.read(async (manager): Promise<CaseDetailDto> => {
      const { crisisCase: c, grantId } = await this.access.requireCase(manager, actor, caseId);
      const notes = await manager.find(CaseNote, { where: { caseId: c.id }, order: { createdAt: 'ASC', id: 'ASC' } });
      const assessments = await manager.find(RiskAssessment, { where: { caseId: c.id }, order: { createdAt: 'DESC', id: 'ASC' } });
      const plan = await this.safetyPlans.current(manager, c.workerId);
      const history = await this.history.of(manager, 'crisis_case', c.id);
      return {
        case: await this.views.dto(manager, c),
        contact: await this.contacts.one(manager, c.workerId),
        triggers: await this.triggers.of(manager, c.id),
        notes: notes.map(toCaseNoteDto),
        riskAssessments: assessments.map(toRiskAssessmentDto),
        safetyPlan: plan ? toSafetyPlanDto(plan) : null,
        history,
        breakGlassGrantId: grantId,
      };
    });
    // Both durable before the answer leaves: the case read, and the disclosure of how to reach the worker.
    await Promise.all([
      this.audit.recordRead(actor, {
        action: 'crisis_case.read',
        resourceType: 'crisis_case',
        resourceId: detail.case.id,
        workerId: detail.case.workerId,
        detail: detail.breakGlassGrantId ? { breakGlassGrantId: detail.breakGlassGrantId } : null,
      }),
      ...(detail.contact ? [this.audit.recordRead(actor, contactDisclosure(detail.case.workerId, { via: 'crisis_case', id: detail.case.id, breakGlassGrantId: detail.breakGlassGrantId }))] : []),
    ]);
    return detail;
  }
}
