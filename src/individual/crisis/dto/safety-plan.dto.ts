import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { HelpLineDto } from '../../../platform/help/crisis-help.dto.js';
import { HasText } from '../../../platform/http/validation.js';

export class SafetyContactDto {
  @IsString() @HasText() @MaxLength(100)
  name: string;

  @IsOptional() @IsString() @Matches(/^[0-9+\-() ]{3,30}$/)
  phone?: string | null;
}

/** The Stanley–Brown safety plan, written with the worker. Every save is a new version. */
export class WriteSafetyPlanDto {
  /** 1. 预警信号 Warning signs. */
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(500, { each: true })
  warningSigns: string[];

  /** 2. 自我应对 Internal coping strategies. */
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(500, { each: true })
  internalCoping: string[];

  /** 3. 可以转移注意力的人和场所 People and social settings that provide distraction. */
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => SafetyContactDto)
  socialContacts: SafetyContactDto[];

  /** 4. 可以求助的人 People to ask for help. */
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => SafetyContactDto)
  peopleToAsk: SafetyContactDto[];

  /** 5. 专业人员与危机热线 Professionals and agencies (the help lines are always added when shown). */
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => SafetyContactDto)
  professionals: SafetyContactDto[];

  /** 6. 让环境更安全 Making the environment safe. */
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(500, { each: true })
  environmentSafety: string[];

  /** 对我最重要、值得活下去的理由 The one thing most important to me. */
  @IsOptional() @IsString() @MaxLength(1000)
  reasonsForLiving?: string;
}

export class SafetyContactViewDto {
  name: string;
  phone: string | null;
}

export class SafetyPlanDto {
  id: string;
  workerId: string;
  caseId: string | null;
  version: number;
  warningSigns: string[];
  internalCoping: string[];
  socialContacts: SafetyContactViewDto[];
  peopleToAsk: SafetyContactViewDto[];
  professionals: SafetyContactViewDto[];
  environmentSafety: string[];
  reasonsForLiving: string | null;
  createdBy: string;
  at: string;
}

/** The worker's own current safety plan, with the help lines always at hand. */
export class MySafetyPlanDto {
  version: number;
  updatedAt: string;
  warningSigns: string[];
  internalCoping: string[];
  socialContacts: SafetyContactViewDto[];
  peopleToAsk: SafetyContactViewDto[];
  professionals: SafetyContactViewDto[];
  environmentSafety: string[];
  reasonsForLiving: string | null;
  helpLines: HelpLineDto[];
}
