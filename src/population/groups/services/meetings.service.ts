import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest, conflict, notFound } from '../../../platform/errors/domain-error.js';
import { NotificationService, type Recipient } from '../../../platform/notifications/notification.service.js';
import { num } from '../../../platform/database/sql-helpers.js';
import { recipientOf } from '../../shared/viewer.js';
import type { AttendanceEntryDto, CreateMeetingDto, MeetingDto, RecordAttendanceDto } from '../dto/meeting.dto.js';
import { Attendance, ATTENDANCE_STATUSES } from '../entities/attendance.entity.js';
import { Meeting } from '../entities/meeting.entity.js';
import { Membership } from '../entities/membership.entity.js';
import { toMeetingDto } from '../groups.mapper.js';
import { GroupsService } from './groups.service.js';

const emptyTally = (): Record<string, number> => Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0]));

/** Group meetings and attendance, kept by the facilitator (or counsellors in scope). */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly groups: GroupsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  /** Schedules a meeting and tells the active members. */
  schedule(actor: Actor, groupId: string, input: CreateMeetingDto): Promise<MeetingDto> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw badRequest('MEETING_TIMES_INVALID', '结束时间须晚于开始时间', 'endsAt must be after startsAt');
    if (startsAt <= this.clock.now()) throw badRequest('MEETING_IN_PAST', '开始时间须在将来', 'startsAt must be in the future');
    return this.transactions.run(async (manager) => {
      const group = await this.groups.requireGroup(manager, actor, groupId);
      if (group.status === 'archived') throw conflict('GROUP_ARCHIVED', '团体已归档', 'The group is archived');
      const meeting = manager.create(Meeting, {
        groupId,
        startsAt,
        endsAt,
        place: input.place ?? null,
        onlineUrl: input.onlineUrl ?? null,
        topic: input.topic ?? null,
        status: 'scheduled',
        createdBy: actor.userId,
      });
      await manager.save(meeting);
      const members = await manager.find(Membership, { where: { groupId, status: 'active' }, select: { id: true, workerId: true } });
      const recipients: Recipient[] = [];
      for (const member of members) {
        const recipient = await recipientOf(manager, this.users, member.workerId);
        if (recipient) recipients.push(recipient);
      }
      await this.notifications.notify(manager, recipients, {
        kind: 'group.meeting_scheduled',
        title: `团体活动：${group.name}`,
        body: `新的团体活动已安排（${startsAt.toISOString()}）。/ A new group meeting has been scheduled.`,
        link: `/me/groups/${groupId}`,
      });
      await this.audit.record(manager, actor, {
        action: 'peer_group.meeting_schedule',
        resourceType: 'peer_group',
        resourceId: groupId,
        detail: { meetingId: meeting.id },
      });
      return toMeetingDto(meeting, emptyTally());
    });
  }

  list(actor: Actor, groupId: string): Promise<MeetingDto[]> {
    return this.transactions.read(async (manager) => {
      await this.groups.requireGroup(manager, actor, groupId);
      const meetings = await manager.find(Meeting, { where: { groupId }, order: { startsAt: 'ASC', id: 'ASC' } });
      const tallies = await this.tallies(manager, meetings.map((m) => m.id));
      return meetings.map((meeting) => toMeetingDto(meeting, tallies.get(meeting.id) ?? emptyTally()));
    });
  }

  /** Records (or corrects) attendance once the meeting has begun, for people who have been members. */
  recordAttendance(actor: Actor, groupId: string, meetingId: string, input: RecordAttendanceDto): Promise<AttendanceEntryDto[]> {
    return this.transactions.run(async (manager) => {
      await this.groups.requireGroup(manager, actor, groupId);
      const meeting = await this.requireMeeting(manager, groupId, meetingId);
      if (meeting.status !== 'scheduled') throw conflict('MEETING_CANCELLED', '该活动已取消', 'The meeting was cancelled');
      if (this.clock.now() < meeting.startsAt) throw conflict('MEETING_NOT_STARTED', '活动开始后才能记录出勤', 'Attendance can be recorded once the meeting has begun');
      const memberIds = [...new Set(input.records.map((r) => r.memberId))];
      const members = await manager.find(Membership, { where: { groupId, id: In(memberIds) } });
      const unknown = memberIds.filter((id) => !members.some((m) => m.id === id && m.joinedAt !== null));
      if (unknown.length > 0) {
        throw badRequest('NOT_GROUP_MEMBERS', '出勤记录只能针对本团体成员', 'Attendance can only be recorded for members of this group', { memberIds: unknown });
      }
      for (const record of input.records) {
        const existing = await manager.findOne(Attendance, { where: { meetingId, memberId: record.memberId } });
        if (existing) await manager.update(Attendance, { id: existing.id }, { status: record.status, recordedBy: actor.userId });
        else await manager.insert(Attendance, { meetingId, memberId: record.memberId, status: record.status, recordedBy: actor.userId, createdAt: this.clock.now() });
      }
      await this.audit.record(manager, actor, {
        action: 'peer_group.attendance_record',
        resourceType: 'peer_group',
        resourceId: groupId,
        detail: { meetingId, records: input.records.length },
      });
      return this.entries(manager, meetingId);
    });
  }

  /** Who came (worker ids): individual records, audited. */
  attendance(actor: Actor, groupId: string, meetingId: string): Promise<AttendanceEntryDto[]> {
    return this.transactions.run(async (manager) => {
      await this.groups.requireGroup(manager, actor, groupId);
      await this.requireMeeting(manager, groupId, meetingId);
      await this.audit.record(manager, actor, { action: 'peer_group.attendance_read', resourceType: 'peer_group', resourceId: groupId, detail: { meetingId } });
      return this.entries(manager, meetingId);
    });
  }

  private async entries(manager: EntityManager, meetingId: string): Promise<AttendanceEntryDto[]> {
    const rows = await manager.find(Attendance, { where: { meetingId } });
    if (rows.length === 0) return [];
    const members = new Map((await manager.find(Membership, { where: { id: In(rows.map((r) => r.memberId)) } })).map((m) => [m.id, m]));
    return rows
      .map((row) => ({
        memberId: row.memberId,
        workerId: members.get(row.memberId)!.workerId,
        displayName: members.get(row.memberId)!.displayName,
        status: row.status,
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh'));
  }

  private async tallies(manager: EntityManager, meetingIds: string[]): Promise<Map<string, Record<string, number>>> {
    const tallies = new Map<string, Record<string, number>>();
    if (meetingIds.length === 0) return tallies;
    const rows = await manager
      .createQueryBuilder()
      .select('a.meeting_id', 'meetingId')
      .addSelect('a.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .from('peer_group_attendance', 'a')
      .where('a.meeting_id IN (:...meetingIds)', { meetingIds })
      .groupBy('a.meeting_id')
      .addGroupBy('a.status')
      .getRawMany<{ meetingId: string; status: string; n: unknown }>();
    for (const row of rows) {
      const tally = tallies.get(row.meetingId) ?? emptyTally();
      tally[row.status] = num(row.n);
      tallies.set(row.meetingId, tally);
    }
    return tallies;
  }

  private async requireMeeting(manager: EntityManager, groupId: string, meetingId: string): Promise<Meeting> {
    const meeting = await manager.findOne(Meeting, { where: { id: meetingId, groupId } });
    if (!meeting) throw notFound('Meeting', '该团体活动');
    return meeting;
  }
}
