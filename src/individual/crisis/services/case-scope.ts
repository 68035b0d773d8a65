import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';

/**
 * The scope clause of the crisis-case queue and the follow-up lists: the same rule as AccessScope.whereWorkerInScope
 * (workers whose current unit is in the subtree of the actor's unit), written as a per-row check so a list can walk
 * its deadline index and stop after one page. AccessScope's form (`worker_id IN (every worker of the subtree)`) first
 * materialises the whole subtree's workers, which for a city-wide counsellor is tens of thousands of ids on every
 * request. The actor's path is an uncorrelated subquery: evaluated once per statement.
 */
@Injectable()
export class CaseScope {
  where<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, workerColumn: string): SelectQueryBuilder<T> {
    return qb.andWhere(
      `EXISTS (SELECT 1 FROM workers csw JOIN org_units csou ON csou.id = csw.org_unit_id
        WHERE csw.id = ${workerColumn} AND csou.path LIKE (SELECT csp.path FROM org_units csp WHERE csp.id = :caseScopeUnitId) || '%')`,
      { caseScopeUnitId: actor.orgUnitId },
    );
  }
}
