import { DAY, HOUR } from '../../../platform/clock/clock.js';
import { deadlineAfterLevelChange, escalationKey, nextEscalationAt, responseDeadline, type Deadlines } from './deadlines.js';

const DEFAULTS: Deadlines = { imminent: HOUR, urgent: DAY, concern: 3 * DAY };
const T0 = new Date('2026-11-25T02:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('response deadlines', () => {
  it('defaults to 1 hour, 24 hours and 72 hours after opening', () => {
    expect(responseDeadline('imminent', T0, DEFAULTS)).toEqual(at(HOUR));
    expect(responseDeadline('urgent', T0, DEFAULTS)).toEqual(at(DAY));
    expect(responseDeadline('concern', T0, DEFAULTS)).toEqual(at(3 * DAY));
  });

  it('follows configured deadlines', () => {
    expect(responseDeadline('urgent', T0, { ...DEFAULTS, urgent: 4 * HOUR })).toEqual(at(4 * HOUR));
  });

  it('brings an open case forward when its level is raised', () => {
    const open = { state: 'open' as const, dueAt: at(3 * DAY) };
    expect(deadlineAfterLevelChange(open, 'imminent', at(2 * HOUR), DEFAULTS)).toEqual(at(3 * HOUR));
  });

  it('never lets an open case wait longer when its level is lowered', () => {
    const open = { state: 'open' as const, dueAt: at(HOUR) };
    expect(deadlineAfterLevelChange(open, 'concern', at(10 * 60_000), DEFAULTS)).toEqual(at(HOUR));
  });

  it('leaves the deadline of an acknowledged case as it was', () => {
    for (const state of ['acknowledged', 'in_progress', 'referred', 'monitoring', 'closed'] as const) {
      expect(deadlineAfterLevelChange({ state, dueAt: at(DAY) }, 'imminent', at(2 * HOUR), DEFAULTS)).toEqual(at(DAY));
    }
  });

  it('schedules the next escalation one more deadline after a check, even when the check ran late', () => {
    expect(nextEscalationAt('imminent', at(HOUR), DEFAULTS)).toEqual(at(2 * HOUR));
    expect(nextEscalationAt('imminent', at(7 * HOUR), DEFAULTS)).toEqual(at(8 * HOUR));
    expect(nextEscalationAt('concern', at(3 * DAY), DEFAULTS)).toEqual(at(6 * DAY));
  });

  it('keys each escalation check by case, level and time', () => {
    expect(escalationKey('c1', 'urgent', at(DAY))).toBe(`crisis.escalate:c1:urgent:${at(DAY).getTime()}`);
    expect(escalationKey('c1', 'urgent', at(DAY))).not.toBe(escalationKey('c1', 'imminent', at(DAY)));
    expect(escalationKey('c1', 'urgent', at(DAY))).not.toBe(escalationKey('c1', 'urgent', at(2 * DAY)));
  });
});
