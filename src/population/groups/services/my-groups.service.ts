import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { conflict, notFound } from '../../../platform/errors/domain-error.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { isTargetedAt } from '../../shared/audience.js';
import { forUpdate } from '../../../platform/database/sql-helpers.js';
import { move } from '../../../platform/state-machine.js';
import { loadViewer, staffNames, type Viewer } from '../../shared/viewer.js';
import { assertDisplayName, CURRENT, MEMBERSHIP_TRANSITIONS } from '../domain/group-rules.js';
import type { AcceptRulesDto, FellowMemberDto, JoinGroupDto, MyGroupDto } from '../dto/group.dto.js';
import type { MyMeetingDto } from '../dto/meeting.dto.js';
import { Attendance } from '../entities/attendance.entity.js';
import { Meeting } from '../entities/meeting.entity.js';
import { Membership } from '../entities/membership.entity.js';
import { PeerGroup } from '../entities/peer-group.entity.js';
import { toFellowMemberDto, toMyGroupDto } from '../groups.mapper.js';
import { groupCounts } from './group-counts.js';

const rulesChanged = (current: number) =>
  conflict('RULES_CHANGED', '团体公约已更新，请阅读最新版本后再确认', 'The group rules have changed; read the current version and accept it', {
    rulesVersion: current,
  });

/**
 * A worker's side of 自助团体: groups open to them, asking to join under a display name and accepting the rules,
 * leaving, and fellow members by display name only.
 */
