import type { MySafetyPlanDto, SafetyPlanDto } from '../../individual/crisis/dto/safety-plan.dto.js';

/** A crisis case on the record: state and level only (never notes or risk assessments). */
export class RecordCaseDto {
  id: string;
  level: 'imminent' | 'urgent' | 'concern';
  state: 'open' | 'acknowledged' | 'in_progress' | 'referred' | 'monitoring' | 'closed';
  sourceType: 'assessment' | 'counselling' | 'service_desk' | 'counsellor' | 'self_help' | 'online_counselling';
  openedAt: string;
  dueAt: string;
  closedAt: string | null;
  assigneeId: string | null;
}

export class RecordReferralDto {
  id: string;
  state: 'draft' | 'sent' | 'accepted' | 'declined' | 'attended' | 'completed' | 'dropped_out';
  open: boolean;
  providerType: 'internal_counselling' | 'hospital' | 'eap_vendor' | null;
  providerName: string | null;
  caseId: string | null;
  sentAt: string | null;
  outcomeAt: string | null;
  createdAt: string;
}

/** 点 · the individual tier's part of the record, for staff. */
export class RecordIndividualDto {
  cases: RecordCaseDto[];
  referrals: RecordReferralDto[];
  /** The current version of the worker's safety plan. */
  safetyPlan: SafetyPlanDto | null;
}

export class PlainTextDto {
  zh: string;
  en: string;
}

/** An open referral as the worker reads it. */
export class MyReferralDto {
  id: string;
  provider: PlainTextDto;
  providerName: string | null;
  status: PlainTextDto;
  sentAt: string | null;
}

/** The worker's own view: their safety plan and where their open referrals stand, in plain words. */
export class MyIndividualDto {
  safetyPlan: MySafetyPlanDto | null;
  referrals: MyReferralDto[];
}
