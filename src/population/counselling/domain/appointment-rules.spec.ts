import { HOUR, MINUTE } from '../../../platform/clock/clock.js';
import { move } from '../../../platform/state-machine.js';
import {
  APPOINTMENT_TRANSITIONS,
  assertAttendanceOpen,
  assertChangeable,
  HOLDS_SLOT,
  overlaps,
  reminderAt,
  resolveWindow,
  slotProblem,
} from './appointment-rules.js';
import { CONCERN_CATEGORIES, CONCERN_CODES, concernLabel } from './concerns.js';

const now = new Date('2026-11-25T02:00:00Z');
const at = (hours: number, minutes = 0) => new Date(now.getTime() + hours * HOUR + minutes * MINUTE);

describe('appointment status', () => {
  it('books, then attends, misses, cancels or moves', () => {
    for (const to of ['attended', 'no_show', 'cancelled', 'rescheduled'] as const) expect(move(APPOINTMENT_TRANSITIONS, 'booked', to)).toBe(to);
  });

  it('lets a no-show be corrected to attended, never the reverse', () => {
    expect(move(APPOINTMENT_TRANSITIONS, 'no_show', 'attended')).toBe('attended');
    expect(() => move(APPOINTMENT_TRANSITIONS, 'attended', 'no_show')).toThrow(expect.objectContaining({ status: 409, code: 'ILLEGAL_TRANSITION' }));
  });

  it('refuses bringing back a cancelled or rescheduled appointment', () => {
    expect(() => move(APPOINTMENT_TRANSITIONS, 'cancelled', 'booked')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    expect(() => move(APPOINTMENT_TRANSITIONS, 'rescheduled', 'attended')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  it('keeps the slot held by booked, attended and no-show appointments only', () => {
    expect([...HOLDS_SLOT].sort()).toEqual(['attended', 'booked', 'no_show']);
  });
});

describe('slots', () => {
  const slot = { startsAt: at(24), endsAt: at(25), mode: 'in_person' as const, place: '职工服务中心 3 楼' };

  it('accepts an hour in person with a place, or online without one', () => {
    expect(slotProblem(slot, now)).toBeNull();
    expect(slotProblem({ ...slot, mode: 'online', place: null }, now)).toBeNull();
  });

  it('names what is wrong', () => {
    expect(slotProblem({ ...slot, endsAt: slot.startsAt }, now)).toBe('SLOT_TIMES_INVALID');
    expect(slotProblem({ ...slot, endsAt: at(24, 10) }, now)).toBe('SLOT_LENGTH');
    expect(slotProblem({ ...slot, endsAt: at(29) }, now)).toBe('SLOT_LENGTH');
    expect(slotProblem({ ...slot, startsAt: at(-1), endsAt: at(0) }, now)).toBe('SLOT_IN_PAST');
    expect(slotProblem({ ...slot, place: '  ' }, now)).toBe('PLACE_REQUIRED');
  });

  it('treats intervals as half-open', () => {
    expect(overlaps({ startsAt: at(1), endsAt: at(2) }, { startsAt: at(2), endsAt: at(3) })).toBe(false);
    expect(overlaps({ startsAt: at(1), endsAt: at(2) }, { startsAt: at(1, 30), endsAt: at(3) })).toBe(true);
    expect(overlaps({ startsAt: at(1), endsAt: at(4) }, { startsAt: at(2), endsAt: at(3) })).toBe(true);
  });
});

describe('reminders and changes', () => {
  it('reminds 24 hours before, and not at all when that has passed', () => {
    expect(reminderAt(at(72), now)).toEqual(at(48));
    expect(reminderAt(at(24), now)).toBeNull();
    expect(reminderAt(at(23), now)).toBeNull();
  });

  it('lets the worker change an appointment only before it starts', () => {
    expect(() => assertChangeable(at(1), now)).not.toThrow();
    expect(() => assertChangeable(now, now)).toThrow(expect.objectContaining({ status: 409, code: 'APPOINTMENT_STARTED' }));
  });

  it('opens attendance marking at the start', () => {
    expect(() => assertAttendanceOpen(at(1), now)).toThrow(expect.objectContaining({ code: 'SESSION_NOT_STARTED' }));
    expect(() => assertAttendanceOpen(now, now)).not.toThrow();
  });
});

describe('presenting concern categories', () => {
  it('have a Chinese and an English label for every code', () => {
    for (const code of CONCERN_CODES) {
      const label = concernLabel(code);
      expect(label.zh).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/^[A-Z][A-Za-z ,-]+$/);
    }
    expect(Object.keys(CONCERN_CATEGORIES)).toContain('self_harm_risk');
  });
});

describe('list windows', () => {
  it('defaults to the next fortnight and caps at 31 days', () => {
    expect(resolveWindow(undefined, undefined, now)).toEqual({ from: now, to: at(14 * 24) });
    expect(resolveWindow('2026-11-30T00:00:00Z', '2026-12-07T00:00:00Z', now).to).toEqual(new Date('2026-12-07T00:00:00Z'));
    expect(() => resolveWindow('2026-11-30T00:00:00Z', '2027-01-30T00:00:00Z', now)).toThrow(expect.objectContaining({ status: 400, code: 'WINDOW_TOO_LONG' }));
    expect(() => resolveWindow('2026-11-30T00:00:00Z', '2026-11-29T00:00:00Z', now)).toThrow(expect.objectContaining({ code: 'WINDOW_INVALID' }));
  });
});
