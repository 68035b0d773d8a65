import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AssessmentCrisisEvent } from '../../../population/assessments/assessment-events.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { DIALECT } from '../../../platform/database/dialect.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { DomainEvents } from '../../../platform/jobs/domain-events.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { IndividualHistory } from '../../shared/history.service.js';
import { isMoreUrgent, type CrisisLevel } from '../../shared/levels.js';
import { Messages } from '../../shared/messages.js';
import { workerFacts } from '../../shared/people-reads.js';
import { IndividualSettings } from '../../shared/settings.js';
import { CrisisErrors } from '../crisis-errors.js';
import { levelForAssessment } from '../domain/case-sources.js';
import { queueRank } from '../domain/queue-rank.js';
import { assessmentDetail, type TriggerDetail } from '../domain/trigger-detail.js';
import type { CaseSource } from '../domain/case-sources.js';
import { responseDeadline } from '../domain/deadlines.js';
import type { CaseDto, OpenCaseDto } from '../dto/crisis-case.dto.js';
import { CrisisCase } from '../entities/crisis-case.entity.js';
import { CaseAccess } from './case-access.service.js';
import { CaseJoining } from './case-joining.service.js';
import { CaseRouting } from './case-routing.service.js';
import { CaseTriggers } from './case-triggers.service.js';
import { CasePush } from './case-push.js';
import { CaseViews } from './case-views.js';
import { CaseWorkflowService } from './case-workflow.service.js';
import { EscalationService } from './escalation.service.js';
import { CRISIS_CASE_OPENED, type CrisisCaseOpenedEvent } from '../crisis-events.js';

/** What opening a case needs, whoever opens it. */
export interface OpenCaseInput {
  workerId: string;
  level: CrisisLevel;
  sourceType: CaseSource;
  /** One case per (sourceType, sourceId); null for cases without a source record. */
  sourceId: string | null;
  summary: string | null;
  /** Who opened it (a user id), or null for the system. */
  openedBy: string | null;
  /** Assign to this counsellor when eligible (scope holds the worker), instead of the on-duty responder. */
  preferredAssigneeId?: string | null;
  /** Why, for the history row. */
  why: string;
  /** What the source said (instrument, answers, total; the worker's or caller's words), shown on the case page. */
  detail: TriggerDetail;
}

/** The contract for the service desk (issue: 12351 and online requests): a request that needs a crisis case. */
export interface CaseRequest {
  /** The service-desk request id: one case per request, however often this is called. */
  requestId: string;
  workerId: string;
  level: CrisisLevel;
  /** What the caller said, for the counsellor (encrypted). */
  summary?: string | null;
  /** The desk operator who forwarded it. */
  requestedBy?: string | null;
  /** The caller's call-back number (a 12351 call), shown on the case. */
  callbackNumber?: string | null;
}

export interface OpenedCase {
  caseId: string;
  /** False when a case for this source already existed, or the source joined the worker's active case. */
  created: boolean;
  /** True when the source joined the worker's active case (one person, one open case). */
  joined: boolean;
  level: CrisisLevel;
  dueAt: string;
  assigneeId: string | null;
}

/**
 * Opening crisis cases (心理危机的评估与援助), from every source: an assessment crisis event, a counselling crisis flag,
 * a service-desk request, a counsellor, or a worker's own request for help. Each opening writes the case, its history
 * row, its audit row, the notification to the responder (or, with nobody on duty, to the supervisors), the first
 * escalation check and the `crisis_case.opened` event in one transaction.
 */
