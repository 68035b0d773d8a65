import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { nextStatus, type RequestAction, type RequestStatus } from '../domain/request-state.js';
import type { DeskRequest } from '../entities/desk-request.entity.js';
import { DeadlineScheduler } from './deadline-scheduler.js';
import { DeskSettings } from './desk-settings.js';
import { RequestTrail, type TrailEntry } from './request-trail.js';

/**
 * The steps every change to a request shares: the state machine decides (409 on an illegal move), the trail row and
 * the audit row are written, deadlines are refreshed and the request saved, all in the caller's transaction.
 */
@Injectable()
export class RequestWorkflow {
  constructor(
    private readonly trail: RequestTrail,
    private readonly deadlines: DeadlineScheduler,
    private readonly settings: DeskSettings,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Where `action` takes the request now (throws 409 otherwise); changes nothing. */
  async decide(manager: EntityManager, request: DeskRequest, action: RequestAction): Promise<RequestStatus> {
    const hasReply = await this.trail.hasReply(manager, request.id);
    const settledAt = latest(request.closedAt, request.resolvedAt);
    return nextStatus({ status: request.status, hasReply, settledAt }, action, this.clock.now(), this.settings.reopenPeriodMs);
  }

  /** Marks the request answered (受理) if it was not yet: the first acknowledgement, reply, forward or acceptance. */
  markAnswered(request: DeskRequest): void {
    if (request.answeredAt) return;
    const now = this.clock.now();
    request.answeredAt = now;
    request.answerSeconds = Math.max(0, Math.round((now.getTime() - request.createdAt.getTime()) / 1000));
  }

  /** Trail row(s), deadlines, save, audit: the end of every change. */
  async commit(manager: EntityManager, actor: Actor, request: DeskRequest, entries: TrailEntry[], action: string, detail: Record<string, unknown> = {}): Promise<void> {
    for (const entry of entries) await this.trail.append(manager, request, entry);
    await this.deadlines.refresh(manager, request);
    await manager.save(request);
    await this.audit.record(manager, actor, {
      action: `desk_request.${action}`,
      resourceType: 'desk_request',
      resourceId: request.id,
      workerId: request.workerId,
      detail: { status: request.status, ...detail },
    });
  }
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
