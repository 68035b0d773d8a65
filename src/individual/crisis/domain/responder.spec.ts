import { chooseResponder, type DutyCandidate } from './responder.js';

const shift = (userId: string, unitDepth: number, startsAt: string): DutyCandidate => ({
  userId,
  unitId: `unit-${unitDepth}`,
  unitDepth,
  shiftStartsAt: new Date(startsAt),
});

describe('choosing the responder among those on duty', () => {
  it('is nobody when nobody is on duty', () => {
    expect(chooseResponder([])).toBeNull();
  });

  it('prefers the unit nearest the worker (the deepest) over units above it', () => {
    const chosen = chooseResponder([shift('city', 1, '2026-11-25T00:00:00Z'), shift('enterprise', 3, '2026-11-25T01:00:00Z'), shift('county', 2, '2026-11-24T00:00:00Z')]);
    expect(chosen?.userId).toBe('enterprise');
  });

  it('within one unit takes the shift that started first, then the user id', () => {
    expect(chooseResponder([shift('b', 3, '2026-11-25T02:00:00Z'), shift('a', 3, '2026-11-25T01:00:00Z')])?.userId).toBe('a');
    expect(chooseResponder([shift('y', 3, '2026-11-25T01:00:00Z'), shift('x', 3, '2026-11-25T01:00:00Z')])?.userId).toBe('x');
  });

  it('does not depend on the order it is given', () => {
    const candidates = [shift('c', 2, '2026-11-25T00:00:00Z'), shift('a', 3, '2026-11-25T03:00:00Z'), shift('b', 3, '2026-11-25T02:00:00Z')];
    expect(chooseResponder(candidates)?.userId).toBe('b');
    expect(chooseResponder([...candidates].reverse())?.userId).toBe('b');
  });
});
