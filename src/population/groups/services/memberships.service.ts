import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { conflict, notFound } from '../../../platform/errors/domain-error.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { move } from '../../../platform/state-machine.js';
import { recipientOf } from '../../shared/viewer.js';
import { assertPlaceFree, MEMBERSHIP_TRANSITIONS } from '../domain/group-rules.js';
import type { MemberDto, MemberQueryDto } from '../dto/group.dto.js';
import { Membership } from '../entities/membership.entity.js';
import type { PeerGroup } from '../entities/peer-group.entity.js';
import { toMemberDto } from '../groups.mapper.js';
import { groupCounts } from './group-counts.js';
import { GroupsService } from './groups.service.js';

type Decision = 'approve' | 'decline' | 'remove';
const TARGET = { approve: 'active', decline: 'declined', remove: 'removed' } as const;
const MESSAGE: Record<Decision, [string, string]> = {
  approve: ['入组申请已通过', 'Your request to join was approved'],
  decline: ['入组申请未通过', 'Your request to join was declined'],
  remove: ['您已被移出团体', 'You were removed from the group'],
};

/**
 * Membership decisions and the full member list, for the facilitator and counsellors in scope. Reading who is in
 * a group is reading individual records: audited.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly groups: GroupsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  members(actor: Actor, groupId: string, query: MemberQueryDto): Promise<MemberDto[]> {
    return this.transactions.run(async (manager) => {
      await this.groups.requireGroup(manager, actor, groupId);
      const members = await manager.find(Membership, {
        where: { groupId, ...(query.status ? { status: query.status } : {}) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      await this.audit.record(manager, actor, {
        action: 'peer_group.members_read',
        resourceType: 'peer_group',
        resourceId: groupId,
        detail: { results: members.length },
      });
      return members.map(toMemberDto);
    });
  }

  member(actor: Actor, groupId: string, memberId: string): Promise<MemberDto> {
    return this.transactions.run(async (manager) => {
      await this.groups.requireGroup(manager, actor, groupId);
      const member = await this.requireMember(manager, groupId, memberId);
      await this.audit.record(manager, actor, {
        action: 'peer_group.member_read',
        resourceType: 'peer_group',
        resourceId: groupId,
        workerId: member.workerId,
        detail: { memberId },
      });
      return toMemberDto(member);
    });
  }

  /** Approve (within capacity), decline a request, or remove an active member; the worker is told. */
  decide(actor: Actor, groupId: string, memberId: string, decision: Decision): Promise<MemberDto> {
    return this.transactions.run(async (manager) => {
      const group = await this.groups.requireGroup(manager, actor, groupId, true);
      const member = await this.requireMember(manager, groupId, memberId);
      const now = this.clock.now();
      member.status = move(MEMBERSHIP_TRANSITIONS, member.status, TARGET[decision]);
      if (decision === 'approve') {
        if (group.status === 'archived') throw conflict('GROUP_ARCHIVED', '团体已归档', 'The group is archived');
        assertPlaceFree(group.capacity, (await groupCounts(manager, [groupId])).get(groupId)!.active);
        member.joinedAt = now;
        member.leftAt = null;
      }
      if (decision === 'remove') member.leftAt = now;
      member.decidedBy = actor.userId;
      member.decidedAt = now;
      await manager.save(member);
      await this.audit.record(manager, actor, {
        action: `peer_group.member_${decision}`,
        resourceType: 'peer_group',
        resourceId: groupId,
        workerId: member.workerId,
        detail: { memberId },
      });
      await this.tell(manager, group, member, decision);
      return toMemberDto(member);
    });
  }

  private async tell(manager: EntityManager, group: PeerGroup, member: Membership, decision: Decision): Promise<void> {
    const recipient = await recipientOf(manager, this.users, member.workerId);
    if (!recipient) return;
    const [zh, en] = MESSAGE[decision];
    await this.notifications.notify(manager, [recipient], {
      kind: `group.member_${decision}`,
      title: `${zh}：${group.name}`,
      body: `${zh}。/ ${en}.`,
      link: `/me/groups/${group.id}`,
    });
  }

  private async requireMember(manager: EntityManager, groupId: string, memberId: string): Promise<Membership> {
    const member = await manager.findOne(Membership, { where: { id: memberId, groupId } });
    if (!member) throw notFound('Member', '该成员');
    return member;
  }
}
