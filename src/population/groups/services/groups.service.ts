import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest, conflict, notFound } from '../../../platform/errors/domain-error.js';
import { normaliseAudience } from '../../shared/audience.js';
import { forUpdate } from '../../../platform/database/sql-helpers.js';
import { move } from '../../../platform/state-machine.js';
import { staffNames } from '../../shared/viewer.js';
import type { CreateGroupDto, GroupDto, UpdateGroupDto } from '../dto/group.dto.js';
import { PeerGroup } from '../entities/peer-group.entity.js';
import { GROUP_TRANSITIONS } from '../domain/group-rules.js';
import { toGroupDto } from '../groups.mapper.js';
import { groupCounts } from './group-counts.js';

const FACILITATOR_ROLES = ['counsellor', 'supervisor'];

/**
 * 心理健康自助组织和团体建设 (staff side): groups, their facilitator, rules and capacity. A group belongs to a unit;
 * staff whose subtree holds that unit manage it, and the facilitator must be such a member of staff.
 */
@Injectable()
export class GroupsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  create(actor: Actor, input: CreateGroupDto): Promise<GroupDto> {
    return this.transactions.run(async (manager) => {
      await this.scope.requireUnit(manager, actor, input.orgUnitId);
      const facilitatorName = await this.requireFacilitator(manager, input.facilitatorId, input.orgUnitId);
      const group = manager.create(PeerGroup, {
        orgUnitId: input.orgUnitId,
        name: input.name.trim(),
        topic: input.topic,
        description: input.description ?? null,
        rules: input.rules,
        rulesVersion: 1,
        facilitatorId: input.facilitatorId,
        capacity: input.capacity,
        audience: normaliseAudience(input.audience),
        status: 'open',
        createdBy: actor.userId,
      });
      await manager.save(group);
      await this.audit.record(manager, actor, {
        action: 'peer_group.create',
        resourceType: 'peer_group',
        resourceId: group.id,
        detail: { facilitatorId: group.facilitatorId },
      });
      return toGroupDto(group, { active: 0, requested: 0 }, facilitatorName);
    });
  }

  update(actor: Actor, groupId: string, input: UpdateGroupDto): Promise<GroupDto> {
    return this.transactions.run(async (manager) => {
      const group = await this.requireGroup(manager, actor, groupId, true);
      if (group.status === 'archived') throw conflict('GROUP_ARCHIVED', '团体已归档', 'The group is archived');
      const counts = (await groupCounts(manager, [groupId])).get(groupId)!;
      if (input.name !== undefined) group.name = input.name.trim();
      if (input.description !== undefined) group.description = input.description;
      if (input.rules !== undefined && input.rules !== group.rules) {
        group.rules = input.rules;
        group.rulesVersion += 1;
      }
      if (input.facilitatorId !== undefined) {
        await this.requireFacilitator(manager, input.facilitatorId, group.orgUnitId);
        group.facilitatorId = input.facilitatorId;
      }
      if (input.capacity !== undefined) {
        if (input.capacity < counts.active) {
          throw conflict('CAPACITY_BELOW_MEMBERS', '容量不能少于现有成员数', 'Capacity cannot be below the current number of members', {
            activeMembers: counts.active,
          });
        }
        group.capacity = input.capacity;
      }
      if (input.status !== undefined && input.status !== group.status) group.status = move(GROUP_TRANSITIONS, group.status, input.status);
      if (input.audience !== undefined) group.audience = normaliseAudience(input.audience);
      await manager.save(group);
      await this.audit.record(manager, actor, {
        action: 'peer_group.update',
        resourceType: 'peer_group',
        resourceId: group.id,
        detail: { fields: Object.keys(input), rulesVersion: group.rulesVersion },
      });
      const names = await staffNames(manager, this.users, [group.facilitatorId]);
      return toGroupDto(group, counts, names.get(group.facilitatorId) ?? null);
    });
  }

  list(actor: Actor): Promise<GroupDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(PeerGroup).createQueryBuilder('g').orderBy('g.createdAt', 'DESC').addOrderBy('g.id');
      const groups = await this.scope.whereUnitInScope(qb, actor, 'g.org_unit_id').getMany();
      const counts = await groupCounts(manager, groups.map((g) => g.id));
      const names = await staffNames(manager, this.users, groups.map((g) => g.facilitatorId));
      return groups.map((group) => toGroupDto(group, counts.get(group.id)!, names.get(group.facilitatorId) ?? null));
    });
  }

  get(actor: Actor, groupId: string): Promise<GroupDto> {
    return this.transactions.read(async (manager) => {
      const group = await this.requireGroup(manager, actor, groupId);
      const counts = (await groupCounts(manager, [groupId])).get(groupId)!;
      const names = await staffNames(manager, this.users, [group.facilitatorId]);
      return toGroupDto(group, counts, names.get(group.facilitatorId) ?? null);
    });
  }

  /**
   * A group whose unit is in the actor's subtree (the facilitator always qualifies: see requireFacilitator); 404
   * otherwise. `lock` holds the row for capacity decisions.
   */
  async requireGroup(manager: EntityManager, actor: Actor, groupId: string, lock = false): Promise<PeerGroup> {
    const qb = manager.getRepository(PeerGroup).createQueryBuilder('g').where('g.id = :groupId', { groupId });
    this.scope.whereUnitInScope(qb, actor, 'g.org_unit_id');
    const group = await (lock ? forUpdate(qb) : qb).getOne();
    if (!group) throw notFound('Group', '该团体');
    return group;
  }

  /** The facilitator: an active counsellor or supervisor whose own subtree holds the group's unit. Returns their name. */
  private async requireFacilitator(manager: EntityManager, facilitatorId: string, groupUnitId: string): Promise<string> {
    const user = await this.users.findById(manager, facilitatorId);
    const ancestry = (await this.orgUnits.ancestry(manager, groupUnitId)).map((unit) => unit.id);
    if (!user || !user.active || !FACILITATOR_ROLES.includes(user.role) || !ancestry.includes(user.orgUnitId)) {
      throw badRequest(
        'FACILITATOR_INVALID',
        '带领者须为团体所在单位或其上级单位的在职心理咨询师或督导',
        'The facilitator must be an active counsellor or supervisor of the group’s unit or a unit above it',
      );
    }
    return user.displayName;
  }
}
