import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { EAP_SERVICES, type EapService } from '../shared/eap-services.js';
import type { ContractStatus } from './contract-rules.js';
import { IsCalendarDay, HasText } from '../../platform/http/validation.js';

export class CreateContractDto {
  @IsUUID()
  vendorId: string;

  /** The contracting union unit (in your subtree); the contract covers it and every unit below. */
  @IsUUID()
  orgUnitId: string;

  @IsString() @HasText() @MaxLength(100)
  reference: string;

  /** First day, YYYY-MM-DD (China time). */
  @IsCalendarDay()
  startsOn: string;

  /** Last day, inclusive. */
  @IsCalendarDay()
  endsOn: string;

  @IsArray() @ArrayMinSize(1) @ArrayUnique() @ArrayMaxSize(EAP_SERVICES.length) @IsIn(EAP_SERVICES, { each: true })
  services: EapService[];

  @IsInt() @Min(1) @Max(1000)
  sessionsPerWorker: number;

  @IsInt() @Min(1) @Max(10_000_000)
  sessionsTotal: number;

  /** Price per session in fen (分); 30000 = ¥300. */
  @IsInt() @Min(0) @Max(100_000_000)
  pricePerSessionCents: number;

  /** Days before the end to remind about renewal (default 60, 30, 7). */
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) @Min(1, { each: true }) @Max(365, { each: true })
  reminderDays?: number[];
}

export class UpdateContractDto {
  @IsOptional() @IsString() @HasText() @MaxLength(100)
  reference?: string;

  @IsOptional() @IsCalendarDay()
  startsOn?: string;

  /** Renewing in place: a later last day. */
  @IsOptional() @IsCalendarDay()
  endsOn?: string;

  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @ArrayMaxSize(EAP_SERVICES.length) @IsIn(EAP_SERVICES, { each: true })
  services?: EapService[];

  @IsOptional() @IsInt() @Min(1) @Max(1000)
  sessionsPerWorker?: number;

  @IsOptional() @IsInt() @Min(1) @Max(10_000_000)
  sessionsTotal?: number;

  @IsOptional() @IsInt() @Min(0) @Max(100_000_000)
  pricePerSessionCents?: number;

  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) @Min(1, { each: true }) @Max(365, { each: true })
  reminderDays?: number[];
}

export class ContractQueryDto {
  @IsOptional() @IsUUID()
  vendorId?: string;

  @IsOptional() @IsUUID()
  orgUnitId?: string;
}

export class ContractDto {
  id: string;
  vendorId: string;
  vendorName: string;
  orgUnitId: string;
  reference: string;
  startsOn: string;
  endsOn: string;
  services: EapService[];
  sessionsPerWorker: number;
  sessionsTotal: number;
  pricePerSessionCents: number;
  reminderDays: number[];
  status: ContractStatus;
  /** active and today within its dates. */
  activeToday: boolean;
  terminatedAt: string | null;
  createdAt: string;
}
