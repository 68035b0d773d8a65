import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/auth/actor.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { badRequest } from '../../platform/errors/domain-error.js';
import type { CloseDto, DeskRequestDto, ResolveDto, DeskTextDto } from '../dto/request.dto.js';
import type { DeskRequest } from '../entities/desk-request.entity.js';
import type { TrailEntry } from '../shared/request-trail.js';
import { DeskAccess } from '../shared/desk-access.js';
import { DeskNotifier } from '../shared/desk-notifier.js';
import { RequestViews } from '../shared/request-views.js';
import { RequestWorkflow } from '../shared/request-workflow.js';

const resolutionRequired = () =>
  badRequest('RESOLUTION_REQUIRED', '直接关闭须填写办理结果', 'Closing a request that was not resolved needs a resolution');

/**
 * The handling unit's work on a request: acknowledge (受理), reply to the worker (答复, 有诉必回), internal notes,
 * resolve (办结) and close. Nothing resolves or closes without a reply to the worker (409 REPLY_REQUIRED).
 */
@Injectable()
export class HandlingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: DeskAccess,
    private readonly workflow: RequestWorkflow,
    private readonly views: RequestViews,
    private readonly notifier: DeskNotifier,
    private readonly clock: Clock,
  ) {}

  acknowledge(actor: Actor, id: string): Promise<DeskRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.access.requireHandled(manager, actor, id);
      const from = request.status;
      request.status = await this.workflow.decide(manager, request, 'acknowledge');
      this.workflow.markAnswered(request);
      await this.workflow.commit(manager, actor, request, [{ kind: 'acknowledged', actorId: actor.userId, fromStatus: from, toStatus: request.status }], 'acknowledge');
      await this.notifier.worker(manager, request, 'desk.request_acknowledged', '已受理', 'accepted for handling');
      return this.views.staff(manager, request);
    });
  }

  /** A reply the worker reads in their own view; a reply to a new request also acknowledges it. */
  reply(actor: Actor, id: string, input: DeskTextDto): Promise<DeskRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.access.requireHandled(manager, actor, id);
      const from = request.status;
      request.status = await this.workflow.decide(manager, request, 'reply');
      this.workflow.markAnswered(request);
      request.firstReplyAt ??= this.clock.now();
      request.replyDueAt = null;
      const entries: TrailEntry[] = [];
      if (from !== request.status) entries.push({ kind: 'acknowledged', actorId: actor.userId, fromStatus: from, toStatus: request.status });
      entries.push({ kind: 'replied', actorId: actor.userId, body: input.text.trim(), toWorker: true });
      await this.workflow.commit(manager, actor, request, entries, 'reply');
      await this.notifier.worker(manager, request, 'desk.request_replied', '有新的答复', 'new reply');
      return this.views.staff(manager, request);
    });
  }

  /** An internal note: never shown to the worker. Anyone who may see the request may add one. */
  note(actor: Actor, id: string, input: DeskTextDto): Promise<DeskRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.access.require(manager, actor, id, true);
      await this.workflow.commit(manager, actor, request, [{ kind: 'note', actorId: actor.userId, body: input.text.trim() }], 'note');
      return this.views.staff(manager, request);
    });
  }

  /** 办结: the resolution is shown to the worker, who rates it (which closes it) or reopens it. */
  resolve(actor: Actor, id: string, input: ResolveDto): Promise<DeskRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.access.requireHandled(manager, actor, id);
      const from = request.status;
      request.status = await this.workflow.decide(manager, request, 'resolve');
      this.settle(request, input.resolution.trim());
      await this.workflow.commit(manager, actor, request, [{ kind: 'resolved', actorId: actor.userId, fromStatus: from, toStatus: request.status, body: request.resolution, toWorker: true }], 'resolve');
      await this.notifier.worker(manager, request, 'desk.request_resolved', '已办结，请评价', 'resolved: please rate it');
      return this.views.staff(manager, request);
    });
  }

  /**
   * Staff close: a call settled on the phone (from `in_progress`, with its resolution), or a resolved request the
   * worker has not rated (an anonymous caller's rating given on the phone may be recorded). 409 REPLY_REQUIRED when
   * the worker was never replied to.
   */
  close(actor: Actor, id: string, input: CloseDto): Promise<DeskRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.access.requireHandled(manager, actor, id);
      const from = request.status;
      request.status = await this.workflow.decide(manager, request, 'close');
      const entries: TrailEntry[] = [];
      if (from === 'in_progress') {
        if (!input.resolution?.trim()) throw resolutionRequired();
        this.settle(request, input.resolution.trim());
        entries.push({ kind: 'resolved', actorId: actor.userId, fromStatus: from, toStatus: 'resolved', body: request.resolution, toWorker: true });
      }
      request.closedAt = this.clock.now();
      entries.push({ kind: 'closed', actorId: actor.userId, fromStatus: from === 'in_progress' ? 'resolved' : from, toStatus: 'closed' });
      if (input.satisfaction !== undefined) {
        request.satisfaction = input.satisfaction;
        entries.push({ kind: 'rated', actorId: actor.userId, detail: { satisfaction: input.satisfaction, onBehalfOfCaller: true } });
      }
      await this.workflow.commit(manager, actor, request, entries, 'close', { satisfaction: request.satisfaction });
      await this.notifier.worker(manager, request, 'desk.request_closed', '已关闭', 'closed');
      return this.views.staff(manager, request);
    });
  }

  private settle(request: DeskRequest, resolution: string): void {
    const now = this.clock.now();
    request.resolution = resolution;
    request.resolvedAt = now;
    request.resolveSeconds = Math.max(0, Math.round((now.getTime() - request.createdAt.getTime()) / 1000));
    request.replyDueAt = null;
    request.resolveDueAt = null;
  }
}
