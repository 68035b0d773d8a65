import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import { OrgUnitsService } from '../../people/org-units/org-units.service.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { JobQueue } from '../../platform/jobs/job-queue.service.js';
import { forUpdate } from '../../platform/database/sql-helpers.js';
import { toQueueItemDto } from '../desk-mapper.js';
import { supervisionStep } from '../domain/deadlines.js';
import { OPEN_STATUSES } from '../domain/request-state.js';
import type { QueuePageDto, SupervisionQueryDto } from '../dto/request.dto.js';
import { DeskRequest } from '../entities/desk-request.entity.js';
import { DEADLINE_CHECK_JOB, DeadlineScheduler } from '../shared/deadline-scheduler.js';
import { DeskNotifier } from '../shared/desk-notifier.js';
import { DeskSettings } from '../shared/desk-settings.js';
import { RequestTrail } from '../shared/request-trail.js';

/**
 * 随时督办: a deadline check (a durable job at each request's next deadline) flags an overdue request as supervised
 * by the unit above the one handling it, and, while it stays overdue, escalates it one level up the tree every
 * DESK_ESCALATE_AFTER_WORKING_MINUTES of working time, up to the root. Each step writes a trail row, an audit row and
 * a notification to the supervising unit's supervisors in the job's transaction; the supervising units list what
 * they supervise.
 */
@Injectable()
export class SupervisionService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly queue: JobQueue,
    private readonly orgUnits: OrgUnitsService,
    private readonly trail: RequestTrail,
    private readonly deadlines: DeadlineScheduler,
    private readonly notifier: DeskNotifier,
    private readonly settings: DeskSettings,
    private readonly audit: AuditService,
    private readonly scope: AccessScope,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.queue.register(DEADLINE_CHECK_JOB, (payload, _job, manager) => this.check(manager!, String(payload.requestId)), { transactional: true });
  }

  /** One deadline check: re-reads the request (locked) and decides from its state now, so stale checks are harmless. */
  async check(manager: EntityManager, requestId: string): Promise<void> {
    const locked = await forUpdate(manager.getRepository(DeskRequest).createQueryBuilder('r').where('r.id = :requestId', { requestId })).getOne();
    if (!locked) return;
    const now = this.clock.now();
    const parents = await this.parentsOf(manager, [locked.handlingUnitId, locked.supervisingUnitId]);
    const step = supervisionStep(locked, now, (from) => this.settings.escalateAt(from), (unitId) => (parents.get(unitId) ?? null) !== null);
    if (step.kind === 'none') {
      if (step.checkAgainAt) await this.deadlines.checkAt(manager, locked.id, step.checkAgainAt);
      return;
    }
    const fromUnit = step.kind === 'supervise' ? null : locked.supervisingUnitId;
    const base = step.kind === 'supervise' ? locked.handlingUnitId : locked.supervisingUnitId!;
    const supervisingUnitId = parents.get(base) ?? base;
    locked.supervisionLevel += 1;
    locked.supervisingUnitId = supervisingUnitId;
    locked.escalatedAt = now;
    locked.overdueAt ??= now;
    await this.trail.append(manager, locked, {
      kind: step.kind === 'supervise' ? 'supervised' : 'escalated',
      actorId: null,
      fromUnitId: fromUnit,
      toUnitId: supervisingUnitId,
      detail: { level: locked.supervisionLevel, overdue: step.obligations },
    });
    await manager.save(locked);
    await this.deadlines.checkAt(manager, locked.id, step.checkAgainAt);
    await this.notifier.staff(manager, supervisingUnitId, ['supervisor'], locked, 'desk.request_supervised', step.kind === 'supervise' ? '诉求逾期，请督办' : '督办升级', step.kind === 'supervise' ? 'Overdue request to supervise' : 'Supervision escalated');
    await this.audit.record(manager, SYSTEM_ACTOR, {
      action: step.kind === 'supervise' ? 'desk_request.supervise' : 'desk_request.escalate',
      resourceType: 'desk_request',
      resourceId: locked.id,
      workerId: locked.workerId,
      detail: { level: locked.supervisionLevel, supervisingUnitId, overdue: step.obligations },
    });
  }

  /** Open requests supervised by units in the actor's subtree (most escalated first, then the oldest deadline). */
  async list(actor: Actor, query: SupervisionQueryDto): Promise<QueuePageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const now = this.clock.now();
    const rows = await this.transactions.read((manager) => {
      const qb = manager
        .getRepository(DeskRequest)
        .createQueryBuilder('r')
        .where('r.supervision_level > 0')
        .andWhere('r.status IN (:...open)', { open: OPEN_STATUSES });
      this.scope.whereUnitInScope(qb, actor, 'r.supervising_unit_id');
      if (query.unitId) qb.andWhere('r.supervising_unit_id = :unitId', { unitId: query.unitId });
      return qb
        .orderBy('r.supervisionLevel', 'DESC')
        .addOrderBy('r.nextDueAt', 'ASC', 'NULLS LAST')
        .addOrderBy('r.id', 'ASC')
        .offset((page - 1) * pageSize)
        .limit(pageSize + 1)
        .getMany();
    });
    const items = rows.slice(0, pageSize);
    await this.audit.recordRead(actor, { action: 'desk_request.supervision_list', resourceType: 'desk_request', detail: { count: items.length, page } });
    return { items: items.map((r) => toQueueItemDto(r, now)), page, pageSize, hasMore: rows.length > pageSize };
  }

  /** Each unit's parent (null for the root), for the units given. */
  private async parentsOf(manager: EntityManager, unitIds: Array<string | null>): Promise<Map<string, string | null>> {
    const parents = new Map<string, string | null>();
    for (const unitId of unitIds) {
      if (!unitId || parents.has(unitId)) continue;
      const ancestry = await this.orgUnits.ancestry(manager, unitId);
      parents.set(unitId, ancestry[1]?.id ?? null);
    }
    return parents;
  }
}
