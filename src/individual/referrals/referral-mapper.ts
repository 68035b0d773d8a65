import { followUpStatus } from './domain/follow-up-schedule.js';
import { REFERRAL_TRANSITIONS } from './domain/referral-state.js';
import type { FollowUpDto } from './dto/follow-up.dto.js';
import type { ReferralDto } from './dto/referral.dto.js';
import type { FollowUp } from './entities/follow-up.entity.js';
import type { Referral } from './entities/referral.entity.js';

export const toReferralDto = (r: Referral): ReferralDto => ({
  id: r.id,
  workerId: r.workerId,
  orgUnitId: r.orgUnitId,
  caseId: r.caseId,
  ownerId: r.ownerId,
  providerType: r.providerType,
  providerName: r.providerName,
  vendorId: r.vendorId,
  state: r.state,
  open: r.open,
  source: { type: r.sourceType, id: r.sourceId },
  sentAt: r.sentAt ? r.sentAt.toISOString() : null,
  outcomeAt: r.outcomeAt ? r.outcomeAt.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
  allowedTransitions: [...REFERRAL_TRANSITIONS[r.state]],
});

export const toFollowUpDto = (f: FollowUp, now: Date): FollowUpDto => ({
  id: f.id,
  referralId: f.referralId,
  workerId: f.workerId,
  assigneeId: f.assigneeId,
  seq: f.seq,
  dueAt: f.dueAt.toISOString(),
  status: followUpStatus(f, now),
  taskCreatedAt: f.taskCreatedAt ? f.taskCreatedAt.toISOString() : null,
  completedAt: f.completedAt ? f.completedAt.toISOString() : null,
  completedBy: f.completedBy,
  contactMade: f.contactMade,
  note: f.note,
});
