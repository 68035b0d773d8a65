import { DAY } from '../../platform/clock/clock.js';
import { toCsv } from './csv.js';
import { MAX_ERROR } from '../../platform/reporting/cell-key.js';
import { perturbedUtilisation } from './published-utilisation.js';
import { summariseUtilisation, type ReferralFacts } from './utilisation.js';

const SENT = new Date('2026-11-01T02:00:00Z');
const after = (days: number) => new Date(SENT.getTime() + days * DAY);
const referral = (status: string, overrides: Partial<ReferralFacts> = {}): ReferralFacts => ({
  status,
  sentAt: SENT,
  acceptedAt: null,
  declinedAt: null,
  firstSessionAt: null,
  ...overrides,
});

describe('contract utilisation', () => {
  it('is all zeros and nulls for a contract without referrals', () => {
    expect(summariseUtilisation({ sessionsTotal: 50, pricePerSessionCents: 30000 }, [], { recorded: 0, beyondQuota: 0 })).toEqual({
      referralsSent: 0,
      accepted: 0,
      declined: 0,
      acceptanceRate: null,
      open: 0,
      completed: 0,
      droppedOut: 0,
      withdrawn: 0,
      completionRate: null,
      sessionsUsed: 0,
      sessionsQuota: 50,
      sessionsRemaining: 50,
      sessionsBeyondQuota: 0,
      quotaUsedRate: 0,
      daysToFirstSessionMedian: null,
      daysToFirstSessionMean: null,
      withFirstSession: 0,
      costCents: 0,
    });
  });

  it('counts acceptance, completion, time to first session, quota and cost', () => {
    const referrals = [
      referral('sent'),
      referral('declined', { declinedAt: after(1) }),
      referral('accepted', { acceptedAt: after(1) }),
      referral('attended', { acceptedAt: after(1), firstSessionAt: after(2) }),
      referral('completed', { acceptedAt: after(1), firstSessionAt: after(4) }),
      referral('dropped_out', { acceptedAt: after(1), firstSessionAt: after(9) }),
      referral('withdrawn', { acceptedAt: after(2), firstSessionAt: after(3) }),
    ];
    const u = summariseUtilisation({ sessionsTotal: 10, pricePerSessionCents: 35000 }, referrals, { recorded: 12, beyondQuota: 2 });
    expect(u).toMatchObject({
      referralsSent: 7,
      accepted: 5,
      declined: 1,
      acceptanceRate: 0.833,
      open: 3,
      completed: 1,
      droppedOut: 1,
      withdrawn: 1,
      completionRate: 0.5,
      sessionsUsed: 10,
      sessionsRemaining: 0,
      sessionsBeyondQuota: 2,
      quotaUsedRate: 1,
      daysToFirstSessionMedian: 3.5,
      daysToFirstSessionMean: 4.5,
      withFirstSession: 4,
      costCents: 350000,
    });
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting, defuses formulas, and starts with a byte-order mark', () => {
    const csv = toCsv(['名称', 'n'], [
      ['心理服务中心, 有限公司', 3],
      ['=HYPERLINK("http://x")', null],
      ['-1+2', 0.5],
      ['说 "你好"\n第二行', -2],
    ]);
    expect(csv).toBe('\uFEFF名称,n\r\n"心理服务中心, 有限公司",3\r\n"\'=HYPERLINK(""http://x"")",\r\n\'-1+2,0.5\r\n"说 ""你好""\n第二行",-2\r\n');
  });
});

describe('utilisation as published to readers without referral access', () => {
  const contract = { sessionsTotal: 200, pricePerSessionCents: 30000 };
  const many = (n: number, status: string, extra: Partial<ReferralFacts> = {}, from = 0) =>
    Array.from({ length: n }, (_, i) => referral(status, { key: 1_000_003 * (i + from + 1), ...extra }));
  const referrals = [
    ...many(12, 'completed', { acceptedAt: after(1), firstSessionAt: after(3) }),
    ...many(6, 'dropped_out', { acceptedAt: after(1), firstSessionAt: after(5) }, 100),
    ...many(3, 'declined', { declinedAt: after(1) }, 200),
  ];
  const sessions = { recorded: 70, beyondQuota: 2, billableKey: 123_456, beyondQuotaKey: 789 };

  it('perturbs every count within the bound, withholds those under k, and says which and why', () => {
    const out = perturbedUtilisation(contract, referrals, sessions, 10);
    const exact = summariseUtilisation(contract, referrals, sessions);
    expect(out.exact).toBe(false);
    for (const name of ['referralsSent', 'accepted', 'completed', 'withFirstSession'] as const) {
      expect(Math.abs((out[name] as number) - exact[name])).toBeLessThanOrEqual(MAX_ERROR);
    }
    // 3 declined, 6 dropped out, 2 sessions beyond the quota, 0 withdrawn and 0 open: all under k.
    for (const field of ['declined', 'droppedOut', 'withdrawn', 'open', 'sessionsBeyondQuota'] as const) {
      expect(out[field]).toBeNull();
      expect(out.withheld).toContainEqual({ field, reason: 'fewer_than_k' });
    }
    expect(out.sessionsQuota).toBe(200);
  });

  it('derives remaining, quota used and cost from the perturbed billable count, adding nothing to it', () => {
    const out = perturbedUtilisation(contract, referrals, sessions, 10);
    const used = out.sessionsUsed as number;
    expect(Math.abs(used - 68)).toBeLessThanOrEqual(MAX_ERROR);
    expect(out).toMatchObject({ sessionsRemaining: 200 - used, quotaUsedRate: Math.round((used / 200) * 1000) / 1000, costCents: used * 30000 });
  });

  it('publishes rates and times only over k referrals, perturbed and within their range', () => {
    const out = perturbedUtilisation(contract, referrals, sessions, 10);
    expect(out.acceptanceRate).toBeGreaterThanOrEqual(0);
    expect(out.acceptanceRate).toBeLessThanOrEqual(1);
    expect(out.completionRate).toBeGreaterThanOrEqual(0);
    const small = perturbedUtilisation(contract, referrals.slice(0, 9), sessions, 10);
    expect(small).toMatchObject({ referralsSent: null, acceptanceRate: null, completionRate: null, sessionsUsed: null, costCents: null, daysToFirstSessionMean: null, daysToFirstSessionMedian: null });
  });

  it('gives the same answer to the same question, and another for another set of workers', () => {
    expect(perturbedUtilisation(contract, referrals, sessions, 10)).toEqual(perturbedUtilisation(contract, [...referrals], { ...sessions }, 10));
    const answers = new Set(
      Array.from({ length: 20 }, (_, i) => perturbedUtilisation(contract, referrals.map((r) => ({ ...r, key: (r.key ?? 0) + i })), sessions, 10).referralsSent),
    );
    expect(answers.size).toBeGreaterThan(1);
  });
});
