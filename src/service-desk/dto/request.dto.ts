import type { WorkerContactDto } from '../../people/workers/worker.dto.js';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CATEGORIES, STAFF_CHANNELS, URGENCIES, type Category, type Channel, type StaffChannel, type Urgency } from '../domain/categories.js';
import { REQUEST_STATUSES, type RequestAction, type RequestStatus } from '../domain/request-state.js';
import type { ForwardStatus } from '../entities/desk-forward.entity.js';
import type { TrailKind } from '../entities/desk-request-event.entity.js';
import { IsInstant, HasText } from '../../platform/http/validation.js';

const PHONE = /^[0-9+\-() ]{3,30}$/;

export class DeskLabelDto {
  zh: string;
  en: string;
}

/** A worker's own online request (`POST /me/requests`). */
export class OnlineRequestDto {
  @IsIn(CATEGORIES)
  category: Category;

  /** Default `normal`; a crisis is raised to `urgent` at least. */
  @IsOptional() @IsIn(URGENCIES)
  urgency?: Urgency;

  /** Tick when you are in danger now, whatever the category: a crisis counsellor is told at once. */
  @IsOptional() @IsBoolean()
  crisis?: boolean;

  /** What you need help with (encrypted at rest). */
  @IsString() @HasText() @MaxLength(4000)
  summary: string;

  /** A number to call you back on, if not the one in your profile (encrypted at rest). */
  @IsOptional() @IsString() @Matches(PHONE)
  callbackNumber?: string;
}

/** Staff log a 12351 call or a walk-in. */
export class StaffIntakeDto {
  @IsIn(STAFF_CHANNELS)
  channel: StaffChannel;

  /** The caller's worker profile when known (in your scope); leave out for an anonymous caller (link later). */
  @IsOptional() @IsUUID()
  workerId?: string;

  /** As the caller gave it (encrypted at rest). */
  @IsOptional() @IsString() @MaxLength(100)
  callerName?: string;

  /** Encrypted at rest. */
  @IsOptional() @IsString() @Matches(PHONE)
  callbackNumber?: string;

  @IsIn(CATEGORIES)
  category: Category;

  @IsIn(URGENCIES)
  urgency: Urgency;

  @IsOptional() @IsBoolean()
  crisis?: boolean;

  /** Encrypted at rest. */
  @IsString() @HasText() @MaxLength(4000)
  summary: string;

  /** What the caller was told on the phone: recorded as the first reply (马上就有回复). */
  @IsOptional() @IsString() @HasText() @MaxLength(4000)
  initialReply?: string;
}

export class TriageDto {
  @IsOptional() @IsIn(CATEGORIES)
  category?: Category;

  @IsOptional() @IsIn(URGENCIES)
  urgency?: Urgency;

  /** Flag as a crisis (a flag is never removed by triage: a case may already be open). */
  @IsOptional() @IsBoolean()
  crisis?: boolean;
}

export class LinkWorkerDto {
  @IsUUID()
  workerId: string;
}

export class DeskTextDto {
  @IsString() @HasText() @MaxLength(4000)
  text: string;
}

export class ResolveDto {
  /** Shown to the worker. */
  @IsString() @HasText() @MaxLength(4000)
  resolution: string;
}

export class CloseDto {
  /** Needed when closing straight from `in_progress` (no resolution recorded yet). Shown to the worker. */
  @IsOptional() @IsString() @HasText() @MaxLength(4000)
  resolution?: string;

  /** The caller's rating given on the phone, 1–5 (a worker with an account rates in their own view). */
  @IsOptional() @IsInt() @Min(1) @Max(5)
  satisfaction?: number;
}

export class ForwardDto {
  @IsUUID()
  toUnitId: string;

  /** What the receiving unit is to do (encrypted at rest). */
  @IsString() @HasText() @MaxLength(4000)
  instructions: string;

  /** Resolve by (ISO 8601); default DESK_FORWARD_WORKING_DAYS working days from now. */
  @IsOptional() @IsInstant()
  dueAt?: string;
}

export class ReturnForwardDto {
  /** Why the unit cannot take it (encrypted; the sender reads it in the trail). */
  @IsString() @HasText() @MaxLength(2000)
  reason: string;
}

export class FeedbackDto {
  /** 1 (very dissatisfied) … 5 (very satisfied). */
  @IsInt() @Min(1) @Max(5)
  satisfaction: number;

  @IsOptional() @IsString() @MaxLength(2000)
  comment?: string;
}

