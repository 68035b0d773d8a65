import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrgUnitsService } from '../../people/org-units/org-units.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { notFound } from '../../platform/errors/domain-error.js';
import { forwardDueInPast, forwardToSameUnit, noPendingForward, notReceivingUnit } from '../desk-errors.js';
import type { DeskRequestDto, ForwardDto, ReturnForwardDto } from '../dto/request.dto.js';
import { DeskForward } from '../entities/desk-forward.entity.js';
import type { DeskRequest } from '../entities/desk-request.entity.js';
import { DeskAccess } from '../shared/desk-access.js';
import { DeskNotifier } from '../shared/desk-notifier.js';
import { DeskSettings } from '../shared/desk-settings.js';
import { RequestViews } from '../shared/request-views.js';
import { RequestWorkflow } from '../shared/request-workflow.js';

/**
 * 网上快速转办: the handling unit forwards a request to another unit with a deadline and instructions; the receiving
 * unit accepts it (it is theirs to resolve by the deadline) or returns it with a reason (it goes back to the sender,
 * who reads the reason in the trail). While a forward is pending the request sits in the receiving unit's queue.
 */
@Injectable()
export class ForwardingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: DeskAccess,
    private readonly orgUnits: OrgUnitsService,
    private readonly workflow: RequestWorkflow,
    private readonly views: RequestViews,
    private readonly notifier: DeskNotifier,
    private readonly settings: DeskSettings,
    private readonly clock: Clock,
  ) {}

  forward(actor: Actor, id: string, input: ForwardDto): Promise<DeskRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.access.requireHandled(manager, actor, id);
      const from = request.status;
      request.status = await this.workflow.decide(manager, request, 'forward');
      if (input.toUnitId === request.handlingUnitId) throw forwardToSameUnit();
      if ((await this.orgUnits.ancestry(manager, input.toUnitId)).length === 0) throw notFound('Org unit', '接收单位');
      const now = this.clock.now();
      const dueAt = input.dueAt ? new Date(input.dueAt) : this.settings.forwardDue(now);
      if (dueAt <= now) throw forwardDueInPast();
      const forward = manager.create(DeskForward, {
        requestId: request.id,
        position: request.forwardCount + 1,
        fromUnitId: request.handlingUnitId,
        toUnitId: input.toUnitId,
        instructions: input.instructions.trim(),
        dueAt,
        status: 'pending',
        returnReason: null,
        forwardedBy: actor.userId,
        decidedBy: null,
        decidedAt: null,
        createdAt: now,
      });
      await manager.save(forward);
      this.workflow.markAnswered(request);
      request.forwardCount += 1;
      request.handlingUnitId = input.toUnitId;
      request.resolveDueAt = dueAt;
      await this.workflow.commit(
        manager,
        actor,
        request,
        [{ kind: 'forwarded', actorId: actor.userId, fromStatus: from, toStatus: request.status, fromUnitId: forward.fromUnitId, toUnitId: forward.toUnitId, body: forward.instructions, dueAt, detail: { forwardId: forward.id } }],
        'forward',
        { forwardId: forward.id, toUnitId: forward.toUnitId },
      );
      await this.notifier.staff(manager, forward.toUnitId, ['counsellor', 'supervisor'], request, 'desk.request_forwarded', '收到转办诉求', 'Request forwarded to your unit');
      return this.views.staff(manager, request);
    });
  }

  /** The receiving unit takes the request: it is theirs to resolve by the forward's deadline. */
  accept(actor: Actor, id: string): Promise<DeskRequestDto> {
    return this.transactions.run(async (manager) => {
      const { request, forward } = await this.pendingForMe(manager, actor, id);
      const from = request.status;
      request.status = await this.workflow.decide(manager, request, 'accept');
      this.decide(forward, actor, 'accepted');
      await manager.save(forward);
      await this.workflow.commit(
        manager,
        actor,
        request,
        [{ kind: 'forward_accepted', actorId: actor.userId, fromStatus: from, toStatus: request.status, fromUnitId: forward.fromUnitId, toUnitId: forward.toUnitId, detail: { forwardId: forward.id } }],
        'forward_accept',
        { forwardId: forward.id },
      );
      return this.views.staff(manager, request);
    });
  }

  /** The receiving unit cannot take it: back to the sender with the reason (in the trail and on the forward). */
  returnToSender(actor: Actor, id: string, input: ReturnForwardDto): Promise<DeskRequestDto> {
    return this.transactions.run(async (manager) => {
      const { request, forward } = await this.pendingForMe(manager, actor, id);
      const from = request.status;
      request.status = await this.workflow.decide(manager, request, 'return');
      this.decide(forward, actor, 'returned');
      forward.returnReason = input.reason.trim();
      await manager.save(forward);
      request.handlingUnitId = forward.fromUnitId;
      request.resolveDueAt = null;
      await this.workflow.commit(
        manager,
        actor,
        request,
        [{ kind: 'forward_returned', actorId: actor.userId, fromStatus: from, toStatus: request.status, fromUnitId: forward.toUnitId, toUnitId: forward.fromUnitId, body: forward.returnReason, detail: { forwardId: forward.id } }],
        'forward_return',
        { forwardId: forward.id },
      );
      await this.notifier.staff(manager, forward.fromUnitId, ['counsellor', 'supervisor'], request, 'desk.forward_returned', '转办被退回', 'Forward returned');
      return this.views.staff(manager, request);
    });
  }

  /** The request's pending forward, if it is addressed to a unit in the actor's subtree (404 otherwise). */
  private async pendingForMe(manager: EntityManager, actor: Actor, id: string): Promise<{ request: DeskRequest; forward: DeskForward }> {
    const request = await this.access.require(manager, actor, id, true);
    const forward = await manager.findOne(DeskForward, { where: { requestId: request.id, status: 'pending' } });
    if (!forward) throw noPendingForward();
    if (!(await this.access.unitInScope(manager, actor, forward.toUnitId))) throw notReceivingUnit();
    return { request, forward };
  }

  private decide(forward: DeskForward, actor: Actor, status: 'accepted' | 'returned'): void {
    forward.status = status;
    forward.decidedBy = actor.userId;
    forward.decidedAt = this.clock.now();
  }
}
