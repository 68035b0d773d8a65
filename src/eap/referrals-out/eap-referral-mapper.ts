import type { EapReferralDto, EapReferralEventDto, EapReferralSummaryDto } from './eap-referral.dto.js';
import type { EapReferral } from './eap-referral.entity.js';
import type { EapReferralEvent } from './referral-event.entity.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toEapReferralSummaryDto = (r: EapReferral, vendorName: string): EapReferralSummaryDto => ({
  id: r.id,
  vendorRef: r.vendorRef,
  workerId: r.workerId,
  vendorId: r.vendorId,
  vendorName,
  contractId: r.contractId,
  service: r.service,
  urgency: r.urgency,
  status: r.status,
  sessionsUsed: r.sessionsUsed,
  sentAt: iso(r.sentAt),
  closedAt: iso(r.closedAt),
  individualReferralId: r.individualReferralId,
  createdAt: r.createdAt.toISOString(),
});

export const toEapReferralEventDto = (e: EapReferralEvent): EapReferralEventDto => ({
  type: e.type,
  sessionNumber: e.sessionNumber,
  occurredAt: e.occurredAt.toISOString(),
  source: e.source,
  note: e.note,
  beyondQuota: e.beyondQuota,
  recordedAt: e.createdAt.toISOString(),
});

export const toEapReferralDto = (r: EapReferral, vendorName: string, events: EapReferralEvent[]): EapReferralDto => ({
  ...toEapReferralSummaryDto(r, vendorName),
  contactPreference: r.contactPreference,
  summary: r.summary,
  sharedData: r.sharedData,
  sharedSha256: r.sharedSha256,
  acceptedAt: iso(r.acceptedAt),
  declinedAt: iso(r.declinedAt),
  firstSessionAt: iso(r.firstSessionAt),
  withdrawnAt: iso(r.withdrawnAt),
  withdrawnReason: r.withdrawnReason,
  history: events.map(toEapReferralEventDto),
});
