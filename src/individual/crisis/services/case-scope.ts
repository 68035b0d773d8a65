import { Injectable } from '@nestjs/common';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';

/**
 * The scope clause of the crisis-case queue and the follow-up lists: the same rule as AccessScope.whereWorkerInScope
 * (workers whose current unit is in the subtree of the actor's unit), written as a per-row check so a list can walk
 * its deadline index and stop after one page. AccessScope's form (`worker_id IN (every worker of the subtree)`) first
 * materialises the whole subtree's workers, which for a city-wide counsellor is tens of thousands of ids on every
 * request.
 *
 * The actor's path is read first and bound as a parameter, not written as a subquery: PostgreSQL then plans with the
 * actual prefix and its statistics, walking the deadline index for a wide scope and starting from the few workers of
 * a narrow one. (With a subquery it cannot see the prefix and guessed a narrow scope for a city: 35× slower.)
 */
@Injectable()
export class CaseScope {
  async where<T extends ObjectLiteral>(manager: EntityManager, qb: SelectQueryBuilder<T>, actor: Actor, workerColumn: string): Promise<SelectQueryBuilder<T>> {
    const unit = await manager
      .createQueryBuilder()
      .select('csu.path', 'path')
      .from('org_units', 'csu')
      .where('csu.id = :scopeUnitId', { scopeUnitId: actor.orgUnitId })
      .getRawOne<{ path: string }>();
    // No unit (should not happen for staff): a pattern no path matches, so nothing is in scope.
    const scopePath = unit ? `${unit.path}%` : '\u0000';
    return qb.andWhere(
      `EXISTS (SELECT 1 FROM workers csw JOIN org_units csou ON csou.id = csw.org_unit_id WHERE csw.id = ${workerColumn} AND csou.path LIKE :caseScopePath)`,
      { caseScopePath: scopePath },
    );
  }
}