export class ReopenDto {
  /** Why it is not settled (shown to the desk, encrypted). */
  @IsString() @HasText() @MaxLength(2000)
  reason: string;
}

export class QueueQueryDto {
  /** Default: the open statuses (new, in_progress, forwarded). */
  @IsOptional() @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @IsOptional() @IsIn(CATEGORIES)
  category?: Category;

  /** Only requests handled by this unit (in your scope). */
  @IsOptional() @IsUUID()
  unitId?: string;

  /** `true`: only requests past a deadline. */
  @IsOptional() @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  /** Look a request up by the reference the worker quotes (any unit in your scope, any status). */
  @IsOptional() @IsString() @MaxLength(40)
  reference?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export class TrailEntryDto {
  seq: number;
  at: string;
  kind: TrailKind;
  actorId: string | null;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  fromUnitId: string | null;
  toUnitId: string | null;
  /** Reply, note, instructions or reason. */
  text: string | null;
  toWorker: boolean;
  dueAt: string | null;
  detail: Record<string, unknown> | null;
}

export class ForwardViewDto {
  id: string;
  fromUnitId: string;
  toUnitId: string;
  instructions: string;
  dueAt: string;
  status: ForwardStatus;
  returnReason: string | null;
  forwardedBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export class QueueItemDto {
  id: string;
  reference: string;
  channel: Channel;
  category: Category;
  categoryLabel: DeskLabelDto;
  urgency: Urgency;
  crisis: boolean;
  status: RequestStatus;
  workerId: string | null;
  subjectUnitId: string;
  handlingUnitId: string;
  createdAt: string;
  /** The earliest unmet deadline. */
  nextDueAt: string | null;
  overdue: boolean;
  /** 0: not supervised; 1+: supervised (督办), escalated level by level. */
  supervisionLevel: number;
  supervisingUnitId: string | null;
  forwardCount: number;
}

export class QueuePageDto {
  items: QueueItemDto[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** Staff view of one request: everything, including internal notes and forwards. */
export class DeskRequestDto extends QueueItemDto {
  callerName: string | null;
  callbackNumber: string | null;
  summary: string;
  createdBy: string;
  answerDueAt: string | null;
  answeredAt: string | null;
  replyDueAt: string | null;
  firstReplyAt: string | null;
  resolveDueAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  satisfaction: number | null;
  feedbackComment: string | null;
  reopenCount: number;
  crisisCaseId: string | null;
  /** What may be done next (state machine). */
  allowedActions: RequestAction[];
  trail: TrailEntryDto[];
  forwards: ForwardViewDto[];
}

/** One request as its page shows it: with how to reach the worker (a disclosure audited as `worker.contact_read`). */
export class DeskRequestDetailDto extends DeskRequestDto {
  /** The worker's phones and emergency contact, when the request is a known worker's (null for an anonymous caller). */
  contact: WorkerContactDto | null;
}

/** What the worker sees of a step: never internal notes, instructions, reasons or unit names. */
export class MyUpdateDto {
  at: string;
  kind: TrailKind;
  /** The reply or resolution text; null for other steps. */
  text: string | null;
}

/** The worker's own view of a request. */
export class MyRequestDto {
  id: string;
  reference: string;
  channel: Channel;
  category: Category;
  categoryLabel: DeskLabelDto;
  urgency: Urgency;
  status: RequestStatus;
  statusLabel: DeskLabelDto;
  summary: string;
  createdAt: string;
  resolution: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  satisfaction: number | null;
  /** Rate it now (it is resolved). */
  canRate: boolean;
  /** Reopen until then (null when it cannot be reopened). */
  reopenUntil: string | null;
  updates: MyUpdateDto[];
}

export class MyRequestSummaryDto {
  id: string;
  reference: string;
  category: Category;
  categoryLabel: DeskLabelDto;
  status: RequestStatus;
  statusLabel: DeskLabelDto;
  createdAt: string;
  /** At least one reply from the desk. */
  replied: boolean;
}

export class VocabularyItemDto {
  code: string;
  zh: string;
  en: string;
}

export class VocabularyDto {
  categories: VocabularyItemDto[];
  channels: VocabularyItemDto[];
  urgencies: VocabularyItemDto[];
  statuses: VocabularyItemDto[];
}

export class SupervisionQueryDto {
  /** Only requests supervised by this unit. */
  @IsOptional() @IsUUID()
  unitId?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}
