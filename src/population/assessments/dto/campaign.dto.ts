import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  CADRE_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  SPECIAL_POSTS,
  type CadreLevel,
  type EmploymentStatus,
  type Gender,
  type SpecialPost,
} from '../../../people/workers/worker-facts.js';
import type { AssessmentResultDto } from './assessment.dto.js';
import type { TextDto } from './instrument.dto.js';
import { IsInstant, HasText } from '../../../platform/http/validation.js';

/** Profile facts a campaign may be narrowed to; each list means "any of these". */
export class CampaignFiltersDto {
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(GENDERS, { each: true })
  gender?: Gender[];

  @IsOptional() @IsArray() @ArrayUnique() @IsIn(CADRE_LEVELS, { each: true })
  cadreLevel?: CadreLevel[];

  @IsOptional() @IsArray() @ArrayUnique() @IsIn(SPECIAL_POSTS, { each: true })
  specialPost?: SpecialPost[];

  @IsOptional() @IsArray() @ArrayUnique() @IsIn(EMPLOYMENT_STATUSES, { each: true })
  employmentStatus?: EmploymentStatus[];

  /** Born in or after this year (workers without a birth year do not match). */
  @IsOptional() @IsInt() @Min(1900) @Max(2100)
  birthYearFrom?: number;

  /** Born in or before this year. */
  @IsOptional() @IsInt() @Min(1900) @Max(2100)
  birthYearTo?: number;
}

export class CreateCampaignDto {
  @IsString() @HasText() @MaxLength(200)
  title: string;

  @IsOptional() @IsString() @MaxLength(2000)
  description?: string;

  /** Instrument codes, e.g. ["PHQ-9", "GAD-7"]. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @IsString({ each: true })
  instrumentCodes: string[];

  /** Target units (each with its subtree), in your scope; default: your own unit. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true })
  targetUnitIds?: string[];

  @IsOptional() @ValidateNested() @Type(() => CampaignFiltersDto)
  filters?: CampaignFiltersDto;

  @IsInstant()
  opensAt: string;

  @IsInstant()
  closesAt: string;

  /** Days between reminders to those who have not finished, the first this many days after opening; 0: none. Default 3. */
  @IsOptional() @IsInt() @Min(0) @Max(30)
  reminderIntervalDays?: number;
}

export class CampaignQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export type CampaignStatus = 'scheduled' | 'open' | 'closed';

export class CampaignDto {
  id: string;
  orgUnitId: string;
  title: string;
  description: string | null;
  instrumentCodes: string[];
  targetUnitIds: string[];
  /** `units`: the target units' workers (with the filters); `members`: an explicit list of workers (e.g. after a critical incident). */
  audience: 'units' | 'members';
  filters: CampaignFiltersDto;
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  status: CampaignStatus;
  reminderIntervalDays: number;
  createdBy: string;
  createdAt: string;
}

export class CampaignPageDto {
  items: CampaignDto[];
  total: number;
  page: number;
  pageSize: number;
}

export class MyCampaignInstrumentDto {
  code: string;
  name: TextDto;
  completed: boolean;
}

/** An open campaign as the worker sees it. */
export class MyCampaignDto {
  id: string;
  title: string;
  description: string | null;
  closesAt: string;
  instruments: MyCampaignInstrumentDto[];
  completed: boolean;
}

export class UnitParticipationDto {
  orgUnitId: string;
  name: string;
  /** Workers the campaign reaches in this unit (within your scope). */
  targeted: number;
  /** Answered at least one instrument. */
  started: number;
  /** Answered every instrument. */
  completed: number;
}

export class ParticipationDto {
  campaignId: string;
  units: UnitParticipationDto[];
  targeted: number;
  started: number;
  completed: number;
}

export class CampaignResultDto {
  workerId: string;
  workerName: string;
  result: AssessmentResultDto;
}

export class CampaignResultPageDto {
  items: CampaignResultDto[];
  total: number;
  page: number;
  pageSize: number;
}
