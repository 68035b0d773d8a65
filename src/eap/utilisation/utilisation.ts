import { DAY } from '../../platform/clock/clock.js';

/** One referral under a contract, as utilisation needs it (no worker, no content). */
export interface ReferralFacts {
  status: string;
  sentAt: Date;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  firstSessionAt: Date | null;
  /** The referred worker's record key (cell-key perturbation); only the perturbed figures read it. */
  key?: number;
}

export interface ContractFacts {
  sessionsTotal: number;
  pricePerSessionCents: number;
}

export interface SessionFacts {
  /** Sessions recorded under the contract. */
  recorded: number;
  /** Of those, past a quota: recorded, not billable. */
  beyondQuota: number;
  /** Sums of the record keys of the sessions' workers (one per session), billable and beyond the quota. */
  billableKey?: number;
  beyondQuotaKey?: number;
}

export interface Utilisation {
  referralsSent: number;
  accepted: number;
  declined: number;
  /** Accepted of those the vendor decided on (accepted + declined); null before any decision. */
  acceptanceRate: number | null;
  open: number;
  completed: number;
  droppedOut: number;
  withdrawn: number;
  /** Completed of those that ended after acceptance (completed + dropped out); null before any. */
  completionRate: number | null;
  sessionsUsed: number;
  sessionsQuota: number;
  sessionsRemaining: number;
  sessionsBeyondQuota: number;
  /** Billable sessions of the total quota, 0–1. */
  quotaUsedRate: number;
  /** Days from sending to the first attended session. */
  daysToFirstSessionMedian: number | null;
  daysToFirstSessionMean: number | null;
  /** Referrals with a first session (the n of the two figures above). */
  withFirstSession: number;
  /** Billable sessions × price, in fen (分). */
  costCents: number;
}

const OPEN = ['sent', 'accepted', 'attended'];
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Which referrals each count counts: one definition for the exact counts and for their perturbation keys. */
export const REFERRAL_COUNTS = {
  referralsSent: () => true,
  accepted: (r: ReferralFacts) => r.acceptedAt !== null,
  declined: (r: ReferralFacts) => r.declinedAt !== null,
  open: (r: ReferralFacts) => OPEN.includes(r.status),
  completed: (r: ReferralFacts) => r.status === 'completed',
  droppedOut: (r: ReferralFacts) => r.status === 'dropped_out',
  withdrawn: (r: ReferralFacts) => r.status === 'withdrawn',
  withFirstSession: (r: ReferralFacts) => r.firstSessionAt !== null,
} satisfies Record<string, (r: ReferralFacts) => boolean>;
export type ReferralCount = keyof typeof REFERRAL_COUNTS;
export const REFERRAL_COUNT_NAMES = Object.keys(REFERRAL_COUNTS) as ReferralCount[];

const daysToFirstSession = (referrals: readonly ReferralFacts[]) =>
  referrals.filter((r) => r.firstSessionAt).map((r) => Math.max(0, (r.firstSessionAt!.getTime() - r.sentAt.getTime()) / DAY));

/** Utilisation of one contract, from its referrals and session counts. Pure: the service only gathers the facts. */
export function summariseUtilisation(contract: ContractFacts, referrals: readonly ReferralFacts[], sessions: SessionFacts): Utilisation {
  const n = Object.fromEntries(REFERRAL_COUNT_NAMES.map((name) => [name, referrals.filter(REFERRAL_COUNTS[name]).length])) as Record<ReferralCount, number>;
  const days = daysToFirstSession(referrals);
  const billable = sessions.recorded - sessions.beyondQuota;
  const mean = days.length ? days.reduce((a, b) => a + b, 0) / days.length : null;
  const mid = median(days);
  return {
    ...n,
    acceptanceRate: ratio(n.accepted, n.accepted + n.declined),
    completionRate: ratio(n.completed, n.completed + n.droppedOut),
    sessionsUsed: billable,
    sessionsQuota: contract.sessionsTotal,
    sessionsRemaining: Math.max(0, contract.sessionsTotal - billable),
    sessionsBeyondQuota: sessions.beyondQuota,
    quotaUsedRate: ratio(billable, contract.sessionsTotal) ?? 0,
    daysToFirstSessionMedian: mid === null ? null : oneDecimal(mid),
    daysToFirstSessionMean: mean === null ? null : oneDecimal(mean),
    costCents: billable * contract.pricePerSessionCents,
  };
}
