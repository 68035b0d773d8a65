import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUrl, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../entities/attendance.entity.js';
import type { GroupTopic, MembershipStatus } from '../domain/group-rules.js';
import type { MeetingStatus } from '../entities/meeting.entity.js';
import { IsInstant } from '../../../platform/http/validation.js';

export class CreateMeetingDto {
  @IsInstant()
  startsAt: string;

  @IsInstant()
  endsAt: string;

  @IsOptional() @IsString() @MaxLength(300)
  place?: string;

  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(1000)
  onlineUrl?: string;

  @IsOptional() @IsString() @MaxLength(200)
  topic?: string;
}

export class AttendanceRecordInput {
  @IsUUID()
  memberId: string;

  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;
}

export class RecordAttendanceDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AttendanceRecordInput)
  records: AttendanceRecordInput[];
}

export class MeetingDto {
  id: string;
  groupId: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  topic: string | null;
  status: MeetingStatus;
  /** Counts per attendance status (staff view). */
  attendance: Record<string, number>;
}

export class AttendanceEntryDto {
  memberId: string;
  workerId: string;
  displayName: string;
  status: AttendanceStatus;
}

export class MyMeetingDto {
  id: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  topic: string | null;
  status: MeetingStatus;
  myAttendance: AttendanceStatus | null;
}

export class GroupHistoryDto {
  groupId: string;
  name: string;
  topic: GroupTopic;
  topicLabel: string;
  /** The name the worker chose for this group. */
  displayName: string;
  status: MembershipStatus;
  requestedAt: string;
  joinedAt: string | null;
  leftAt: string | null;
  meetingsAttended: number;
}
