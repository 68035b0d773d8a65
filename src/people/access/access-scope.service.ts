import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { PreparedRead } from '../../platform/database/prepared-read.js';
import type { SqlFragment } from '../../platform/database/sql-fragment.js';
import { DomainError, notFound } from '../../platform/errors/domain-error.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import { Worker } from '../workers/worker.entity.js';
import { actorUnitPath, NO_PATH, pathWithin, unitAbove, unitAboveUnit, unitAndAncestors, unitUnder, unitUnderUnit } from './org-subtree.js';

/**
 * The single-record reads of `requireWorker`, prepared once (the hottest read of the app). The subtree test is
 * correlated to the worker's own unit: two primary-key lookups and a prefix compare, not a pass over `org_units`.
 */
const WORKER_IN_SUBTREE = new PreparedRead(
  Worker,
  `e.id = :workerId AND EXISTS (SELECT 1 FROM org_units su, org_units sp
     WHERE su.id = e.org_unit_id AND sp.id = :scopeUnitId AND ${pathWithin('su.path', 'sp.path')})`,
);
const OWN_WORKER = new PreparedRead(Worker, 'e.id = :workerId AND e.id = :own');

/**
 * A merged duplicate's id (a tombstone) answers 404 with the kept profile's id, so old links and bookmarks lead on;
 * only to an actor who could see the tombstone, i.e. whose scope held both profiles when they were merged.
 */
const workerMerged = (mergedIntoId: string) =>
  new DomainError(404, 'WORKER_MERGED', '该职工档案已合并到另一份档案', 'This profile was merged into another', { mergedIntoId });

/** How a list applies the worker scope: `set` materialises the subtree's workers once, `row` checks each row. */
export type WorkerScopeForm = 'set' | 'row';

/**
 * Record-level access, in one place (CONVENTIONS §3, §11): the scoped query factory. Every list and single-record
 * read of worker-linked rows starts here (`query`, or `whereWorkerInScope` / `whereUnitInScope` on a builder, or
 * `workerScope` / `unitScope` as a fragment of raw SQL); single records go through `requireWorker`, which answers 404
 * for anything outside scope so existence is not revealed.
 *
 * - worker: only their own profile;
 * - everyone else: workers and units in the subtree of their own unit (officials never reach individual records:
 *   the role grants no permission that would). The subtree rule and the bound path live in `org-subtree.ts`.
 */
@Injectable()
export class AccessScope {
  /** A query over `entity` already limited to rows whose `workerColumn` the actor may see (`alias.worker_id` by default). */
  query<T extends ObjectLiteral>(manager: EntityManager, actor: Actor, entity: EntityTarget<T>, alias: string, workerColumn = `${alias}.worker_id`, form: WorkerScopeForm = 'set'): SelectQueryBuilder<T> {
    return this.whereWorkerInScope(manager.getRepository(entity).createQueryBuilder(alias), actor, workerColumn, form);
  }