@Injectable()
export class MyGroupsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  /** Open groups targeted at the worker, and every group they belong to or asked to join. */
  available(actor: Actor): Promise<MyGroupDto[]> {
    return this.transactions.read(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const open = await manager.find(PeerGroup, {
        where: { orgUnitId: In([...viewer.facts.unitAncestry]), status: 'open' },
        order: { createdAt: 'DESC', id: 'ASC' },
      });
      const offered = open.filter((group) => isTargetedAt(group.orgUnitId, group.audience, viewer.facts));
      const memberships = await manager.find(Membership, { where: { workerId: viewer.worker.id } });
      const known = new Set(offered.map((g) => g.id));
      const others = memberships.filter((m) => !known.has(m.groupId)).map((m) => m.groupId);
      const groups = [...offered, ...(others.length > 0 ? await manager.find(PeerGroup, { where: { id: In(others) } }) : [])];
      return this.toDtos(manager, groups, memberships);
    });
  }

  mine(actor: Actor): Promise<MyGroupDto[]> {
    return this.transactions.read(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const memberships = await manager.find(Membership, { where: { workerId: viewer.worker.id }, order: { createdAt: 'DESC', id: 'ASC' } });
      if (memberships.length === 0) return [];
      const groups = await manager.find(PeerGroup, { where: { id: In(memberships.map((m) => m.groupId)) } });
      return this.toDtos(manager, groups, memberships);
    });
  }

  /** Asks to join: the display name fellow members will see, and acceptance of the current rules version. */
  join(actor: Actor, groupId: string, input: JoinGroupDto): Promise<MyGroupDto> {
    return this.transactions.run(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const group = await this.lockGroup(manager, viewer, groupId);
      if (group.status !== 'open') throw conflict('GROUP_CLOSED', '该团体暂不接受入组申请', 'The group is not taking requests');
      if (input.rulesVersion !== group.rulesVersion) throw rulesChanged(group.rulesVersion);
      const displayName = assertDisplayName(input.displayName, viewer.worker.name);
      const existing = await manager.findOne(Membership, { where: { groupId, workerId: viewer.worker.id } });
      if (existing && CURRENT.includes(existing.status)) {
        throw conflict('ALREADY_MEMBER', '您已在该团体中或已提交申请', 'You are already in this group or have asked to join', { status: existing.status });
      }
      if (await manager.exists(Membership, { where: { groupId, displayName, workerId: Not(viewer.worker.id) } })) {
        throw conflict('DISPLAY_NAME_TAKEN', '该昵称在本团体中已被使用', 'This display name is taken in the group');
      }
      const now = this.clock.now();
      const member = existing ?? manager.create(Membership, { groupId, workerId: viewer.worker.id, joinedAt: null, leftAt: null });
      if (existing) move(MEMBERSHIP_TRANSITIONS, existing.status, 'requested');
      Object.assign(member, {
        status: 'requested',
        orgUnitId: viewer.worker.orgUnitId,
        displayName,
        rulesVersionAccepted: group.rulesVersion,
        rulesAcceptedAt: now,
        decidedBy: null,
        decidedAt: null,
      });
      await manager.save(member);
      await this.audit.record(manager, actor, {
        action: 'peer_group.join_request',
        resourceType: 'peer_group',
        resourceId: groupId,
        workerId: viewer.worker.id,
        detail: { memberId: member.id, rulesVersion: group.rulesVersion },
      });
      const facilitator = await this.users.findById(manager, group.facilitatorId);
      if (facilitator?.active) {
        await this.notifications.notify(manager, [{ userId: facilitator.id, email: facilitator.email }], {
          kind: 'group.join_request',
          title: `新的入组申请：${group.name}`,
          body: `“${displayName}”申请加入团体，请审核。/ A new request to join is waiting for your decision.`,
          link: `/groups/${group.id}/members`,
        });
      }
      return (await this.toDtos(manager, [group], [member]))[0];
    });
  }

  /** Withdraws a pending request, or leaves the group. */
  leave(actor: Actor, groupId: string): Promise<MyGroupDto> {
    return this.transactions.run(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const member = await this.ownMembership(manager, viewer, groupId);
      member.status = move(MEMBERSHIP_TRANSITIONS, member.status, member.status === 'requested' ? 'withdrawn' : 'left');
      if (member.status === 'left') member.leftAt = this.clock.now();
      await manager.save(member);
      await this.audit.record(manager, actor, {
        action: `peer_group.${member.status === 'left' ? 'leave' : 'withdraw'}`,
        resourceType: 'peer_group',
        resourceId: groupId,
        workerId: viewer.worker.id,
      });
      const group = await manager.findOneByOrFail(PeerGroup, { id: groupId });
      return (await this.toDtos(manager, [group], [member]))[0];
    });
  }

  /** Accepts the group's current rules (after they changed). */
  acceptRules(actor: Actor, groupId: string, input: AcceptRulesDto): Promise<MyGroupDto> {
    return this.transactions.run(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const member = await this.ownMembership(manager, viewer, groupId);
      if (!CURRENT.includes(member.status)) throw notFound('Membership', '您在该团体的成员资格');
      const group = await manager.findOneByOrFail(PeerGroup, { id: groupId });
      if (input.rulesVersion !== group.rulesVersion) throw rulesChanged(group.rulesVersion);
      member.rulesVersionAccepted = group.rulesVersion;
      member.rulesAcceptedAt = this.clock.now();
      await manager.save(member);
      await this.audit.record(manager, actor, {
        action: 'peer_group.accept_rules',
        resourceType: 'peer_group',
        resourceId: groupId,
        workerId: viewer.worker.id,
        detail: { rulesVersion: group.rulesVersion },
      });
      return (await this.toDtos(manager, [group], [member]))[0];
    });
  }

  /** Fellow active members by display name only; only an active member may look (404 otherwise). */
  fellowMembers(actor: Actor, groupId: string): Promise<FellowMemberDto[]> {
    return this.transactions.read(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      await this.activeMembership(manager, viewer, groupId);
      const members = await manager.find(Membership, {
        where: { groupId, status: 'active' },
        select: { id: true, displayName: true, workerId: true },
        order: { displayName: 'ASC' },
      });
      return members.map((member) => toFellowMemberDto(member, viewer.worker.id));
    });
  }

  /** The group's meetings and the worker's own attendance; for active members. */
  meetings(actor: Actor, groupId: string): Promise<MyMeetingDto[]> {
    return this.transactions.read(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const member = await this.activeMembership(manager, viewer, groupId);
      const meetings = await manager.find(Meeting, { where: { groupId }, order: { startsAt: 'ASC', id: 'ASC' } });
      const own = new Map(
        (await manager.find(Attendance, { where: { memberId: member.id } })).map((a) => [a.meetingId, a.status] as const),
      );
      return meetings.map((m) => ({
        id: m.id,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
        place: m.place,
        onlineUrl: m.onlineUrl,
        topic: m.topic,
        status: m.status,
        myAttendance: own.get(m.id) ?? null,
      }));
    });
  }

  private async toDtos(manager: EntityManager, groups: PeerGroup[], memberships: Membership[]): Promise<MyGroupDto[]> {
    const counts = await groupCounts(manager, groups.map((g) => g.id));
    const names = await staffNames(manager, this.users, groups.map((g) => g.facilitatorId));
    return groups.map((group) =>
      toMyGroupDto(group, counts.get(group.id)!, names.get(group.facilitatorId) ?? null, memberships.find((m) => m.groupId === group.id) ?? null),
    );
  }

  /** The group, locked, if it is for the worker (unit subtree and audience); 404 otherwise. */
  private async lockGroup(manager: EntityManager, viewer: Viewer, groupId: string): Promise<PeerGroup> {
    const group = await forUpdate(manager.getRepository(PeerGroup).createQueryBuilder('g').where('g.id = :groupId', { groupId })).getOne();
    if (!group || !isTargetedAt(group.orgUnitId, group.audience, viewer.facts)) throw notFound('Group', '该团体');
    return group;
  }

  private async ownMembership(manager: EntityManager, viewer: Viewer, groupId: string): Promise<Membership> {
    const member = await manager.findOne(Membership, { where: { groupId, workerId: viewer.worker.id } });
    if (!member) throw notFound('Membership', '您在该团体的成员资格');
    return member;
  }

  private async activeMembership(manager: EntityManager, viewer: Viewer, groupId: string): Promise<Membership> {
    const member = await manager.findOne(Membership, { where: { groupId, workerId: viewer.worker.id, status: 'active' } });
    if (!member) throw notFound('Group', '该团体');
    return member;
  }
}
