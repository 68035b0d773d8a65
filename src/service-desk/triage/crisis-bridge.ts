import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { CrisisCasesService } from '../../individual/crisis/services/crisis-cases.service.js';
import { DomainEvents } from '../../platform/jobs/domain-events.js';
import { crisisLevelOf, type CrisisLevel, type Urgency } from '../domain/categories.js';
import type { DeskRequest } from '../entities/desk-request.entity.js';
import { RequestTrail } from '../shared/request-trail.js';

/**
 * Contract for subscribers: published in the transaction that makes a request a crisis (intake, triage, or linking
 * an anonymous caller to a worker), through the outbox. Idempotency key: the request id and the worker (so linking
 * an anonymous crisis call later publishes once more, now with the worker).
 */
export const CRISIS_REPORTED = 'service_desk.crisis_reported';

export interface CrisisReportedEvent {
  requestId: string;
  workerId: string | null;
  /** The unit the request concerns (the worker's, or for an anonymous caller the unit that took the call). */
  orgUnitId: string;
  reference: string;
  urgency: Urgency;
  /** The individual tier's level for the case: imminent, urgent or concern. */
  crisisLevel: CrisisLevel;
}

/**
 * A crisis request reaches the individual tier (点: 心理危机的评估与援助) AT ONCE, in the transaction that made it a
 * crisis: the domain event always, and for a known worker a crisis case opened directly through the individual tier's
 * exported method, so the request and its case commit together (an anonymous caller's case opens when the caller is
 * linked to a worker profile). Opening is idempotent per request.
 */
@Injectable()
export class CrisisBridge {
  constructor(
    private readonly events: DomainEvents,
    private readonly trail: RequestTrail,
    private readonly cases: CrisisCasesService,
  ) {}

  async report(manager: EntityManager, actor: Actor, request: DeskRequest): Promise<void> {
    const event: CrisisReportedEvent = {
      requestId: request.id,
      workerId: request.workerId,
      orgUnitId: request.subjectUnitId,
      reference: request.reference,
      urgency: request.urgency,
      crisisLevel: crisisLevelOf(request.urgency),
    };
    await this.events.publish(manager, CRISIS_REPORTED, { ...event }, `${request.id}:${request.workerId ?? 'anonymous'}`);
    await this.trail.append(manager, request, { kind: 'crisis_reported', actorId: actor.userId, detail: { workerId: request.workerId, crisisLevel: event.crisisLevel } });
    if (request.workerId) {
      const opened = await this.cases.openFromRequest(manager, {
        requestId: request.id,
        workerId: request.workerId,
        level: event.crisisLevel,
        summary: request.summary,
        requestedBy: actor.userId,
        callbackNumber: request.callbackNumber,
      });
      // The caller saves the request (intake inserts it afterwards; triage and linking save it).
      request.crisisCaseId = opened.caseId;
      if (opened.created) {
        await this.trail.append(manager, request, { kind: 'crisis_case_opened', actorId: actor.userId, detail: { caseId: opened.caseId, level: opened.level, dueAt: opened.dueAt } });
      }
    }
  }
}
