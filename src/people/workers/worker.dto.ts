import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  CADRE_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  LIFE_EVENTS,
  SPECIAL_POSTS,
  type CadreLevel,
  type EmploymentStatus,
  type Gender,
  type LifeEvent,
  type SpecialPost,
} from './worker-facts.js';
import { HasText } from '../../platform/http/validation.js';

/** 紧急联系人: who to call when the worker cannot be reached. */
export class EmergencyContactDto {
  name: string;
  /** e.g. 配偶, 父亲, 同事. */
  relation: string | null;
  phone: string | null;
}

/** How to reach a worker: what the crisis case, the desk request, follow-ups and referrals show (tap to call). */
export class WorkerContactDto {
  workerId: string;
  name: string;
  phone: string | null;
  phone2: string | null;
  emergencyContact: EmergencyContactDto | null;
}

const PHONE = /^\+?[0-9 -]{5,20}$/;
const PHONE_MESSAGE = (field: string) => ({ message: `${field} must be a phone number / 电话号码格式有误` });

export class EmergencyContactInput {
  @IsString() @HasText() @MaxLength(100)
  name: string;

  @IsOptional() @IsString() @MaxLength(50)
  relation?: string;

  @IsString() @Matches(PHONE, PHONE_MESSAGE('emergencyContact.phone'))
  phone: string;
}

export class WorkerDto {
  id: string;
  name: string;
  orgUnitId: string;
  gender: Gender;
  birthYear: number | null;
  employeeNo: string | null;
  phone: string | null;
  phone2: string | null;
  emergencyContact: EmergencyContactDto | null;
  email: string | null;
  jobTitle: string | null;
  cadreLevel: CadreLevel;
  specialPost: SpecialPost;
  employmentStatus: EmploymentStatus;
  lifeEvents: LifeEvent[];
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A search hit: what a list needs, no contact details or notes. */
export class WorkerSummaryDto {
  id: string;
  name: string;
  orgUnitId: string;
  gender: Gender;
  birthYear: number | null;
  employeeNo: string | null;
  jobTitle: string | null;
}

export class WorkerPageDto {
  items: WorkerSummaryDto[];
  total: number;
  page: number;
  pageSize: number;
}

export class WorkerFactsInput {
  @IsOptional() @IsIn(GENDERS)
  gender?: Gender;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1930) @Max(2015)
  birthYear?: number;

  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'employeeNo: letters, digits, _ or -, up to 50 / 工号只能包含字母、数字、_ 或 -' })
  employeeNo?: string;

  @IsOptional() @IsString() @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be a phone number / 手机号格式有误' })
  phone?: string;

  /** A second number; `null` clears it. */
  @IsOptional() @IsString() @Matches(PHONE, PHONE_MESSAGE('phone2'))
  phone2?: string | null;

  /** 紧急联系人 (name and phone required, relation optional); `null` clears it. */
  @IsOptional() @ValidateNested() @Type(() => EmergencyContactInput)
  emergencyContact?: EmergencyContactInput | null;

  @IsOptional() @IsEmail()
  email?: string;

  @IsOptional() @IsString() @MaxLength(100)
  jobTitle?: string;

  @IsOptional() @IsIn(CADRE_LEVELS)
  cadreLevel?: CadreLevel;

  @IsOptional() @IsIn(SPECIAL_POSTS)
  specialPost?: SpecialPost;

  @IsOptional() @IsIn(EMPLOYMENT_STATUSES)
  employmentStatus?: EmploymentStatus;

  @IsOptional() @IsArray() @ArrayUnique() @IsIn(LIFE_EVENTS, { each: true })
  lifeEvents?: LifeEvent[];

  /** Free text, encrypted at rest. */
  @IsOptional() @IsString() @MaxLength(4000)
  notes?: string;
}

export class CreateWorkerDto extends WorkerFactsInput {
  @IsString() @HasText() @MaxLength(100)
  name: string;

  @IsUUID()
  orgUnitId: string;
}

export class UpdateWorkerDto extends WorkerFactsInput {
  @IsOptional() @IsString() @HasText() @MaxLength(100)
  name?: string;

  /** Moves the worker to another unit in your scope. */
  @IsOptional() @IsUUID()
  orgUnitId?: string;
}

export class WorkerQueryDto {
  /** Beginning of the name (e.g. the surname 王) or an exact employee number. */
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  /** Limit to this unit and its subtree. */
  @IsOptional() @IsUUID()
  orgUnitId?: string;

  @IsOptional() @IsIn(GENDERS)
  gender?: Gender;

  @IsOptional() @IsIn(EMPLOYMENT_STATUSES)
  employmentStatus?: EmploymentStatus;

  @IsOptional() @IsIn(SPECIAL_POSTS)
  specialPost?: SpecialPost;

  @IsOptional() @IsIn(CADRE_LEVELS)
  cadreLevel?: CadreLevel;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export class ImportResultDto {
  /** Rows written (0 on a dry run). */
  imported: number;
  /** True when nothing was written: every row was checked as the import would check it. */
  dryRun?: boolean;
  /** On a dry run: the rows that would be imported. */
  valid?: number;
}
