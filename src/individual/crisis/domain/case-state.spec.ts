import { DomainError } from '../../../platform/errors/domain-error.js';
import { allowedFrom, assertCaseTransition, CASE_STATES, CASE_TRANSITIONS, canMove, isActive, needsReason, type CaseState } from './case-state.js';

const LEGAL: Array<[CaseState, CaseState]> = [
  ['open', 'acknowledged'],
  ['acknowledged', 'in_progress'],
  ['acknowledged', 'closed'],
  ['in_progress', 'referred'],
  ['in_progress', 'monitoring'],
  ['in_progress', 'closed'],
  ['referred', 'in_progress'],
  ['referred', 'monitoring'],
  ['referred', 'closed'],
  ['monitoring', 'in_progress'],
  ['monitoring', 'referred'],
  ['monitoring', 'closed'],
  ['closed', 'in_progress'],
];
const isLegal = (from: CaseState, to: CaseState) => LEGAL.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = CASE_STATES.flatMap((from) => CASE_STATES.map((to) => [from, to] as [CaseState, CaseState]));

describe('crisis case state machine', () => {
  it('has exactly the legal transitions listed (and the table agrees with canMove)', () => {
    const table = CASE_STATES.flatMap((from) => CASE_TRANSITIONS[from].map((to) => [from, to]));
    expect(table.sort()).toEqual([...LEGAL].sort());
  });

  it.each(ALL_PAIRS.filter(([f, t]) => isLegal(f, t)))('allows %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
    expect(() => assertCaseTransition(from, to)).not.toThrow();
  });

  it.each(ALL_PAIRS.filter(([f, t]) => !isLegal(f, t)))('refuses %s → %s with 409 naming the allowed states', (from, to) => {
    expect(canMove(from, to)).toBe(false);
    let error: unknown;
    try {
      assertCaseTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const domain = error as DomainError;
    expect(domain.status).toBe(409);
    expect(domain.code).toBe('ILLEGAL_TRANSITION');
    expect(domain.details).toEqual({ from, to, allowed: [...allowedFrom(from)] });
  });

  it('follows the issue path open → acknowledged → in_progress → referred → monitoring → closed, and reopens', () => {
    const path: CaseState[] = ['open', 'acknowledged', 'in_progress', 'referred', 'monitoring', 'closed', 'in_progress'];
    for (let i = 1; i < path.length; i++) expect(canMove(path[i - 1], path[i])).toBe(true);
  });

  it('needs a reason to close or reopen, and counts every state but closed as active', () => {
    expect(needsReason('in_progress', 'closed')).toBe(true);
    expect(needsReason('closed', 'in_progress')).toBe(true);
    expect(needsReason('open', 'acknowledged')).toBe(false);
    expect(CASE_STATES.filter(isActive)).toEqual(['open', 'acknowledged', 'in_progress', 'referred', 'monitoring']);
  });
});
