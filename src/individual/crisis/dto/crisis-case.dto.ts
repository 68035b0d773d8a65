import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { HistoryDto } from '../../shared/history.dto.js';
import { CRISIS_LEVELS, type CrisisLevel } from '../../shared/levels.js';
import type { CaseSource } from '../domain/case-sources.js';
import { CASE_STATES, type CaseState } from '../domain/case-state.js';
import type { RiskAssessmentDto } from './risk-assessment.dto.js';
import type { SafetyPlanDto } from './safety-plan.dto.js';
import { HasText } from '../../../platform/http/validation.js';

/** `?state=open,acknowledged` or `?state=open&state=acknowledged`. */
const QueryList = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').filter(Boolean) : Array.isArray(value) ? value.flatMap((v) => String(v).split(',')).filter(Boolean) : value,
  );

export class CaseQueueQueryDto {
  /** States to show (default: every state but `closed`). */
  @IsOptional() @QueryList() @IsArray() @ArrayMaxSize(6) @IsIn(CASE_STATES, { each: true })
  state?: CaseState[];

  @IsOptional() @QueryList() @IsArray() @ArrayMaxSize(3) @IsIn(CRISIS_LEVELS, { each: true })
  level?: CrisisLevel[];

  /** `me`, `unassigned`, or a user id. */
  @IsOptional() @IsString() @Matches(/^(me|unassigned|[0-9a-fA-F-]{36})$/)
  assignee?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export class OpenCaseDto {
  @IsUUID()
  workerId: string;

  @IsIn(CRISIS_LEVELS)
  level: CrisisLevel;

  /** Why the case is opened (encrypted). */
  @IsString() @HasText() @MaxLength(4000)
  reason: string;
}

export class CaseTransitionDto {
  /** The state to move to; see GET /crisis-cases/{id} `allowedTransitions`. */
  @IsIn(CASE_STATES)
  to: CaseState;

  /** Required when closing or reopening. */
  @IsOptional() @IsString() @MaxLength(4000)
  reason?: string;
}

export class ChangeLevelDto {
  @IsIn(CRISIS_LEVELS)
  level: CrisisLevel;

  @IsString() @MinLength(2) @MaxLength(4000)
  reason: string;
}

export class AssignCaseDto {
  /** A counsellor or supervisor whose scope holds the worker. Counsellors may only assign to themselves. */
  @IsUUID()
  assigneeId: string;

  @IsOptional() @IsString() @MaxLength(4000)
  reason?: string;
}

export class AddCaseNoteDto {
  /** Clinical free text, encrypted at rest. */
  @IsString() @HasText() @MaxLength(20000)
  body: string;
}

export class CaseSourceDto {
  type: CaseSource;
  /** The assessment result, counselling appointment or service-desk request that opened the case. */
  id: string | null;
}

/** One case in the counsellor's queue. */
export class CaseQueueItemDto {
  id: string;
  workerId: string;
  workerName: string;
  orgUnitId: string;
  level: CrisisLevel;
  state: CaseState;
  /** The response deadline (acknowledgement). */
  dueAt: string;
  /** Open and past its deadline. */
  overdue: boolean;
  assigneeId: string | null;
  source: CaseSourceDto;
  escalationStep: number;
  openedAt: string;
  acknowledgedAt: string | null;
}

/** A follow-up of a referral past its due day, shown with the queue. */
export class OverdueFollowUpDto {
  id: string;
  referralId: string;
  workerId: string;
  assigneeId: string;
  dueAt: string;
}

export class CaseQueuePageDto {
  /** Ordered by deadline, soonest first. */
  items: CaseQueueItemDto[];
  page: number;
  pageSize: number;
  /** More items on later pages (no total count: the queue stays fast at any size). */
  hasMore: boolean;
  /** Follow-ups of referrals in your scope past their due day (at most 50, oldest first); see GET /follow-ups. */
  overdueFollowUps: OverdueFollowUpDto[];
}

export class CaseNoteDto {
  id: string;
  authorId: string;
  body: string;
  at: string;
}

export class CaseDto extends CaseQueueItemDto {
  openedBy: string | null;
  acknowledgedBy: string | null;
  closedAt: string | null;
  summary: string | null;
  escalatedUnitId: string | null;
  allowedTransitions: CaseState[];
}

/** One case with its notes, risk assessments, the worker's current safety plan and its history (audited). */
export class CaseDetailDto {
  case: CaseDto;
  notes: CaseNoteDto[];
  riskAssessments: RiskAssessmentDto[];
  safetyPlan: SafetyPlanDto | null;
  history: HistoryDto[];
  /** Set when you see this case through a break-the-glass grant. */
  breakGlassGrantId: string | null;
}
