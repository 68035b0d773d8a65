import { DomainError } from '../../platform/errors/domain-error.js';
import { allowedActions, nextStatus, REQUEST_ACTIONS, REQUEST_STATUSES, TRANSITIONS, type RequestAction, type RequestStatus } from './request-state.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const now = new Date('2026-11-25T02:00:00Z');
const facts = (status: RequestStatus, hasReply = true, settledAt: Date | null = new Date(now.getTime() - DAY)) => ({ status, hasReply, settledAt });

/** The whole table, spelled out: every status × every action. `—` is illegal. */
const EXPECTED: Record<RequestStatus, Record<RequestAction, RequestStatus | '—'>> = {
  new: { acknowledge: 'in_progress', reply: 'in_progress', forward: 'forwarded', accept: '—', return: '—', resolve: '—', close: '—', feedback: '—', reopen: '—' },
  in_progress: { acknowledge: '—', reply: 'in_progress', forward: 'forwarded', accept: '—', return: '—', resolve: 'resolved', close: 'closed', feedback: '—', reopen: '—' },
  forwarded: { acknowledge: '—', reply: '—', forward: '—', accept: 'in_progress', return: 'in_progress', resolve: '—', close: '—', feedback: '—', reopen: '—' },
  resolved: { acknowledge: '—', reply: 'resolved', forward: '—', accept: '—', return: '—', resolve: '—', close: 'closed', feedback: 'closed', reopen: 'in_progress' },
  closed: { acknowledge: '—', reply: '—', forward: '—', accept: '—', return: '—', resolve: '—', close: '—', feedback: '—', reopen: 'in_progress' },
};

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(409);
    return (error as DomainError).code;
  }
};

describe('request state machine', () => {
  for (const status of REQUEST_STATUSES) {
    for (const action of REQUEST_ACTIONS) {
      const expected = EXPECTED[status][action];
      it(`${status} + ${action} → ${expected === '—' ? '409 ILLEGAL_TRANSITION' : expected}`, () => {
        if (expected === '—') {
          expect(codeOf(() => nextStatus(facts(status), action, now, WEEK))).toBe('ILLEGAL_TRANSITION');
        } else {
          expect(nextStatus(facts(status), action, now, WEEK)).toBe(expected);
        }
      });
    }
  }

  it('the table and the expectations agree in both directions', () => {
    for (const action of REQUEST_ACTIONS) {
      for (const status of REQUEST_STATUSES) expect(TRANSITIONS[action][status] ?? '—').toBe(EXPECTED[status][action]);
    }
  });

  it('names the allowed actions when refusing', () => {
    try {
      nextStatus(facts('forwarded'), 'resolve', now, WEEK);
      throw new Error('not refused');
    } catch (error) {
      expect((error as DomainError).details).toEqual({ from: 'forwarded', to: 'resolve', allowed: ['accept', 'return'] });
    }
    expect(allowedActions('closed')).toEqual(['reopen']);
  });

  it('nothing closes or resolves without a reply to the worker (有诉必回)', () => {
    expect(codeOf(() => nextStatus(facts('in_progress', false), 'close', now, WEEK))).toBe('REPLY_REQUIRED');
    expect(codeOf(() => nextStatus(facts('in_progress', false), 'resolve', now, WEEK))).toBe('REPLY_REQUIRED');
    expect(codeOf(() => nextStatus(facts('resolved', false), 'feedback', now, WEEK))).toBe('REPLY_REQUIRED');
    expect(codeOf(() => nextStatus(facts('resolved', false), 'close', now, WEEK))).toBe('REPLY_REQUIRED');
    // Replying and reopening do not need an earlier reply.
    expect(nextStatus(facts('new', false), 'reply', now, WEEK)).toBe('in_progress');
  });

  it('an illegal move is reported as such even without a reply (the state is the first thing wrong)', () => {
    expect(codeOf(() => nextStatus(facts('new', false), 'close', now, WEEK))).toBe('ILLEGAL_TRANSITION');
  });

  it('reopens within the period, to the millisecond, and not after', () => {
    const settled = new Date(now.getTime() - WEEK);
    expect(nextStatus(facts('closed', true, settled), 'reopen', now, WEEK)).toBe('in_progress');
    expect(codeOf(() => nextStatus(facts('closed', true, settled), 'reopen', new Date(now.getTime() + 1), WEEK))).toBe('REOPEN_PERIOD_OVER');
    expect(codeOf(() => nextStatus(facts('resolved', true, null), 'reopen', now, WEEK))).toBe('REOPEN_PERIOD_OVER');
  });
});
