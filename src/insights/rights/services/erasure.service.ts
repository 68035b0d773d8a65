import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../../../people/users/users.service.js';
import { Worker } from '../../../people/workers/worker.entity.js';
import { DataSubjectRegistry, runErasure } from '../../../platform/data-subject/data-subject.registry.js';
import type { ErasureCoverageDto, RetentionHoldDto } from '../dto/rights.dto.js';

/**
 * Erasure across every module (删除权): each module's contributor clears or deletes what it holds, in the deletion's
 * one transaction, higher layers first so that the profile (people) is cleared last. Audit rows are never touched:
 * they hold ids only, so the HMAC chain still verifies; the worker row stays as a pseudonym so every count the
 * dashboards publish stays the same.
 */
@Injectable()
export class ErasureService implements OnModuleInit {
  constructor(
    private readonly registry: DataSubjectRegistry,
    private readonly users: UsersService,
  ) {}

  /** This module's own table: requests keep ids, kind, status and times; their free text goes. */
  onModuleInit(): void {
    this.registry.register({
      module: 'rights',
      rules: [{ table: 'rights_requests', action: 'pseudonymise', what: '申请与审核文字清除 / request and review text cleared' }],
      erase: (manager, { workerId }) =>
        runErasure(manager, ['UPDATE rights_requests SET change = NULL, worker_note = NULL, review_note = NULL WHERE worker_id = :rq_worker'], { rq_worker: workerId }),
    });
  }

  async holds(manager: EntityManager, workerId: string): Promise<RetentionHoldDto[]> {
    const holds: RetentionHoldDto[] = [];
    for (const contributor of this.registry.all()) if (contributor.holds) holds.push(...(await contributor.holds(manager, workerId)));
    return holds;
  }

  /**
   * Erases the worker everywhere; answers what was done per table. A duplicate merged into this profile (a tombstone)
   * still holds its own name and whatever could not move: it is erased with the kept profile.
   */
  async erase(manager: EntityManager, worker: Worker): Promise<Record<string, string>> {
    const outcome = await this.eraseOne(manager, worker);
    for (const tombstone of await manager.find(Worker, { where: { mergedIntoId: worker.id } })) Object.assign(outcome, await this.erase(manager, tombstone));
    return outcome;
  }

  private async eraseOne(manager: EntityManager, worker: Worker): Promise<Record<string, string>> {
    const account = await this.users.findByWorker(manager, worker.id);
    const context = { workerId: worker.id, userIds: account ? [account.id] : [], name: worker.name, employeeNo: worker.employeeNo };
    const outcome: Record<string, string> = {};
    for (const contributor of [...this.registry.all()].reverse()) {
      await contributor.erase(manager, context);
      for (const rule of contributor.rules) outcome[rule.table] = rule.action;
    }
    return outcome;
  }

  coverage(): ErasureCoverageDto[] {
    return this.registry.all().flatMap((c) => c.rules.map((r) => ({ module: c.module, table: r.table, action: r.action, what: r.what })));
  }
}