  /** Restricts `unitColumn` (an org-unit id column) to the actor's subtree. */
  whereUnitInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, unitColumn: string): SelectQueryBuilder<T> {
    const scope = this.unitScope(actor, unitColumn);
    return qb.andWhere(scope.sql, scope.params);
  }

  /** Restricts rows to those where any of `unitColumns` is in the actor's subtree (e.g. a grant's worker or grantee unit). */
  whereAnyUnitInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, unitColumns: string[]): SelectQueryBuilder<T> {
    const parts = unitColumns.map((column) => this.unitScope(actor, column));
    return qb.andWhere(`(${parts.map((p) => p.sql).join(' OR ')})`, parts[0]?.params ?? {});
  }

  /** Restricts `workerColumn` (a worker id column) to workers the actor may see. */
  whereWorkerInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, workerColumn: string, form: WorkerScopeForm = 'set'): SelectQueryBuilder<T> {
    const scope = this.workerScope(actor, workerColumn, form);
    return qb.andWhere(scope.sql, scope.params);
  }

  /** `unitColumn` is in the actor's subtree, as a fragment for raw SQL or a compound condition. */
  unitScope(actor: Actor, unitColumn: string, key = 'scopePath'): SqlFragment {
    const path = actorUnitPath(actor);
    if (path !== null || !actor.orgUnitId) return unitUnder(unitColumn, path ?? NO_PATH, key);
    // An actor built outside a request (sign-up, TOTP enrolment) carries no path: read it in the statement.
    return unitUnderUnit(unitColumn, actor.orgUnitId, key);
  }

  /**
   * `unitColumn` is in the actor's subtree or above the actor's unit: material launched there reaches the actor
   * (courses, events, campaigns from the city union reach an enterprise counsellor).
   */
  unitInLineScope(actor: Actor, unitColumn: string, key = 'linePath'): SqlFragment {
    const below = this.unitScope(actor, unitColumn, key);
    const path = actorUnitPath(actor);
    const above = path !== null ? unitAbove(unitColumn, path, key) : actor.orgUnitId ? unitAboveUnit(unitColumn, actor.orgUnitId, key) : { sql: '1 = 0', params: {} };
    return { sql: `(${below.sql} OR ${above.sql})`, params: { ...below.params, ...above.params } };
  }

  whereUnitInLine<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, unitColumn: string): SelectQueryBuilder<T> {
    const scope = this.unitInLineScope(actor, unitColumn);
    return qb.andWhere(scope.sql, scope.params);
  }

  /**
   * `workerColumn` is a worker the actor may see. `set` (`IN` the subtree's workers) suits narrow lists and lookups;
   * `row` (a per-row EXISTS) lets a paged list walk its own index and stop after one page for a city-wide scope.
   */
  workerScope(actor: Actor, workerColumn: string, form: WorkerScopeForm = 'set', key = 'scopePath'): SqlFragment {
    if (actor.role === 'worker') return { sql: `${workerColumn} = :${key}Worker`, params: { [`${key}Worker`]: actor.workerId ?? '' } };
    const unit = this.unitScope(actor, `${key}_w.org_unit_id`, key);
    const sql =
      form === 'row'
        ? `EXISTS (SELECT 1 FROM workers ${key}_w WHERE ${key}_w.id = ${workerColumn} AND ${unit.sql})`
        : `${workerColumn} IN (SELECT ${key}_w.id FROM workers ${key}_w WHERE ${unit.sql})`;
    return { sql, params: unit.params };
  }

  /** The ids of the actor's unit and its ancestors (the units whose shared material the actor sees from above). */
  async unitsAbove(manager: EntityManager, actor: Actor): Promise<string[]> {
    const path = actorUnitPath(actor) ?? (actor.orgUnitId ? (await manager.findOne(OrgUnit, { where: { id: actor.orgUnitId }, select: { id: true, path: true } }))?.path : null);
    return path ? unitAndAncestors(path) : [];
  }

  /** The worker, if the actor may see them; otherwise 404. */
  async requireWorker(manager: EntityManager, actor: Actor, workerId: string): Promise<Worker> {
    const worker =
      actor.role === 'worker'
        ? await OWN_WORKER.one(manager, { workerId, own: actor.workerId ?? '' })
        : await WORKER_IN_SUBTREE.one(manager, { workerId, scopeUnitId: actor.orgUnitId });
    if (worker?.mergedIntoId) throw workerMerged(worker.mergedIntoId);
    if (!worker || worker.erased) throw notFound('Worker', '该职工');
    return worker;
  }

  /** Confirms a unit is in the actor's subtree (404 otherwise). */
  async requireUnit(manager: EntityManager, actor: Actor, unitId: string): Promise<void> {
    const qb = manager.createQueryBuilder().select('u.id', 'id').from('org_units', 'u').where('u.id = :unitId', { unitId });
    this.whereUnitInScope(qb, actor, 'u.id');
    if (!(await qb.getRawOne())) throw notFound('Org unit', '该组织单位');
  }

  /** Whether `unitId` is `rootId` or below it (e.g. a programme's unit within a counsellor's scope). */
  async unitWithin(manager: EntityManager, unitId: string, rootId: string): Promise<boolean> {
    const unit = await manager.findOne(OrgUnit, { where: { id: unitId }, select: { id: true, path: true } });
    return unit !== null && unitAndAncestors(unit.path).includes(rootId);
  }
}
