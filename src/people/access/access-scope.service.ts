import { Injectable } from '@nestjs/common';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors/domain-error.js';
import { Worker } from '../workers/worker.entity.js';

/**
 * Record-level access, in one place (CONVENTIONS §3, §11). Lists add the actor's scope to their WHERE clause; single
 * records go through `requireWorker`, which answers 404 for anything outside scope so existence is not revealed.
 *
 * - worker: only their own profile;
 * - everyone else: workers and units in the subtree of their own unit (officials never reach individual records:
 *   the role grants no permission that would).
 */
@Injectable()
export class AccessScope {
  /** Restricts `unitColumn` (an org-unit id column) to the actor's subtree. */
  whereUnitInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, unitColumn: string): SelectQueryBuilder<T> {
    return qb.andWhere(
      `${unitColumn} IN (SELECT su.id FROM org_units su WHERE su.path LIKE (SELECT sp.path FROM org_units sp WHERE sp.id = :scopeUnitId) || '%')`,
      { scopeUnitId: actor.orgUnitId },
    );
  }

  /** Restricts `workerColumn` (a worker id column) to workers the actor may see. */
  whereWorkerInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, workerColumn: string): SelectQueryBuilder<T> {
    if (actor.role === 'worker') return qb.andWhere(`${workerColumn} = :scopeWorkerId`, { scopeWorkerId: actor.workerId ?? '' });
    return qb.andWhere(
      `${workerColumn} IN (SELECT sw.id FROM workers sw WHERE sw.org_unit_id IN (SELECT su.id FROM org_units su WHERE su.path LIKE (SELECT sp.path FROM org_units sp WHERE sp.id = :scopeUnitId) || '%'))`,
      { scopeUnitId: actor.orgUnitId },
    );
  }

  /** The worker, if the actor may see them; otherwise 404. */
  async requireWorker(manager: EntityManager, actor: Actor, workerId: string): Promise<Worker> {
    const qb = manager.getRepository(Worker).createQueryBuilder('w').where('w.id = :workerId', { workerId });
    if (actor.role === 'worker') qb.andWhere('w.id = :own', { own: actor.workerId ?? '' });
    else this.whereUnitInScope(qb, actor, 'w.org_unit_id');
    const worker = await qb.getOne();
    if (!worker || worker.erased) throw notFound('Worker', '该职工');
    return worker;
  }

  /** Confirms a unit is in the actor's subtree (404 otherwise). */
  async requireUnit(manager: EntityManager, actor: Actor, unitId: string): Promise<void> {
    const qb = manager.createQueryBuilder().select('u.id', 'id').from('org_units', 'u').where('u.id = :unitId', { unitId });
    this.whereUnitInScope(qb, actor, 'u.id');
    if (!(await qb.getRawOne())) throw notFound('Org unit', '该组织单位');
  }
}
