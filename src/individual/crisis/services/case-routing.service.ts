import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
import type { User } from '../../../people/users/user.entity.js';
import { UsersService } from '../../../people/users/users.service.js';
import { dbTime, fromDbTime } from '../../../platform/database/db-time.js';
import { unitWithin, userFacts } from '../../shared/people-reads.js';
import { chooseResponder, type DutyCandidate } from '../domain/responder.js';
import { pathWithin } from '../../../people/access/org-subtree.js';

export interface UnitSupervisors {
  unitId: string;
  users: User[];
}

/**
 * Who a case goes to: the counsellor on duty for the worker's unit or the nearest unit above it with someone on duty
 * (chooseResponder decides among them), and, when nobody is on duty or nobody acknowledges in time, the supervisors
 * of the nearest unit that has any.
 */
@Injectable()
export class CaseRouting {
  constructor(
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
  ) {}

  /** The responder for a new case of a worker in `unitId` at `at`, or null when nobody is on duty here or above. */
  async responder(manager: EntityManager, unitId: string, at: Date): Promise<DutyCandidate | null> {
    const ancestry = await this.orgUnits.ancestry(manager, unitId);
    if (ancestry.length === 0) return null;
    const depth = new Map(ancestry.map((u) => [u.id, u.depth]));
    // On duty now, active, and still placed where the worker is in their scope (their unit at or above the worker's).
    const rows = await manager
      .createQueryBuilder()
      .select(['ds.user_id AS "userId"', 'ds.org_unit_id AS "unitId"', 'ds.starts_at AS "startsAt"'])
      .from('duty_shifts', 'ds')
      .innerJoin('users', 'du', "du.id = ds.user_id AND du.active AND du.role IN ('counsellor', 'supervisor')")
      .innerJoin('org_units', 'duu', 'duu.id = du.org_unit_id')
      .innerJoin('org_units', 'dwu', 'dwu.id = :workerUnitId', { workerUnitId: unitId })
      .where('ds.org_unit_id IN (:...unitIds)', { unitIds: [...depth.keys()] })
      .andWhere('ds.starts_at <= :at AND ds.ends_at > :at', { at: dbTime(at) })
      .andWhere(pathWithin('dwu.path', 'duu.path'))
      .getRawMany<{ userId: string; unitId: string; startsAt: Date | string }>();
    return chooseResponder(rows.map((r) => ({ userId: r.userId, unitId: r.unitId, unitDepth: depth.get(r.unitId) ?? 0, shiftStartsAt: fromDbTime(r.startsAt) })));
  }

  /**
   * The supervisors of the nearest unit that has any, starting at `unitId` itself, or strictly above it when
   * `above` is set (the next escalation after that unit's supervisors).
   */
  async supervisors(manager: EntityManager, unitId: string, above = false): Promise<UnitSupervisors | null> {
    const ancestry = await this.orgUnits.ancestry(manager, unitId);
    for (const unit of above ? ancestry.slice(1) : ancestry) {
      const users = await this.users.staffOf(manager, [unit.id], ['supervisor']);
      if (users.length > 0) return { unitId: unit.id, users };
    }
    return null;
  }

  /** An active counsellor or supervisor whose own unit is the worker's unit or above it. */
  async eligibleResponder(manager: EntityManager, userId: string, workerUnitId: string): Promise<{ id: string; email: string | null } | null> {
    const user = await userFacts(manager, userId);
    if (!user || !user.active || (user.role !== 'counsellor' && user.role !== 'supervisor')) return null;
    return (await unitWithin(manager, workerUnitId, user.orgUnitId)) ? { id: user.id, email: user.email } : null;
  }
}
