import { Injectable } from '@nestjs/common';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { PreparedRead } from '../../platform/database/prepared-read.js';
import { notFound } from '../../platform/errors/domain-error.js';
import { Worker } from '../workers/worker.entity.js';

/**
 * The single-record reads of `requireWorker`, prepared once (the hottest read of the app). The subtree test is
 * correlated to the worker's own unit: two primary-key lookups and a prefix compare, not a pass over `org_units`.
 */
const WORKER_IN_SUBTREE = new PreparedRead(
  Worker,
  `e.id = :workerId AND EXISTS (SELECT 1 FROM org_units su, org_units sp
     WHERE su.id = e.org_unit_id AND sp.id = :scopeUnitId AND su.path LIKE sp.path || '%')`,
);
const OWN_WORKER = new PreparedRead(Worker, 'e.id = :workerId AND e.id = :own');

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
    const worker =
      actor.role === 'worker'
        ? await OWN_WORKER.one(manager, { workerId, own: actor.workerId ?? '' })
        : await WORKER_IN_SUBTREE.one(manager, { workerId, scopeUnitId: actor.orgUnitId });
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
