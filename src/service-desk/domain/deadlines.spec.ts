import { nextDeadline, overdueObligations, supervisionStep, type SupervisionFacts } from './deadlines.js';

const HOUR = 3_600_000;
const t0 = new Date('2026-11-25T02:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
const base: SupervisionFacts = {
  status: 'new',
  answerDueAt: at(1),
  answeredAt: null,
  replyDueAt: at(8),
  resolveDueAt: null,
  supervisionLevel: 0,
  escalatedAt: null,
  supervisingUnitId: null,
};
const fourHoursLater = (from: Date) => new Date(from.getTime() + 4 * HOUR);
const parents = new Set(['enterprise', 'city']);
const hasParent = (unit: string) => parents.has(unit);

describe('deadlines and supervision', () => {
  it('lists overdue obligations; a deadline at exactly now has passed', () => {
    expect(overdueObligations(base, at(0.5))).toEqual([]);
    expect(overdueObligations(base, at(1))).toEqual(['answer']);
    expect(overdueObligations({ ...base, answeredAt: at(0.2) }, at(9))).toEqual(['reply']);
    expect(overdueObligations({ ...base, status: 'forwarded', answeredAt: at(0.2), replyDueAt: null, resolveDueAt: at(24) }, at(25))).toEqual(['resolve']);
  });

  it('owes nothing once resolved or closed', () => {
    expect(overdueObligations({ ...base, status: 'resolved' }, at(100))).toEqual([]);
    expect(nextDeadline({ ...base, status: 'closed' })).toBeNull();
  });

  it('the next deadline is the earliest unmet one', () => {
    expect(nextDeadline(base)).toEqual(at(1));
    expect(nextDeadline({ ...base, answeredAt: at(0.5) })).toEqual(at(8));
    expect(nextDeadline({ ...base, answeredAt: at(0.5), replyDueAt: null })).toBeNull();
  });

  it('does nothing before the deadline and says when to look again', () => {
    expect(supervisionStep(base, at(0.5), fourHoursLater, hasParent)).toEqual({ kind: 'none', checkAgainAt: at(1) });
  });

  it('supervises an overdue request once', () => {
    expect(supervisionStep(base, at(2), fourHoursLater, hasParent)).toEqual({ kind: 'supervise', obligations: ['answer'], checkAgainAt: at(6) });
  });

  it('escalates when the supervision stays unanswered, level by level, up to the root', () => {
    const supervised = { ...base, supervisionLevel: 1, escalatedAt: at(2), supervisingUnitId: 'enterprise' };
    expect(supervisionStep(supervised, at(5), fourHoursLater, hasParent)).toEqual({ kind: 'none', checkAgainAt: at(6) });
    expect(supervisionStep(supervised, at(6), fourHoursLater, hasParent)).toEqual({ kind: 'escalate', obligations: ['answer'], checkAgainAt: at(10) });
    const atRoot = { ...supervised, supervisionLevel: 3, supervisingUnitId: 'root' };
    expect(supervisionStep(atRoot, at(20), fourHoursLater, hasParent)).toEqual({ kind: 'none', checkAgainAt: null });
  });

  it('stops when the obligation is met (a late answer ends the escalation)', () => {
    const supervised = { ...base, supervisionLevel: 1, escalatedAt: at(2), supervisingUnitId: 'enterprise', answeredAt: at(3) };
    expect(supervisionStep(supervised, at(6), fourHoursLater, hasParent)).toEqual({ kind: 'none', checkAgainAt: at(8) });
  });

  it('a request that was down at its deadline is supervised on the first check after', () => {
    expect(supervisionStep(base, at(72), fourHoursLater, hasParent).kind).toBe('supervise');
  });
});
