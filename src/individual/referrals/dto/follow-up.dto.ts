import type { WorkerContactDto } from '../../../people/workers/worker.dto.js';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { QueryBoolean } from '../../../platform/http/query-boolean.js';
import type { FollowUpStatus } from '../domain/follow-up-schedule.js';

const STATUSES = ['upcoming', 'due', 'overdue', 'done', 'open'] as const;

export class FollowUpQueryDto {
  /** `open` (default): due and overdue; `upcoming`; `due`; `overdue`; `done`. */
  @IsOptional() @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  /** `true`: only your own follow-ups. */
  @IsOptional() @QueryBoolean() @IsBoolean()
  mine?: boolean;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export class CompleteFollowUpDto {
  /** Whether you reached the worker. */
  @IsBoolean()
  contactMade: boolean;

  /** What you learned (encrypted). */
  @IsOptional() @IsString() @MaxLength(4000)
  note?: string;
}

export class FollowUpDto {
  id: string;
  referralId: string;
  workerId: string;
  assigneeId: string;
  seq: number;
  dueAt: string;
  status: FollowUpStatus;
  taskCreatedAt: string | null;
  completedAt: string | null;
  completedBy: string | null;
  contactMade: boolean | null;
  note: string | null;
}

export class FollowUpPageDto {
  items: FollowUpDto[];
  total: number;
  page: number;
  pageSize: number;
  /** How to reach each worker on the page (one `worker.contact_read` audited per worker). */
  contacts: WorkerContactDto[];
}
