import { Type } from 'class-transformer';
import { Equals, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AudienceDto } from '../../shared/audience.dto.js';
import type { Audience } from '../../shared/audience.js';
import { GROUP_STATUSES, GROUP_TOPIC_CODES, MEMBERSHIP_STATUSES, type GroupStatus, type GroupTopic, type MembershipStatus } from '../domain/group-rules.js';
import { HasText } from '../../../platform/http/validation.js';

export class CreateGroupDto {
  /** 团体名称, e.g. 倒班职工减压小组 */
  @IsString() @HasText() @MaxLength(100)
  name: string;

  @IsIn(GROUP_TOPIC_CODES)
  topic: GroupTopic;

  @IsOptional() @IsString() @MaxLength(4000)
  description?: string;

  /** 团体公约: members accept these on joining. */
  @IsString() @HasText() @MaxLength(8000)
  rules: string;

  /** The group serves workers of this unit's subtree (must be in your scope). */
  @IsUUID()
  orgUnitId: string;

  /** A counsellor or supervisor user whose subtree holds the group's unit. */
  @IsUUID()
  facilitatorId: string;

  @IsInt() @Min(2) @Max(50)
  capacity: number;

  @IsOptional() @ValidateNested() @Type(() => AudienceDto)
  audience?: AudienceDto;
}

export class UpdateGroupDto {
  @IsOptional() @IsString() @HasText() @MaxLength(100)
  name?: string;

  @IsOptional() @IsString() @MaxLength(4000)
  description?: string;

  /** New rules: the version goes up, and members see they have not yet accepted it. */
  @IsOptional() @IsString() @HasText() @MaxLength(8000)
  rules?: string;

  @IsOptional() @IsUUID()
  facilitatorId?: string;

  @IsOptional() @IsInt() @Min(2) @Max(50)
  capacity?: number;

  @IsOptional() @IsIn(GROUP_STATUSES)
  status?: GroupStatus;

  @IsOptional() @ValidateNested() @Type(() => AudienceDto)
  audience?: AudienceDto;
}

export class GroupDto {
  id: string;
  orgUnitId: string;
  name: string;
  topic: GroupTopic;
  topicLabel: string;
  description: string | null;
  rules: string;
  rulesVersion: number;
  facilitatorId: string;
  facilitatorName: string | null;
  capacity: number;
  audience: Audience;
  status: GroupStatus;
  activeMembers: number;
  pendingRequests: number;
  createdAt: string;
}

export class MemberDto {
  memberId: string;
  workerId: string;
  orgUnitId: string;
  displayName: string;
  status: MembershipStatus;
  rulesVersionAccepted: number;
  requestedAt: string;
  joinedAt: string | null;
  leftAt: string | null;
}

export class MemberQueryDto {
  @IsOptional() @IsIn(MEMBERSHIP_STATUSES)
  status?: MembershipStatus;
}

/** What a worker sees of a group. */
export class MyGroupDto {
  id: string;
  name: string;
  topic: GroupTopic;
  topicLabel: string;
  description: string | null;
  rules: string;
  rulesVersion: number;
  facilitatorName: string | null;
  capacity: number;
  activeMembers: number;
  status: GroupStatus;
  membership: MyMembershipDto | null;
}

export class MyMembershipDto {
  status: MembershipStatus;
  displayName: string;
  rulesVersionAccepted: number;
  joinedAt: string | null;
}

/** A fellow member as other members see them: the chosen display name, nothing else. */
export class FellowMemberDto {
  displayName: string;
  isMe: boolean;
}

export class JoinGroupDto {
  /** 团体昵称: how fellow members will see you (not your real name). */
  @IsString() @HasText() @MaxLength(40)
  displayName: string;

  /** You accept the group rules (团体公约). */
  @Equals(true, { message: 'acceptRules must be true / 须同意团体公约' })
  acceptRules: boolean;

  /** The rules version you read (GET shows it); a mismatch means the rules changed meanwhile (409). */
  @IsInt() @Min(1) @Max(2_147_483_647)
  rulesVersion: number;
}

export class AcceptRulesDto {
  @IsInt() @Min(1) @Max(2_147_483_647)
  rulesVersion: number;
}
