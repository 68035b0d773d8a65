import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountStates } from '../../platform/auth/account-states.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { conflict, notFound } from '../../platform/errors/domain-error.js';
import { AccessScope } from '../access/access-scope.service.js';
import type { CreateOrgUnitDto, OrgUnitDto, UpdateOrgUnitDto } from './org-unit.dto.js';
import { OrgUnit } from './org-unit.entity.js';
import { pathUnder, unitUnder } from '../access/org-subtree.js';
import { PopulationCounts } from '../workers/population-counts.js';

export const toOrgUnitDto = (unit: OrgUnit): OrgUnitDto => ({
  id: unit.id,
  name: unit.name,
  parentId: unit.parentId,
  depth: unit.depth,
});

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly accounts: AccountStates,
    private readonly counts: PopulationCounts,
  ) {}

  /** Units in the actor's subtree, root first (a worker sees their own unit's subtree too: names only). */
  list(actor: Actor): Promise<OrgUnitDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(OrgUnit).createQueryBuilder('u').orderBy('u.depth').addOrderBy('u.name');
      this.scope.whereUnitInScope(qb, actor, 'u.id');
      return (await qb.getMany()).map(toOrgUnitDto);
    });
  }

  create(actor: Actor, input: CreateOrgUnitDto): Promise<OrgUnitDto> {
    return this.transactions.run(async (manager) => {
      const parent = await this.requireInScope(manager, actor, input.parentId);
      const unit = manager.create(OrgUnit, { name: input.name.trim(), parentId: parent.id, depth: parent.depth + 1, path: '' });
      unit.createdAt = this.clock.now();
      await manager.save(unit);
      unit.path = `${parent.path}${unit.id}/`;
      await manager.save(unit);
      await this.audit.record(manager, actor, { action: 'org_unit.create', resourceType: 'org_unit', resourceId: unit.id });
      return toOrgUnitDto(unit);
    });
  }

  update(actor: Actor, id: string, input: UpdateOrgUnitDto): Promise<OrgUnitDto> {
    return this.transactions.run(async (manager) => {
      const unit = await this.requireInScope(manager, actor, id);
      if (input.name !== undefined) unit.name = input.name.trim();
      if (input.parentId !== undefined && input.parentId !== unit.parentId) await this.move(manager, actor, unit, input.parentId);
      await manager.save(unit);
      await this.audit.record(manager, actor, {
        action: 'org_unit.update',
        resourceType: 'org_unit',
        resourceId: unit.id,
        detail: { renamed: input.name !== undefined, movedTo: input.parentId ?? null },
      });
      return toOrgUnitDto(unit);
    });
  }

  /** Re-roots the subtree in one statement; a unit cannot move under itself or its own descendants. */
  private async move(manager: EntityManager, actor: Actor, unit: OrgUnit, newParentId: string): Promise<void> {
    if (unit.parentId === null) throw conflict('ROOT_UNIT_FIXED', '根单位不能移动', 'The root unit cannot be moved');
    if (actor.orgUnitId === unit.id) throw conflict('OWN_UNIT_FIXED', '不能移动自己所在的单位', 'You cannot move your own unit');
    const parent = await this.requireInScope(manager, actor, newParentId);
    if (parent.path.startsWith(unit.path)) {
      throw conflict('MOVE_INTO_OWN_SUBTREE', '不能把单位移到其下级单位之下', 'A unit cannot move under itself or its descendants');
    }
    const oldPath = unit.path;
    const newPath = `${parent.path}${unit.id}/`;
    const depthShift = parent.depth + 1 - unit.depth;
    const moved = pathUnder('path', oldPath, 'prefix');
    // Signed-in accounts of the subtree carry their unit's path (the scope binds it): read it again after the move.
    const inSubtree = unitUnder('a.org_unit_id', oldPath, 'movedUnits');
    const accounts = await manager.createQueryBuilder().select('a.id', 'id').from('users', 'a').where(inSubtree.sql, inSubtree.params).getRawMany<{ id: string }>();
    this.accounts.changed(manager, accounts.map((a) => a.id));
    await manager
      .createQueryBuilder()
      .update(OrgUnit)
      .set({
        path: () => `:newPath || substr(path, :cut)`,
        depth: () => `depth + :depthShift`,
      })
      .where(moved.sql, moved.params)
      .setParameters({ newPath, cut: oldPath.length + 1, depthShift })
      .execute();
    // The dashboards' pre-aggregated counts: the subtree's totals leave the old ancestors and join the new ones.
    await this.counts.unitMoved(manager, unit.id, oldPath, newPath);
    unit.parentId = parent.id;
    unit.path = newPath;
    unit.depth = parent.depth + 1;
  }

  private async requireInScope(manager: EntityManager, actor: Actor, id: string): Promise<OrgUnit> {
    await this.scope.requireUnit(manager, actor, id);
    const unit = await manager.findOne(OrgUnit, { where: { id } });
    if (!unit) throw notFound('Org unit', '该组织单位');
    return unit;
  }

  /** The unit and its ancestors, nearest first: for routing to the nearest on-duty counsellor or supervisor. */
  async ancestry(manager: EntityManager, unitId: string): Promise<OrgUnit[]> {
    const unit = await manager.findOne(OrgUnit, { where: { id: unitId } });
    if (!unit) return [];
    const ids = unit.path.split('/').filter(Boolean);
    const units = await manager.getRepository(OrgUnit).createQueryBuilder('u').whereInIds(ids).getMany();
    return units.sort((a, b) => b.depth - a.depth);
  }
}
