import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import type { CadreLevel, EmploymentStatus, Gender, LifeEvent, SpecialPost } from '../../../people/workers/worker-facts.js';
import type { ProgrammeStatus } from '../domain/programme-rules.js';
import { HasText } from '../../../platform/http/validation.js';

export class ProgrammeTextDto {
  zh: string;
  en: string;
}

/** One of the “线” subgroups (领导干部, 妇女, 职业生涯变动, 特殊岗位, or one added later). */
export class SubgroupDto {
  code: string;
  name: ProgrammeTextDto;
  /** The 线 task it serves, e.g. 妇女心理健康维护. */
  task: ProgrammeTextDto;
  /** Default sensitivity of its programmes. */
  sensitive: boolean;
}

/**
 * Eligibility over worker profile facts: every fact given must match (AND), a list means any of its values
 * (`lifeEvents`: any of the worker's life events listed). Birth years inclusive; no birth year → no match on a
 * birth-year bound. An unknown fact or an empty list is refused (400 RULE_UNKNOWN_FACT, RULE_EMPTY_LIST).
 */
export class EligibilityRuleDto {
  /** e.g. ["division", "bureau"] (处级, 厅局级). */
  cadreLevel?: CadreLevel[];
  gender?: Gender[];
  /** e.g. ["pregnancy", "returned_from_maternity"]. */
  lifeEvents?: LifeEvent[];
  /** e.g. ["redundancy", "transferring"]. */
  employmentStatus?: EmploymentStatus[];
  /** e.g. ["shift", "hazardous"]. */
  specialPost?: SpecialPost[];
  birthYearFrom?: number;
  birthYearTo?: number;
}

export class CreateProgrammeDto {
  /** Subgroup code, e.g. `women` (see GET /subgroups). */
  @IsString() @MaxLength(30)
  subgroup: string;

  /** Owning unit (its subtree is the programme's reach); in your scope. Default: your own unit. */
  @IsOptional() @IsUUID()
  orgUnitId?: string;

  @IsString() @HasText() @MaxLength(200)
  title: string;

  @IsOptional() @IsString() @MaxLength(4000)
  description?: string;

  @ApiProperty({ type: () => EligibilityRuleDto })
  @IsObject()
  eligibility: Record<string, unknown>;

  /** Default: the subgroup's. A rule over life events or redundancy always makes the programme sensitive. */
  @IsOptional() @IsBoolean()
  sensitive?: boolean;

  /** Enrol workers automatically when a profile change makes them eligible (while active). Default false. */
  @IsOptional() @IsBoolean()
  autoEnrol?: boolean;

  /** Instruments whose change the dashboard shows. Default ["WHO-5"]. */
  @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(5) @ArrayUnique() @IsString({ each: true })
  outcomeInstruments?: string[];
}

export class UpdateProgrammeDto {
  @IsOptional() @IsString() @HasText() @MaxLength(200)
  title?: string;

  @IsOptional() @IsString() @MaxLength(4000)
  description?: string;

  /** Applies to later enrolments; workers already enrolled stay. */
  @ApiProperty({ type: () => EligibilityRuleDto, required: false })
  @IsOptional() @IsObject()
  eligibility?: Record<string, unknown>;

  @IsOptional() @IsBoolean()
  sensitive?: boolean;

  @IsOptional() @IsBoolean()
  autoEnrol?: boolean;

  @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(5) @ArrayUnique() @IsString({ each: true })
  outcomeInstruments?: string[];
}

export class ProgrammeStatusInput {
  @IsIn(['active', 'closed'])
  status: 'active' | 'closed';
}

export class ProgrammeQueryDto {
  @IsOptional() @IsIn(['draft', 'active', 'closed'])
  status?: ProgrammeStatus;

  @IsOptional() @IsString() @MaxLength(30)
  subgroup?: string;
}

export class ProgrammeDto {
  id: string;
  subgroup: string;
  subgroupName: ProgrammeTextDto;
  orgUnitId: string;
  title: string;
  description: string | null;
  eligibility: EligibilityRuleDto;
  sensitive: boolean;
  autoEnrol: boolean;
  status: ProgrammeStatus;
  outcomeInstruments: string[];
  activatedAt: string | null;
  closedAt: string | null;
  createdBy: string;
  createdAt: string;
}

/** A rule to try before saving it. */
export class PreviewRuleDto {
  /** Owning unit to count in; default your own unit. */
  @IsOptional() @IsUUID()
  orgUnitId?: string;

  @ApiProperty({ type: () => EligibilityRuleDto })
  @IsObject()
  eligibility: Record<string, unknown>;
}

/** Counts only: who the rule matches now, and how many of them an enrolment would add. */
export class EligibilityPreviewDto {
  eligible: number;
  /** Eligible workers already in the programme (in any status, declined included). */
  alreadyEnrolled: number;
  /** What `POST /programmes/{id}/enrolments` would add now. */
  toEnrol: number;
}

export class EnrolInput {
  /** The `toEnrol` you previewed: when given and no longer true, nothing is enrolled (409 ELIGIBLE_COUNT_CHANGED). */
  @IsOptional() @IsInt() @Min(0)
  expected?: number;
}

/** How a worker gave their answer to staff: most workers have no account, so many answer in person or on paper. */
export const ANSWER_CHANNELS = ['in_person', 'phone', 'paper'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

export class RecordAnswerInput {
  @IsIn(['accepted', 'declined'])
  answer: 'accepted' | 'declined';

  @IsIn(ANSWER_CHANNELS)
  channel: AnswerChannel;
}

export class EnrolResultDto {
  enrolled: number;
  /** Workers with an account are invited in batches through the job queue. */
  invitationsQueued: boolean;
}
