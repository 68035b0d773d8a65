import { DAY } from '../../platform/clock/clock.js';
import { toCsv } from './csv.js';
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
