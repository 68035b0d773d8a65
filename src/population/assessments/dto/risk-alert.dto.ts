import { QueryBoolean } from '../../../platform/http/query-boolean.js';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class RiskAlertQueryDto {
  /** `false`: only alerts nobody has acknowledged yet. */
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  acknowledged?: boolean;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

/** A crisis result: who, what and when. */
export class RiskAlertDto {
  resultId: string;
  workerId: string;
  workerName: string;
  orgUnitId: string;
  instrumentCode: string;
  band: string | null;
  totalScore: number | null;
  reasons: string[];
  occurredAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export class RiskAlertPageDto {
  items: RiskAlertDto[];
  total: number;
  page: number;
  pageSize: number;
}
