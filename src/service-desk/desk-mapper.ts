import { CATEGORY_LABELS } from './domain/categories.js';
import { allowedActions, isOpen, reopenUntil, STATUS_LABELS } from './domain/request-state.js';
import type { DeskRequestDto, ForwardViewDto, MyRequestDto, MyRequestSummaryDto, MyUpdateDto, QueueItemDto, TrailEntryDto } from './dto/request.dto.js';
import type { DeskForward } from './entities/desk-forward.entity.js';
import { WORKER_VISIBLE_KINDS, type DeskRequestEvent } from './entities/desk-request-event.entity.js';
import type { DeskRequest } from './entities/desk-request.entity.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const label = (category: DeskRequest['category']) => ({ zh: CATEGORY_LABELS[category].zh, en: CATEGORY_LABELS[category].en });

export function toQueueItemDto(r: DeskRequest, now: Date): QueueItemDto {
  return {
    id: r.id,
    reference: r.reference,
    channel: r.channel,
    category: r.category,
    categoryLabel: label(r.category),
    urgency: r.urgency,
    crisis: r.crisis,
    status: r.status,
    workerId: r.workerId,
    subjectUnitId: r.subjectUnitId,
    handlingUnitId: r.handlingUnitId,
    createdAt: r.createdAt.toISOString(),
    nextDueAt: iso(r.nextDueAt),
    overdue: isOpen(r.status) && r.nextDueAt !== null && r.nextDueAt <= now,
    supervisionLevel: r.supervisionLevel,
    supervisingUnitId: r.supervisingUnitId,
    forwardCount: r.forwardCount,
  };
}

export const toTrailEntryDto = (e: DeskRequestEvent): TrailEntryDto => ({
  seq: e.seq,
  at: e.createdAt.toISOString(),
  kind: e.kind,
  actorId: e.actorId,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  fromUnitId: e.fromUnitId,
  toUnitId: e.toUnitId,
  text: e.body,
  toWorker: e.toWorker,
  dueAt: iso(e.dueAt),
  detail: e.detail,
});

export const toForwardViewDto = (f: DeskForward): ForwardViewDto => ({
  id: f.id,
  fromUnitId: f.fromUnitId,
  toUnitId: f.toUnitId,
  instructions: f.instructions,
  dueAt: f.dueAt.toISOString(),
  status: f.status,
  returnReason: f.returnReason,
  forwardedBy: f.forwardedBy,
  decidedBy: f.decidedBy,
  decidedAt: iso(f.decidedAt),
  createdAt: f.createdAt.toISOString(),
});

export function toDeskRequestDto(r: DeskRequest, trail: DeskRequestEvent[], forwards: DeskForward[], now: Date): DeskRequestDto {
  return {
    ...toQueueItemDto(r, now),
    callerName: r.callerName,
    callbackNumber: r.callbackNumber,
    summary: r.summary,
    createdBy: r.createdBy,
    answerDueAt: iso(r.answerDueAt),
    answeredAt: iso(r.answeredAt),
    replyDueAt: iso(r.replyDueAt),
    firstReplyAt: iso(r.firstReplyAt),
    resolveDueAt: iso(r.resolveDueAt),
    resolvedAt: iso(r.resolvedAt),
    closedAt: iso(r.closedAt),
    resolution: r.resolution,
    satisfaction: r.satisfaction,
    feedbackComment: r.feedbackComment,
    reopenCount: r.reopenCount,
    crisisCaseId: r.crisisCaseId,
    allowedActions: allowedActions(r.status),
    trail: trail.map(toTrailEntryDto),
    forwards: forwards.map(toForwardViewDto),
  };
}

/** The worker's steps: replies and the resolution with their text; other visible steps without any. */
export function toMyUpdates(trail: DeskRequestEvent[]): MyUpdateDto[] {
  return trail
    .filter((e) => WORKER_VISIBLE_KINDS.includes(e.kind))
    .map((e) => ({ at: e.createdAt.toISOString(), kind: e.kind, text: e.toWorker ? e.body : null }));
}

/** When the worker may still reopen (null when they cannot). */
export function reopenDeadline(r: DeskRequest, reopenPeriodMs: number, now: Date): Date | null {
  if (r.status !== 'resolved' && r.status !== 'closed') return null;
  const until = reopenUntil(r.closedAt ?? r.resolvedAt, reopenPeriodMs);
  return until && until >= now ? until : null;
}

export function toMyRequestDto(r: DeskRequest, trail: DeskRequestEvent[], reopenPeriodMs: number, now: Date): MyRequestDto {
  return {
    id: r.id,
    reference: r.reference,
    channel: r.channel,
    category: r.category,
    categoryLabel: label(r.category),
    urgency: r.urgency,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    summary: r.summary,
    createdAt: r.createdAt.toISOString(),
    resolution: r.resolution,
    resolvedAt: iso(r.resolvedAt),
    closedAt: iso(r.closedAt),
    satisfaction: r.satisfaction,
    canRate: r.status === 'resolved',
    reopenUntil: iso(reopenDeadline(r, reopenPeriodMs, now)),
    updates: toMyUpdates(trail),
  };
}

export const toMyRequestSummaryDto = (r: DeskRequest, replied: boolean): MyRequestSummaryDto => ({
  id: r.id,
  reference: r.reference,
  category: r.category,
  categoryLabel: label(r.category),
  status: r.status,
  statusLabel: STATUS_LABELS[r.status],
  createdAt: r.createdAt.toISOString(),
  replied,
});
