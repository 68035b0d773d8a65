import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { OCCUPATION_GROUPS, type MembershipState, type OccupationGroup } from '../../workers/worker-facts.js';
import { MobileSignInDto } from '../sign-in/phone-auth.dto.js';
import { JOIN_REQUEST_STATES, type JoinMatch, type JoinRequestState } from './join-request.entity.js';

const NOT_BLANK = /\S/;

export class CreateJoinLinkDto {
  @IsUUID()
  orgUnitId: string;

  @IsString() @Matches(NOT_BLANK, { message: 'label must not be blank / 请填写链接用途' }) @MaxLength(100)
  label: string;
}

export class JoinLinkDto {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  label: string;
  /** The address to share or print (PUBLIC_URL + `/join/<token>`). */
  url: string;
  active: boolean;
  joinedCount: number;
  createdAt: string;
  revokedAt: string | null;
}

export class JoinLinkPublicDto {
  unitName: string;
  /** The consents the form asks for, each in plain words (Chinese first). */
  purposes: { purpose: string; zh: string; en: string }[];
}

/** Separate consents, one per purpose, each its own yes or no (PIPL art. 29 / 个人信息保护法 第二十九条). */
export class JoinConsentsDto {
  @IsBoolean() assessment: boolean;
  @IsBoolean() counselling: boolean;
  @IsBoolean() research: boolean;
}

export class JoinDto extends MobileSignInDto {
  @IsString() @Matches(NOT_BLANK, { message: 'name must not be blank / 请填写姓名' }) @MaxLength(100)
  name: string;

  @IsIn(OCCUPATION_GROUPS)
  occupationGroup: OccupationGroup;

  /** The employer or platform (e.g. the delivery platform and station). */
  @IsOptional() @IsString() @MaxLength(100)
  employer?: string;

  /** Only for enterprise employees who know theirs: staff use it to spot a profile already on the roster. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(50)
  employeeNo?: string;

  @IsDefined({ message: 'consents is required: say yes or no to each purpose / 请对每项同意分别选择' }) @ValidateNested() @Type(() => JoinConsentsDto)
  consents: JoinConsentsDto;
}

export class JoinedDto {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  workerId: string;
  membership: MembershipState;
  /** True when the verified number was already on the union's roster and that profile is now theirs. */
  linkedToRoster: boolean;
}

export class JoinRequestQueryDto {
  @IsOptional() @IsIn(JOIN_REQUEST_STATES)
  status?: JoinRequestState;
}

export class JoinRequestDto {
  id: string;
  workerId: string;
  workerName: string;
  orgUnitId: string;
  orgUnitName: string;
  occupationGroup: OccupationGroup;
  employer: string | null;
  /** Masked (`138****8000`). */
  phone: string | null;
  matched: JoinMatch;
  possibleDuplicateOf: { workerId: string; name: string } | null;
  status: JoinRequestState;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export class DeclineJoinDto {
  @IsString() @Matches(NOT_BLANK, { message: 'reason must not be blank / 请填写原因' }) @MaxLength(500)
  reason: string;
}
