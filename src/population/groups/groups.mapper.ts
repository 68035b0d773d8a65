import { GROUP_TOPICS } from './domain/group-rules.js';
import type { FellowMemberDto, GroupDto, MemberDto, MyGroupDto } from './dto/group.dto.js';
import type { MeetingDto } from './dto/meeting.dto.js';
import type { Meeting } from './entities/meeting.entity.js';
import type { Membership } from './entities/membership.entity.js';
import type { PeerGroup } from './entities/peer-group.entity.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const topicLabel = (group: Pick<PeerGroup, 'topic'>) => GROUP_TOPICS[group.topic].join(' / ');

export interface GroupCounts {
  active: number;
  requested: number;
}

export const toGroupDto = (group: PeerGroup, counts: GroupCounts, facilitatorName: string | null): GroupDto => ({
  id: group.id,
  orgUnitId: group.orgUnitId,
  name: group.name,
  topic: group.topic,
  topicLabel: topicLabel(group),
  description: group.description,
  rules: group.rules,
  rulesVersion: group.rulesVersion,
  facilitatorId: group.facilitatorId,
  facilitatorName,
  capacity: group.capacity,
  audience: group.audience ?? {},
  status: group.status,
  activeMembers: counts.active,
  pendingRequests: counts.requested,
  createdAt: group.createdAt.toISOString(),
});

/** The worker's view: no facilitator id, no unit, no audience rules; their own membership only. */
export const toMyGroupDto = (group: PeerGroup, counts: GroupCounts, facilitatorName: string | null, own: Membership | null): MyGroupDto => ({
  id: group.id,
  name: group.name,
  topic: group.topic,
  topicLabel: topicLabel(group),
  description: group.description,
  rules: group.rules,
  rulesVersion: group.rulesVersion,
  facilitatorName,
  capacity: group.capacity,
  activeMembers: counts.active,
  status: group.status,
  membership: own
    ? { status: own.status, displayName: own.displayName, rulesVersionAccepted: own.rulesVersionAccepted, joinedAt: iso(own.joinedAt) }
    : null,
});

/** Staff view of a member (facilitator and counsellors in scope). */
export const toMemberDto = (member: Membership): MemberDto => ({
  memberId: member.id,
  workerId: member.workerId,
  orgUnitId: member.orgUnitId,
  displayName: member.displayName,
  status: member.status,
  rulesVersionAccepted: member.rulesVersionAccepted,
  requestedAt: member.createdAt.toISOString(),
  joinedAt: iso(member.joinedAt),
  leftAt: iso(member.leftAt),
});

/** What members see of each other: the display name, and nothing that identifies the worker. */
export const toFellowMemberDto = (member: Membership, ownWorkerId: string): FellowMemberDto => ({
  displayName: member.displayName,
  isMe: member.workerId === ownWorkerId,
});

export const toMeetingDto = (meeting: Meeting, attendance: Record<string, number>): MeetingDto => ({
  id: meeting.id,
  groupId: meeting.groupId,
  startsAt: meeting.startsAt.toISOString(),
  endsAt: meeting.endsAt.toISOString(),
  place: meeting.place,
  onlineUrl: meeting.onlineUrl,
  topic: meeting.topic,
  status: meeting.status,
  attendance,
});
