import { DAY } from '../../platform/clock/clock.js';

/** One referral under a contract, as utilisation needs it (no worker, no content). */
export interface ReferralFacts {
  status: string;
  sentAt: Date;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  firstSessionAt: Date | null;
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

/** Utilisation of one contract, from its referrals and session counts. Pure: the service only gathers the facts. */
export function summariseUtilisation(contract: ContractFacts, referrals: readonly ReferralFacts[], sessions: SessionFacts): Utilisation {
  const count = (status: string) => referrals.filter((r) => r.status === status).length;
  const accepted = referrals.filter((r) => r.acceptedAt !== null).length;
  const declined = referrals.filter((r) => r.declinedAt !== null).length;
  const completed = count('completed');
  const droppedOut = count('dropped_out');
  const days = referrals.filter((r) => r.firstSessionAt).map((r) => Math.max(0, (r.firstSessionAt!.getTime() - r.sentAt.getTime()) / DAY));
  const billable = sessions.recorded - sessions.beyondQuota;
  const mean = days.length ? days.reduce((a, b) => a + b, 0) / days.length : null;
  const mid = median(days);
  return {
    referralsSent: referrals.length,
    accepted,
    declined,
    acceptanceRate: ratio(accepted, accepted + declined),
    open: referrals.filter((r) => OPEN.includes(r.status)).length,
    completed,
    droppedOut,
    withdrawn: count('withdrawn'),
    completionRate: ratio(completed, completed + droppedOut),
    sessionsUsed: billable,
    sessionsQuota: contract.sessionsTotal,
    sessionsRemaining: Math.max(0, contract.sessionsTotal - billable),
    sessionsBeyondQuota: sessions.beyondQuota,
    quotaUsedRate: ratio(billable, contract.sessionsTotal) ?? 0,
    daysToFirstSessionMedian: mid === null ? null : oneDecimal(mid),
    daysToFirstSessionMean: mean === null ? null : oneDecimal(mean),
    withFirstSession: days.length,
    costCents: billable * contract.pricePerSessionCents,
  };
}
