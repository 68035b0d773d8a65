import { DomainError } from '../../platform/errors/domain-error.js';
import { canMove, EAP_REFERRAL_STATUSES, EAP_REFERRAL_TRANSITIONS, isClosed, move, planOutcome, VENDOR_OUTCOMES, type EapReferralStatus, type VendorOutcome } from './referral-state.js';

const LEGAL: Array<[EapReferralStatus, EapReferralStatus]> = [
  ['draft', 'sent'],
  ['draft', 'cancelled'],
  ['sent', 'accepted'],
  ['sent', 'declined'],
  ['sent', 'withdrawn'],
  ['accepted', 'attended'],
  ['accepted', 'dropped_out'],
  ['accepted', 'withdrawn'],
  ['attended', 'completed'],
  ['attended', 'dropped_out'],
  ['attended', 'withdrawn'],
];
const isLegal = (from: EapReferralStatus, to: EapReferralStatus) => LEGAL.some(([f, t]) => f === from && t === to);
const PAIRS = EAP_REFERRAL_STATUSES.flatMap((from) => EAP_REFERRAL_STATUSES.map((to) => [from, to] as [EapReferralStatus, EapReferralStatus]));

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? `${error.status} ${error.code}` : String(error);
  }
  return 'ok';
};

describe('EAP referral state machine', () => {
  it('has exactly the legal transitions', () => {
    expect(EAP_REFERRAL_STATUSES.flatMap((from) => EAP_REFERRAL_TRANSITIONS[from].map((to) => [from, to])).sort()).toEqual([...LEGAL].sort());
  });

  it.each(PAIRS)('%s → %s is allowed only when listed', (from, to) => {
    expect(canMove(from, to)).toBe(isLegal(from, to));
    expect(codeOf(() => move(from, to))).toBe(isLegal(from, to) ? 'ok' : '409 ILLEGAL_TRANSITION');
  });

  it('closes on declined, completed, dropped out, withdrawn and cancelled', () => {
    expect(EAP_REFERRAL_STATUSES.filter(isClosed)).toEqual(['declined', 'completed', 'dropped_out', 'withdrawn', 'cancelled']);
  });
});

describe('vendor outcome reports', () => {
  // Expected effect of each report in each state: [move to | null, records a session] or the refusal code.
  const EXPECTED: Record<EapReferralStatus, Record<VendorOutcome, [EapReferralStatus | null, boolean] | string>> = {
    draft: { accepted: '409 ILLEGAL_TRANSITION', declined: '409 ILLEGAL_TRANSITION', session_attended: '409 ILLEGAL_TRANSITION', completed: '409 ILLEGAL_TRANSITION', dropped_out: '409 ILLEGAL_TRANSITION' },
    sent: { accepted: ['accepted', false], declined: ['declined', false], session_attended: '409 ILLEGAL_TRANSITION', completed: '409 ILLEGAL_TRANSITION', dropped_out: '409 ILLEGAL_TRANSITION' },
    accepted: { accepted: [null, false], declined: '409 ILLEGAL_TRANSITION', session_attended: ['attended', true], completed: '409 ILLEGAL_TRANSITION', dropped_out: ['dropped_out', false] },
    declined: { accepted: '409 ILLEGAL_TRANSITION', declined: [null, false], session_attended: '409 ILLEGAL_TRANSITION', completed: '409 ILLEGAL_TRANSITION', dropped_out: '409 ILLEGAL_TRANSITION' },
    attended: { accepted: [null, false], declined: '409 ILLEGAL_TRANSITION', session_attended: [null, true], completed: ['completed', false], dropped_out: ['dropped_out', false] },
    completed: { accepted: [null, false], declined: '409 ILLEGAL_TRANSITION', session_attended: [null, true], completed: [null, false], dropped_out: '409 ILLEGAL_TRANSITION' },
    dropped_out: { accepted: [null, false], declined: '409 ILLEGAL_TRANSITION', session_attended: [null, true], completed: '409 ILLEGAL_TRANSITION', dropped_out: [null, false] },
    withdrawn: { accepted: '409 REFERRAL_WITHDRAWN', declined: '409 REFERRAL_WITHDRAWN', session_attended: '409 REFERRAL_WITHDRAWN', completed: '409 REFERRAL_WITHDRAWN', dropped_out: '409 REFERRAL_WITHDRAWN' },
    cancelled: { accepted: '409 ILLEGAL_TRANSITION', declined: '409 ILLEGAL_TRANSITION', session_attended: '409 ILLEGAL_TRANSITION', completed: '409 ILLEGAL_TRANSITION', dropped_out: '409 ILLEGAL_TRANSITION' },
  };
  const CASES = EAP_REFERRAL_STATUSES.flatMap((status) => VENDOR_OUTCOMES.map((outcome) => [status, outcome] as const));

  it.each(CASES)('in %s, a report of %s', (status, outcome) => {
    const expected = EXPECTED[status][outcome];
    if (typeof expected === 'string') {
      expect(codeOf(() => planOutcome(status, outcome))).toBe(expected);
    } else {
      expect(planOutcome(status, outcome)).toEqual({ to: expected[0], session: expected[1] });
    }
  });

  it('never moves to a state the machine does not allow', () => {
    for (const [status, outcome] of CASES) {
      let plan;
      try {
        plan = planOutcome(status, outcome);
      } catch {
        continue;
      }
      if (plan.to) expect(canMove(status, plan.to)).toBe(true);
    }
  });
});
