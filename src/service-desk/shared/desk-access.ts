import { Injectable } from '@nestjs/common';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import { forUpdate } from '../../platform/database/sql-helpers.js';
import { notHandlingUnit, requestNotFound } from '../desk-errors.js';
import { DeskRequest } from '../entities/desk-request.entity.js';

/**
 * Who may see a request, in one place (CONVENTIONS §11). Staff: a request whose unit of origin, handling unit or
 * supervising unit is in their subtree, or that a unit in their subtree forwarded (so the sender can follow it and
 * read a return). Workers: their own requests only. Anything else is 404, never 403, so existence is not revealed.
 */
@Injectable()
export class DeskAccess {
  constructor(private readonly scope: AccessScope) {}

  /** Adds the staff scope to a query over `desk_requests` aliased `alias`. */
  whereVisible<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 'r'): SelectQueryBuilder<T> {
    if (actor.role === 'worker') return qb.andWhere(`${alias}.worker_id = :deskOwnWorker`, { deskOwnWorker: actor.workerId ?? '' });
    const units = [`${alias}.handling_unit_id`, `${alias}.subject_unit_id`, `${alias}.supervising_unit_id`, 'df.from_unit_id'].map((c) => this.scope.unitScope(actor, c).sql);
    return qb.andWhere(
      `(${units[0]} OR ${units[1]} OR ${units[2]} OR EXISTS (SELECT 1 FROM desk_forwards df WHERE df.request_id = ${alias}.id AND ${units[3]}))`,
      this.scope.unitScope(actor, 'df.from_unit_id').params,
    );
  }

  /** Restricts a query to requests handled by units in the actor's subtree (the desk's queue). */
  whereHandledInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 'r'): SelectQueryBuilder<T> {
    return this.scope.whereUnitInScope(qb, actor, `${alias}.handling_unit_id`);
  }

  /** Whether `unitId` is in the actor's subtree. */
  async unitInScope(manager: EntityManager, actor: Actor, unitId: string): Promise<boolean> {
    const qb = manager.createQueryBuilder().select('u.id', 'id').from('org_units', 'u').where('u.id = :unitId', { unitId });
    const row: unknown = await this.scope.whereUnitInScope(qb, actor, 'u.id').getRawOne();
    return row !== undefined && row !== null;
  }

  /** A request the actor may see; 404 otherwise. `lock` takes the row for a change (PostgreSQL). */
  async require(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<DeskRequest> {
    const qb = manager.getRepository(DeskRequest).createQueryBuilder('r').where('r.id = :id', { id });
    this.whereVisible(qb, actor);
    if (!(await qb.getExists())) throw requestNotFound();
    return this.load(manager, id, lock);
  }

  /**
   * A request handled by a unit in the actor's subtree, locked for a change (only the handling side acts on it):
   * 404 when the actor may not see it at all, 403 NOT_HANDLING_UNIT when they may see it but it is with another unit.
   */
  async requireHandled(manager: EntityManager, actor: Actor, id: string): Promise<DeskRequest> {
    const request = await this.require(manager, actor, id, true);
    if (!(await this.unitInScope(manager, actor, request.handlingUnitId))) throw notHandlingUnit();
    return request;
  }

  /** Loads by id, no scope check (jobs, and after a check). */
  async load(manager: EntityManager, id: string, lock = false): Promise<DeskRequest> {
    const qb = manager.getRepository(DeskRequest).createQueryBuilder('r').where('r.id = :id', { id });
    const request = await (lock ? forUpdate(qb) : qb).getOne();
    if (!request) throw requestNotFound();
    return request;
  }
}