@Injectable()
export class CrisisCasesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly routing: CaseRouting,
    private readonly escalation: EscalationService,
    private readonly workflow: CaseWorkflowService,
    private readonly triggers: CaseTriggers,
    private readonly joining: CaseJoining,
    private readonly views: CaseViews,
    private readonly push: CasePush,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly settings: IndividualSettings,
  ) {}

  /**
   * A counsellor opens a case. In scope: the case is theirs and acknowledged at once (they are already responding).
   * Through a break-the-glass grant: it is routed to the worker's own unit like any new case, so it is not left with
   * someone whose access expires.
   */
  openByCounsellor(actor: Actor, input: OpenCaseDto): Promise<CaseDto> {
    return this.transactions.run(async (manager) => {
      const grantId = await this.access.requireWorker(manager, actor, input.workerId);
      await lockWorker(manager, input.workerId);
      const active = await activeCaseOf(manager, input.workerId);
      if (active) throw CrisisErrors.caseAlreadyOpen(active.id);
      const opened = await this.open(manager, actor, {
        workerId: input.workerId,
        level: input.level,
        sourceType: 'counsellor',
        sourceId: null,
        summary: input.reason,
        openedBy: actor.userId,
        preferredAssigneeId: grantId ? null : actor.userId,
        why: grantId ? '紧急授权下开启 / opened under break-the-glass' : '心理咨询师开启 / opened by a counsellor',
        detail: { text: input.reason },
      }, grantId);
      let crisisCase = opened.crisisCase;
      if (!grantId) crisisCase = await this.workflow.acknowledgeWithin(manager, actor, crisisCase, null);
      return this.views.dto(manager, crisisCase);
    });
  }

  /**
   * EXPORTED for the service desk: opens (once per request id) a crisis case inside the caller's transaction, so the
   * request and the case commit together. The caller has already checked who may forward the request.
   */
  async openFromRequest(manager: EntityManager, request: CaseRequest): Promise<OpenedCase> {
    const opened = await this.open(manager, SYSTEM_ACTOR, {
      workerId: request.workerId,
      level: request.level,
      sourceType: 'service_desk',
      sourceId: request.requestId,
      summary: request.summary ?? null,
      openedBy: request.requestedBy ?? null,
      why: '服务台转来 / forwarded by the service desk',
      detail: { text: request.summary ?? null, callbackPhone: request.callbackNumber ?? null },
    });
    return toOpened(opened);
  }

  /** `assessment.crisis`: one case per result, at the level the instrument's crisis rules chose (older events: ours). */
  async openFromAssessment(manager: EntityManager, event: AssessmentCrisisEvent): Promise<OpenedCase> {
    const opened = await this.open(manager, SYSTEM_ACTOR, {
      workerId: event.workerId,
      level: levelForAssessment(event),
      sourceType: 'assessment',
      sourceId: event.resultId,
      summary: null,
      openedBy: null,
      why: `测评危机规则 / assessment crisis rules: ${event.instrumentCode} ${event.reasons.join(', ')}`,
      detail: assessmentDetail(event),
    });
    return toOpened(opened);
  }

  /**
   * `counselling.crisis_flagged`: one case per appointment, offered to the counsellor who flagged it (when their scope
   * holds the worker; the deadline still runs). A second flag for the same appointment at a more urgent level raises
   * the level of the case if it is still active.
   */
  async openFromCounselling(manager: EntityManager, flag: { appointmentId: string; workerId: string; counsellorId: string | null; level: CrisisLevel }): Promise<OpenedCase> {
    const opened = await this.open(manager, SYSTEM_ACTOR, {
      workerId: flag.workerId,
      level: flag.level,
      sourceType: 'counselling',
      sourceId: flag.appointmentId,
      summary: null,
      openedBy: flag.counsellorId,
      preferredAssigneeId: flag.counsellorId,
      why: '咨询中标记危机 / crisis flagged in a counselling session',
      detail: {},
    });
    let crisisCase = opened.crisisCase;
    if (!opened.created && crisisCase.active && isMoreUrgent(flag.level, crisisCase.level)) {
      crisisCase = await this.workflow.applyLevel(manager, { label: 'system' }, SYSTEM_ACTOR, crisisCase, flag.level, '咨询中再次标记危机 / flagged again in counselling', null);
    }
    return toOpened({ ...opened, crisisCase });
  }

  /**
   * `online_counselling.crisis_flagged`: one case per message, offered to the counsellor who asked for it (when their
   * scope holds the worker); a flag on a worker with an open case joins it.
   */
  async openFromOnlineMessage(manager: EntityManager, flag: { messageId: string; workerId: string; counsellorId: string; level: CrisisLevel; matchedCrisisLanguage: boolean }): Promise<OpenedCase> {
    const opened = await this.open(manager, SYSTEM_ACTOR, {
      workerId: flag.workerId,
      level: flag.level,
      sourceType: 'online_counselling',
      sourceId: flag.messageId,
      summary: null,
      openedBy: flag.counsellorId,
      preferredAssigneeId: flag.counsellorId,
      why: '线上心理疏导中从消息开启 / opened from an online counselling message',
      detail: flag.matchedCrisisLanguage ? { rules: ['crisis_language'] } : {},
    });
    return toOpened(opened);
  }

  /** Raises the level of an active case inside the caller's transaction (the deadline only comes sooner). */
  raiseLevel(manager: EntityManager, actor: Actor, crisisCase: CrisisCase, level: CrisisLevel, reason: string): Promise<CrisisCase> {
    return this.workflow.applyLevel(manager, actor, actor, crisisCase, level, reason, null);
  }

  /**
   * The one way a case comes into being. Idempotent per (sourceType, sourceId): the unique index decides, through an
   * INSERT that ignores a duplicate (ON CONFLICT DO NOTHING / INSERT OR IGNORE), so two deliveries of one event, or a
   * race between two app instances, still leave exactly one case and one set of side effects.
   */
  async open(manager: EntityManager, actor: Actor, input: OpenCaseInput, grantId: string | null = null): Promise<Opening> {
    if (input.sourceId !== null) {
      const existing = await this.triggers.caseOfSource(manager, input.sourceType, input.sourceId);
      if (existing) return { crisisCase: existing, created: false, joined: false };
    }
    const worker = await workerFacts(manager, input.workerId);
    if (!worker || worker.erased) throw notFound('Worker', '该职工');
    // One person, one open case: openings for one worker take turns, and a new source joins the active case.
    await lockWorker(manager, worker.id);
    const active = await activeCaseOf(manager, worker.id);
    if (active) return { crisisCase: await this.joining.join(manager, actor, active, input), created: false, joined: true };
    const now = this.clock.now();
    const dueAt = responseDeadline(input.level, now, this.settings.deadlines);
    const preferred = input.preferredAssigneeId ? await this.routing.eligibleResponder(manager, input.preferredAssigneeId, worker.orgUnitId) : null;
    const assigneeId = preferred?.id ?? (await this.routing.responder(manager, worker.orgUnitId, now))?.userId ?? null;
    const id = randomUUID();
    await manager
      .createQueryBuilder()
      .insert()
      .into(CrisisCase)
      .values({
        id,
        workerId: worker.id,
        orgUnitId: worker.orgUnitId,
        level: input.level,
        state: 'open',
        active: true,
        queueRank: queueRank('open', input.level),
        dueAt,
        assigneeId,
        sourceType: input.sourceType,
        sourceId: input.sourceId,
        summary: input.summary,
        openedBy: input.openedBy,
        acknowledgedAt: null,
        acknowledgedBy: null,
        escalationStep: 0,
        escalatedUnitId: null,
        nextEscalationAt: dueAt,
        closedAt: null,
        createdAt: now,
      })
      .orIgnore()
      .execute();
    const crisisCase = await manager.findOne(CrisisCase, { where: { id } });
    if (!crisisCase) {
      // Lost a race for the same source: the other delivery's case stands.
      const winner = input.sourceId !== null ? await manager.findOne(CrisisCase, { where: { sourceType: input.sourceType, sourceId: input.sourceId } }) : null;
      if (!winner) throw new Error(`crisis case for ${input.sourceType}:${input.sourceId} was neither inserted nor found`);
      return { crisisCase: winner, created: false, joined: false };
    }
    await this.triggers.record(manager, { caseId: id, sourceType: input.sourceType, sourceId: input.sourceId, level: input.level, joined: false, detail: input.detail });
    await this.history.write(manager, actor, {
      subjectType: 'crisis_case',
      subjectId: id,
      workerId: worker.id,
      action: 'opened',
      to: 'open',
      reason: input.why,
    });
    if (assigneeId) {
      await this.history.write(manager, actor, { subjectType: 'crisis_case', subjectId: id, workerId: worker.id, action: 'assigned', to: assigneeId, reason: preferred ? '开启者 / the opener' : '值班安排 / duty roster' });
      const assignee = preferred ?? (await this.routing.eligibleResponder(manager, assigneeId, worker.orgUnitId));
      await this.notifications.notify(manager, [{ userId: assigneeId, email: assignee?.email ?? null }], Messages.caseAssigned(id, dueAt));
    } else {
      const supervisors = await this.routing.supervisors(manager, worker.orgUnitId);
      await this.history.write(manager, actor, {
        subjectType: 'crisis_case',
        subjectId: id,
        workerId: worker.id,
        action: 'unassigned',
        to: supervisors?.unitId ?? null,
        reason: '无人值班，已通知督导 / nobody on duty; supervisors notified',
      });
      if (supervisors) await this.notifications.notify(manager, supervisors.users.map((u) => ({ userId: u.id, email: u.email })), Messages.caseUnassigned(id, dueAt));
    }
    await this.audit.record(manager, actor, {
      action: 'crisis_case.open',
      resourceType: 'crisis_case',
      resourceId: id,
      workerId: worker.id,
      detail: { sourceType: input.sourceType, sourceId: input.sourceId, level: input.level, assigneeId, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
    });
    await this.escalation.schedule(manager, crisisCase);
    await this.push.changed(manager, crisisCase, 'opened');
    const opened: CrisisCaseOpenedEvent = { caseId: id, workerId: worker.id, orgUnitId: worker.orgUnitId, level: input.level, sourceType: input.sourceType, sourceId: input.sourceId, dueAt: dueAt.toISOString() };
    await this.events.publish(manager, CRISIS_CASE_OPENED, { ...opened }, id);
    return { crisisCase, created: true, joined: false };
  }
}

export interface Opening {
  crisisCase: CrisisCase;
  created: boolean;
  joined: boolean;
}

/** The worker's active case, if any (at most one: openings go through lockWorker and join it). */
export const activeCaseOf = (manager: EntityManager, workerId: string): Promise<CrisisCase | null> =>
  manager.findOne(CrisisCase, { where: { workerId, active: true }, order: { createdAt: 'ASC', id: 'ASC' } });

/**
 * Serialises openings for one worker within the transaction: on PostgreSQL a row lock on the worker (held to commit),
 * so two events for the same person cannot both see "no active case"; SQLite has one writer, which already does it.
 */
async function lockWorker(manager: EntityManager, workerId: string): Promise<void> {
  if (DIALECT === 'postgres') await manager.query('SELECT id FROM workers WHERE id = $1 FOR UPDATE', [workerId]);
}

const toOpened = ({ crisisCase: c, created, joined }: Opening): OpenedCase => ({
  caseId: c.id,
  created,
  joined,
  level: c.level,
  dueAt: c.dueAt.toISOString(),
  assigneeId: c.assigneeId,
});
