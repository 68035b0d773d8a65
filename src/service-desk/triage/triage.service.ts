import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { conflict } from '../../platform/errors/domain-error.js';
import { alreadyLinked } from '../desk-errors.js';
import { triageCrisis } from '../domain/categories.js';
import { isOpen } from '../domain/request-state.js';
import type { DeskRequestDto, LinkWorkerDto, TriageDto } from '../dto/request.dto.js';
import type { DeskRequest } from '../entities/desk-request.entity.js';
import { DeskAccess } from '../shared/desk-access.js';
import { DeskSettings } from '../shared/desk-settings.js';
import { RequestViews } from '../shared/request-views.js';
import { RequestWorkflow } from '../shared/request-workflow.js';
import { CrisisBridge } from './crisis-bridge.js';

const settled = () => conflict('REQUEST_SETTLED', '诉求已办结，不能再分类', 'The request is resolved or closed; reopen it first');

/** Triage (category, urgency, the crisis flag) and linking an anonymous caller to a worker profile. */
@Injectable()
export class TriageService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: DeskAccess,
    private readonly scope: AccessScope,
    private readonly workflow: RequestWorkflow,
    private readonly crisis: CrisisBridge,
    private readonly views: RequestViews,
    private readonly settings: DeskSettings,
    private readonly clock: Clock,
  ) {}

  /** A request flagged as a crisis here reaches the individual tier at once, and its deadlines tighten. */
  triage(actor: Actor, id: string, input: TriageDto): Promise<DeskRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.access.requireHandled(manager, actor, id);
      if (!isOpen(request.status)) throw settled();
      const before = { category: request.category, urgency: request.urgency, crisis: request.crisis };
      const category = input.category ?? request.category;
      const { crisis, urgency } = triageCrisis(category, request.crisis || input.crisis === true, input.urgency ?? request.urgency);
      Object.assign(request, { category, urgency, crisis });
      const becameCrisis = crisis && !before.crisis;
      if (becameCrisis) this.tighten(request);
      await this.workflow.commit(manager, actor, request, [{ kind: 'triaged', actorId: actor.userId, detail: { before, after: { category, urgency, crisis } } }], 'triage', {
        becameCrisis,
      });
      if (becameCrisis) await this.reportCrisis(manager, actor, request);
      return this.views.staff(manager, request);
    });
  }

  /** Links an anonymous caller to a worker profile in the actor's scope; a crisis now reaches the tier with the worker. */
  link(actor: Actor, id: string, input: LinkWorkerDto): Promise<DeskRequestDto> {
    return this.transactions.run(async (manager) => {
      const request = await this.access.require(manager, actor, id, true);
      if (request.workerId) throw alreadyLinked();
      const worker = await this.scope.requireWorker(manager, actor, input.workerId);
      const fromUnitId = request.subjectUnitId;
      request.workerId = worker.id;
      request.subjectUnitId = worker.orgUnitId;
      await this.workflow.commit(manager, actor, request, [{ kind: 'linked', actorId: actor.userId, fromUnitId, toUnitId: worker.orgUnitId, detail: { workerId: worker.id } }], 'link');
      if (request.crisis) await this.reportCrisis(manager, actor, request);
      return this.views.staff(manager, request);
    });
  }

  private async reportCrisis(manager: EntityManager, actor: Actor, request: DeskRequest): Promise<void> {
    await this.crisis.report(manager, actor, request);
    await manager.save(request);
  }

  /** A crisis is answered within minutes of clock time, working hours or not. */
  private tighten(request: DeskRequest): void {
    const now = this.clock.now();
    const crisisDue = this.settings.answerDue(now, true);
    if (!request.answeredAt && (!request.answerDueAt || request.answerDueAt > crisisDue)) request.answerDueAt = crisisDue;
    if (request.replyDueAt && request.replyDueAt > crisisDue) request.replyDueAt = crisisDue;
  }

}
