import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { conflict } from '../../platform/errors/domain-error.js';
import { DomainEvents } from '../../platform/jobs/domain-events.js';
import { AccessScope } from '../access/access-scope.service.js';
import { profileColumns, toWorkerDto, toWorkerSummaryDto } from './worker-mapper.js';
import type { CreateWorkerDto, UpdateWorkerDto, WorkerDto, WorkerPageDto, WorkerQueryDto } from './worker.dto.js';
import { Worker } from './worker.entity.js';
import { searchWorkers } from './worker-search.js';
import { WORKER_PROFILE_CHANGED } from './worker-events.js';
import { lockProfile, PopulationCounts } from './population-counts.js';

/** Facts whose change other tiers react to (the subgroup tier enrols workers on them). */
const PROFILE_FACTS = ['orgUnitId', 'gender', 'birthYear', 'cadreLevel', 'specialPost', 'employmentStatus', 'lifeEvents'] as const;

@Injectable()
export class WorkersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly counts: PopulationCounts,
  ) {}

  create(actor: Actor, input: CreateWorkerDto): Promise<WorkerDto> {
    return this.transactions.run(async (manager) => {
      await this.scope.requireUnit(manager, actor, input.orgUnitId);
      await this.assertEmployeeNoFree(manager, input.orgUnitId, input.employeeNo);
      const worker = manager.create(Worker, { ...this.defaults(), ...profileColumns(input), name: input.name.trim(), createdAt: this.clock.now() });
      await manager.save(worker);
      await this.counts.created(manager, [worker.id]);
      await this.audit.record(manager, actor, { action: 'worker.create', resourceType: 'worker', resourceId: worker.id, workerId: worker.id });
      await this.events.publish(manager, WORKER_PROFILE_CHANGED, { workerId: worker.id, changed: [...PROFILE_FACTS], created: true });
      return toWorkerDto(worker);
    });
  }

  /** One worker's full profile; every read is audited. */
  async get(actor: Actor, workerId: string): Promise<WorkerDto> {
    const worker = await this.transactions.read((manager) => this.scope.requireWorker(manager, actor, workerId));
    await this.audit.recordRead(actor, { action: 'worker.read', resourceType: 'worker', resourceId: worker.id, workerId: worker.id });
    return toWorkerDto(worker);
  }

  async search(actor: Actor, query: WorkerQueryDto): Promise<WorkerPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await this.transactions.read((manager) => searchWorkers(manager, actor, query, this.scope, page, pageSize));
    await this.audit.recordRead(actor, {
      action: 'worker.search',
      resourceType: 'worker',
      detail: { results: rows.length, total, filtered: Object.keys(query).filter((k) => k !== 'page' && k !== 'pageSize') },
    });
    return { items: rows.map(toWorkerSummaryDto), total, page, pageSize };
  }

  update(actor: Actor, workerId: string, input: UpdateWorkerDto): Promise<WorkerDto> {
    return this.transactions.run(async (manager) => {
      const worker = await this.scope.requireWorker(manager, actor, workerId);
      if (input.orgUnitId && input.orgUnitId !== worker.orgUnitId) await this.scope.requireUnit(manager, actor, input.orgUnitId);
      const unitAfter = input.orgUnitId ?? worker.orgUnitId;
      const numberAfter = input.employeeNo ?? worker.employeeNo;
      if (numberAfter && (unitAfter !== worker.orgUnitId || numberAfter !== worker.employeeNo)) {
        await this.assertEmployeeNoFree(manager, unitAfter, numberAfter, worker.id);
      }
      const changed = PROFILE_FACTS.filter(
        (fact) => input[fact] !== undefined && JSON.stringify(input[fact]) !== JSON.stringify(worker[fact]),
      );
      const counted = await lockProfile(manager, worker.id);
      Object.assign(worker, profileColumns(input));
      if (input.name) worker.name = input.name.trim();
      await manager.save(worker);
      await this.counts.changed(manager, counted);
      await this.audit.record(manager, actor, {
        action: 'worker.update',
        resourceType: 'worker',
        resourceId: worker.id,
        workerId: worker.id,
        detail: { fields: Object.keys(input) },
      });
      if (changed.length > 0) await this.events.publish(manager, WORKER_PROFILE_CHANGED, { workerId: worker.id, changed });
      return toWorkerDto(worker);
    });
  }

  /** Exported for other modules: a worker the actor may act on, or 404. */
  requireWorker(manager: EntityManager, actor: Actor, workerId: string): Promise<Worker> {
    return this.scope.requireWorker(manager, actor, workerId);
  }

  defaults(): Partial<Worker> {
    return { gender: 'undisclosed', cadreLevel: 'none', specialPost: 'none', employmentStatus: 'employed', lifeEvents: [], erased: false };
  }

  private async assertEmployeeNoFree(manager: EntityManager, orgUnitId: string, employeeNo?: string | null, exceptId?: string) {
    if (!employeeNo) return;
    const existing = await manager.findOne(Worker, { where: { orgUnitId, employeeNo }, select: { id: true } });
    if (existing && existing.id !== exceptId) {
      throw conflict('EMPLOYEE_NO_TAKEN', `工号 ${employeeNo} 在该单位已存在`, `Employee number ${employeeNo} already exists in this unit`);
    }
  }
}

