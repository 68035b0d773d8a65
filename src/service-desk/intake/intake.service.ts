import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import { ownWorkerId } from '../../people/me/own-worker.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { isUniqueViolationOf } from '../../platform/database/sql-helpers.js';
import { triageCrisis, type Category, type Channel, type Urgency } from '../domain/categories.js';
import type { DeskRequestDto, MyRequestDto, OnlineRequestDto, StaffIntakeDto } from '../dto/request.dto.js';
import { DeskRequest, REFERENCE_INDEX } from '../entities/desk-request.entity.js';
import { DeadlineScheduler } from '../shared/deadline-scheduler.js';
import { DeskNotifier } from '../shared/desk-notifier.js';
import { DeskSettings } from '../shared/desk-settings.js';
import { RequestTrail } from '../shared/request-trail.js';
import { RequestViews } from '../shared/request-views.js';
import { CrisisBridge } from '../triage/crisis-bridge.js';
import { RoutingService } from '../triage/routing.service.js';
import { ReferenceAllocator } from './reference-allocator.js';

interface IntakeSpec {
  channel: Channel;
  workerId: string | null;
  /** The unit the request concerns: the worker's, or the unit that took an anonymous call. */
  subjectUnitId: string;
  callerName: string | null;
  callbackNumber: string | null;
  category: Category;
  urgency: Urgency;
  crisis: boolean | undefined;
  summary: string;
  /** Staff took the call or the visit: it is answered at intake. */
  answeredAtIntake: boolean;
  initialReply: string | null;
}

/** Attempts when the reference index refuses a number (only if the counter was reset by hand). */
const REFERENCE_ATTEMPTS = 3;

/**
 * Intake from every channel (有求必应): a 12351 call or a walk-in logged by desk staff, a worker's own online request.
 * One transaction writes the request (routed to the responsible unit, deadlines set), its first trail rows, the
 * deadline check, the crisis report when it is one, the notification to the handling unit and the audit row.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly references: ReferenceAllocator,
    private readonly routing: RoutingService,
    private readonly trail: RequestTrail,
    private readonly views: RequestViews,
    private readonly deadlines: DeadlineScheduler,
    private readonly crisis: CrisisBridge,
    private readonly notifier: DeskNotifier,
    private readonly settings: DeskSettings,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Desk staff log a 12351 call or a walk-in; the caller may stay anonymous (link a profile later). */
  logCall(actor: Actor, input: StaffIntakeDto): Promise<DeskRequestDto> {
    return this.withReference(async (manager, reference) => {
      const worker = input.workerId ? await this.scope.requireWorker(manager, actor, input.workerId) : null;
      const request = await this.open(manager, actor, reference, {
        channel: input.channel,
        workerId: worker?.id ?? null,
        subjectUnitId: worker?.orgUnitId ?? actor.orgUnitId,
        callerName: input.callerName?.trim() || null,
        callbackNumber: input.callbackNumber?.trim() || null,
        category: input.category,
        urgency: input.urgency,
        crisis: input.crisis,
        summary: input.summary.trim(),
        answeredAtIntake: true,
        initialReply: input.initialReply?.trim() || null,
      });
      return this.views.staff(manager, request);
    });
  }

  /** `POST /me/requests`: a worker asks for help online. */
  submitOnline(actor: Actor, input: OnlineRequestDto): Promise<MyRequestDto> {
    return this.withReference(async (manager, reference) => {
      const worker = await this.scope.requireWorker(manager, actor, ownWorkerId(actor));
      const request = await this.open(manager, actor, reference, {
        channel: 'online',
        workerId: worker.id,
        subjectUnitId: worker.orgUnitId,
        callerName: null,
        callbackNumber: input.callbackNumber?.trim() || null,
        category: input.category,
        urgency: input.urgency ?? 'normal',
        crisis: input.crisis,
        summary: input.summary.trim(),
        answeredAtIntake: false,
        initialReply: null,
      });
      return this.views.worker(manager, request);
    });
  }

  private async withReference<T>(work: (manager: EntityManager, reference: string) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const reference = await this.references.next(this.clock.now());
      try {
        return await this.transactions.run((manager) => work(manager, reference));
      } catch (error) {
        const taken = isUniqueViolationOf(error, REFERENCE_INDEX, 'desk_requests', 'reference');
        if (!taken || attempt >= REFERENCE_ATTEMPTS) throw error;
      }
    }
  }

  private async open(manager: EntityManager, actor: Actor, reference: string, spec: IntakeSpec): Promise<DeskRequest> {
    const now = this.clock.now();
    const { crisis, urgency } = triageCrisis(spec.category, spec.crisis, spec.urgency);
    const route = await this.routing.route(manager, spec.subjectUnitId, spec.category);
    const request = manager.create(DeskRequest, {
      id: randomUUID(),
      reference,
      channel: spec.channel,
      category: spec.category,
      urgency,
      crisis,
      status: spec.answeredAtIntake ? 'in_progress' : 'new',
      workerId: spec.workerId,
      callerName: spec.callerName,
      callbackNumber: spec.callbackNumber,
      summary: spec.summary,
      subjectUnitId: spec.subjectUnitId,
      handlingUnitId: route.unitId,
      createdBy: actor.userId,
      answerDueAt: this.settings.answerDue(now, crisis),
      answeredAt: spec.answeredAtIntake ? now : null,
      answerSeconds: spec.answeredAtIntake ? 0 : null,
      replyDueAt: spec.initialReply ? null : this.settings.replyDue(now, crisis),
      firstReplyAt: spec.initialReply ? now : null,
      resolveDueAt: null,
      nextDueAt: null,
      resolvedAt: null,
      resolveSeconds: null,
      closedAt: null,
      resolution: null,
      satisfaction: null,
      feedbackComment: null,
      reopenCount: 0,
      trailLength: 0,
      forwardCount: 0,
      overdueAt: null,
      supervisionLevel: 0,
      supervisingUnitId: null,
      escalatedAt: null,
      crisisCaseId: null,
      createdAt: now,
      updatedAt: now,
    });
    // Trail rows, crisis report and deadline check first, then one INSERT of the finished request (no FK between them).
    await this.trail.append(manager, request, { kind: 'received', actorId: actor.userId, toStatus: 'new', detail: { channel: spec.channel } });
    await this.trail.append(manager, request, {
      kind: 'routed',
      actorId: null,
      toUnitId: route.unitId,
      detail: { ruleId: route.ruleId, fromUnitId: spec.subjectUnitId },
    });
    if (spec.answeredAtIntake) {
      await this.trail.append(manager, request, { kind: 'acknowledged', actorId: actor.userId, fromStatus: 'new', toStatus: 'in_progress' });
    }
    if (spec.initialReply) {
      await this.trail.append(manager, request, { kind: 'replied', actorId: actor.userId, body: spec.initialReply, toWorker: true });
    }
    if (crisis) await this.crisis.report(manager, actor, request);
    await this.deadlines.refresh(manager, request);
    await manager.insert(DeskRequest, request);
    await this.notifier.staff(manager, request.handlingUnitId, ['counsellor', 'supervisor'], request, 'desk.request_received', '新的职工诉求', 'New request');
    await this.audit.record(manager, actor, {
      action: 'desk_request.create',
      resourceType: 'desk_request',
      resourceId: request.id,
      workerId: request.workerId,
      detail: { channel: request.channel, category: request.category, crisis: request.crisis, handlingUnitId: request.handlingUnitId },
    });
    return request;
  }
}
