import { DAY, HOUR } from '../../../platform/clock/clock.js';
import { followUpDates, followUpStatus, overdueCutoff } from './follow-up-schedule.js';

const SENT = new Date('2026-11-25T02:00:00.000Z');
const at = (ms: number) => new Date(SENT.getTime() + ms);

describe('follow-up schedule', () => {
  it('falls 7, 30 and 90 days after sending by default, and follows the configured days', () => {
    expect(followUpDates(SENT, [7, 30, 90])).toEqual([at(7 * DAY), at(30 * DAY), at(90 * DAY)]);
    expect(followUpDates(SENT, [3])).toEqual([at(3 * DAY)]);
  });

  it('is upcoming before its day, due on it, overdue a day later, done once recorded', () => {
    const f = { dueAt: at(7 * DAY), completedAt: null };
    expect(followUpStatus(f, at(7 * DAY - 1))).toBe('upcoming');
    expect(followUpStatus(f, at(7 * DAY))).toBe('due');
    expect(followUpStatus(f, at(8 * DAY - 1))).toBe('due');
    expect(followUpStatus(f, at(8 * DAY))).toBe('overdue');
    expect(followUpStatus({ ...f, completedAt: at(9 * DAY) }, at(20 * DAY))).toBe('done');
  });

  it('counts as overdue what was due more than a day ago', () => {
    expect(overdueCutoff(at(10 * DAY))).toEqual(at(9 * DAY));
    expect(overdueCutoff(at(HOUR))).toEqual(at(HOUR - DAY));
  });
});
