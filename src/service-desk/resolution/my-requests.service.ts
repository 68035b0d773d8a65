import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ownWorkerId } from '../../people/me/own-worker.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { requestNotFound } from '../desk-errors.js';
import { toMyRequestSummaryDto } from '../desk-mapper.js';
import type { FeedbackDto, MyRequestDto, MyRequestSummaryDto, ReopenDto } from '../dto/request.dto.js';
import { DeskRequest } from '../entities/desk-request.entity.js';
import { forUpdate } from '../../platform/database/sql-helpers.js';
import { DeskNotifier } from '../shared/desk-notifier.js';
import { DeskSettings } from '../shared/desk-settings.js';
import { RequestViews } from '../shared/request-views.js';
import { RequestWorkflow } from '../shared/request-workflow.js';

const MY_LIST_LIMIT = 200;

/**
 * The worker's own view (有诉必回): their requests with status and the desk's replies, never internal notes,
 * forwarding instructions, return reasons or supervision; rating a resolved request (which closes it) and reopening
 * within DESK_REOPEN_DAYS. Another worker's request is 404.
 */
@Injectable()
export class MyRequestsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly workflow: RequestWorkflow,
    private readonly views: RequestViews,
    private readonly notifier: DeskNotifier,
    private readonly settings: DeskSettings,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor): Promise<MyRequestSummaryDto[]> {
    const workerId = ownWorkerId(actor);
    return this.transactions.read(async (manager) => {
      const rows = await manager.find(DeskRequest, { where: { workerId }, order: { createdAt: 'DESC', id: 'ASC' }, take: MY_LIST_LIMIT });
      return rows.map((r) => toMyRequestSummaryDto(r, r.firstReplyAt !== null));
    });
  }

  get(actor: Actor, id: string): Promise<MyRequestDto> {
    return this.transactions.read(async (manager) => this.views.worker(manager, await this.own(manager, actor, id, false)));
  }

  /** The worker's rating (1–5) closes a resolved request. */
  feedback(actor: Actor, id: string, input: FeedbackDto): Promise<MyRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.own(manager, actor, id, true);
      const from = request.status;
      request.status = await this.workflow.decide(manager, request, 'feedback');
      request.satisfaction = input.satisfaction;
      request.feedbackComment = input.comment?.trim() || null;
      request.closedAt = this.clock.now();
      await this.workflow.commit(
        manager,
        actor,
        request,
        [
          { kind: 'rated', actorId: actor.userId, body: request.feedbackComment, detail: { satisfaction: input.satisfaction } },
          { kind: 'closed', actorId: actor.userId, fromStatus: from, toStatus: request.status },
        ],
        'feedback',
        { satisfaction: input.satisfaction },
      );
      return this.views.worker(manager, request);
    });
  }

  /** Not settled after all: back to the handling unit, which owes a reply again. */
  reopen(actor: Actor, id: string, input: ReopenDto): Promise<MyRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.own(manager, actor, id, true);
      const from = request.status;
      request.status = await this.workflow.decide(manager, request, 'reopen');
      request.reopenCount += 1;
      request.closedAt = null;
      request.replyDueAt = this.settings.replyDue(this.clock.now(), request.crisis);
      await this.workflow.commit(manager, actor, request, [{ kind: 'reopened', actorId: actor.userId, fromStatus: from, toStatus: request.status, body: input.reason.trim() }], 'reopen', {
        reopenCount: request.reopenCount,
      });
      await this.notifier.staff(manager, request.handlingUnitId, ['counsellor', 'supervisor'], request, 'desk.request_reopened', '职工重新提出诉求', 'Request reopened by the worker');
      return this.views.worker(manager, request);
    });
  }

  private async own(manager: EntityManager, actor: Actor, id: string, lock: boolean): Promise<DeskRequest> {
    const qb = manager.getRepository(DeskRequest).createQueryBuilder('r').where('r.id = :id AND r.worker_id = :workerId', { id, workerId: ownWorkerId(actor) });
    const request = await (lock ? forUpdate(qb) : qb).getOne();
    if (!request) throw requestNotFound();
    return request;
  }
}
