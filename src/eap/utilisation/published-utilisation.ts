import { publishCount, publishMean, type WithheldReason } from '../../platform/reporting/cell-key.js';
import { REFERRAL_COUNT_NAMES, REFERRAL_COUNTS, summariseUtilisation, type ContractFacts, type ReferralCount, type ReferralFacts, type SessionFacts, type Utilisation } from './utilisation.js';

/** Utilisation as published to a reader who may not read the referrals: numbers null where withheld. */
export type PublishedUtilisation = { [K in Exclude<keyof Utilisation, 'sessionsQuota'>]: Utilisation[K] | null } & {
  /** The contract's terms: exact. */
  sessionsQuota: number;
  /** False: counts perturbed within ± the disclosure's maxError, rates and times perturbed too. */
  exact: boolean;
  withheld: { field: keyof Utilisation; reason: WithheldReason }[];
};

const keyOf = (referrals: readonly ReferralFacts[], rule: (r: ReferralFacts) => boolean) => referrals.reduce((sum, r) => sum + (rule(r) ? (r.key ?? 0) : 0), 0);

/** Exact utilisation, for EAP staff (they read the referrals themselves). */
export function exactUtilisation(contract: ContractFacts, referrals: readonly ReferralFacts[], sessions: SessionFacts): PublishedUtilisation {
  return { ...summariseUtilisation(contract, referrals, sessions), exact: true, withheld: [] };
}

/**
 * Utilisation under cell-key perturbation (docs/insights.md), the rule every published figure follows:
 * - each referral count is perturbed by its referred workers' record keys and withheld under k;
 * - a rate (acceptance, completion) only over k decided referrals or more, perturbed as a mean over them;
 * - session figures only when k referrals or more had a session (sessions are one person's use), the billable and
 *   beyond-quota sessions perturbed by their workers' keys; remaining, quota used and cost follow from the perturbed
 *   billable count, so they add nothing to it; the quota and the price are the contract's terms (exact);
 * - days to the first session (median, mean) only over k referrals or more, perturbed.
 */
export function perturbedUtilisation(contract: ContractFacts, referrals: readonly ReferralFacts[], sessions: SessionFacts, k: number): PublishedUtilisation {
  const exact = summariseUtilisation(contract, referrals, sessions);
  const withheld: PublishedUtilisation['withheld'] = [];
  const out = <T>(field: keyof Utilisation, value: T | null): T | null => {
    if (value === null) withheld.push({ field, reason: 'fewer_than_k' });
    return value;
  };
  const counts = Object.fromEntries(
    REFERRAL_COUNT_NAMES.map((name) => [name, out(name, publishCount(exact[name], keyOf(referrals, REFERRAL_COUNTS[name]), k).count)]),
  ) as Record<ReferralCount, number | null>;
  const rate = (field: 'acceptanceRate' | 'completionRate', part: number, whole: number, inWhole: (r: ReferralFacts) => boolean) => {
    const percent = publishMean(whole === 0 ? null : (100 * part) / whole, whole, keyOf(referrals, inWhole), k, `eap_${field}`, { min: 0, max: 100 }).value;
    return out(field, percent === null ? null : Math.round(percent * 10) / 1000);
  };
  const people = exact.withFirstSession;
  const billable = out('sessionsUsed', people < k ? null : publishCount(exact.sessionsUsed, sessions.billableKey ?? 0, k).count);
  const firstKey = keyOf(referrals, REFERRAL_COUNTS.withFirstSession);
  const days = (field: 'daysToFirstSessionMedian' | 'daysToFirstSessionMean') => out(field, publishMean(exact[field], people, firstKey, k, `eap_${field}`, null).value);
  return {
    ...counts,
    acceptanceRate: rate('acceptanceRate', exact.accepted, exact.accepted + exact.declined, (r) => REFERRAL_COUNTS.accepted(r) || REFERRAL_COUNTS.declined(r)),
    completionRate: rate('completionRate', exact.completed, exact.completed + exact.droppedOut, (r) => REFERRAL_COUNTS.completed(r) || REFERRAL_COUNTS.droppedOut(r)),
    sessionsUsed: billable,
    sessionsQuota: contract.sessionsTotal,
    sessionsRemaining: out('sessionsRemaining', billable === null ? null : Math.max(0, contract.sessionsTotal - billable)),
    sessionsBeyondQuota: out('sessionsBeyondQuota', people < k ? null : publishCount(exact.sessionsBeyondQuota, sessions.beyondQuotaKey ?? 0, k).count),
    quotaUsedRate: out('quotaUsedRate', billable === null ? null : contract.sessionsTotal === 0 ? 0 : Math.round((billable / contract.sessionsTotal) * 1000) / 1000),
    daysToFirstSessionMedian: days('daysToFirstSessionMedian'),
    daysToFirstSessionMean: days('daysToFirstSessionMean'),
    costCents: out('costCents', billable === null ? null : billable * contract.pricePerSessionCents),
    exact: false,
    withheld,
  };
}
