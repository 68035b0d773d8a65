import { move } from '../../../platform/state-machine.js';
import { placeRegistration, promotions, REGISTRATION_TRANSITIONS, waitlistPlace } from './registration-rules.js';

describe('event registration placement', () => {
  it('seats while there is room', () => {
    expect(placeRegistration(2, 0, true)).toBe('registered');
    expect(placeRegistration(2, 1, false)).toBe('registered');
  });

  it('puts the worker on the waiting list when full and the event keeps one', () => {
    expect(placeRegistration(2, 2, true)).toBe('waitlisted');
  });

  it('refuses with 409 EVENT_FULL when full and there is no waiting list', () => {
    expect(() => placeRegistration(2, 2, false)).toThrow(expect.objectContaining({ status: 409, code: 'EVENT_FULL' }));
  });
});

describe('waiting-list promotion', () => {
  const waitlist = [
    { id: 'c', position: 7 },
    { id: 'a', position: 3 },
    { id: 'b', position: 5 },
  ];

  it('promotes the longest-waiting first, one per free seat', () => {
    expect(promotions(10, 9, waitlist)).toEqual(['a']);
    expect(promotions(10, 8, waitlist)).toEqual(['a', 'b']);
    expect(promotions(10, 0, waitlist)).toEqual(['a', 'b', 'c']);
  });

  it('promotes nobody when no seat is free (or capacity was lowered below the seated count)', () => {
    expect(promotions(10, 10, waitlist)).toEqual([]);
    expect(promotions(5, 8, waitlist)).toEqual([]);
    expect(promotions(5, 2, [])).toEqual([]);
  });

  it('tells a waiting worker their place in the queue', () => {
    expect(waitlistPlace({ id: 'b', position: 5 }, waitlist)).toBe(2);
    expect(waitlistPlace({ id: 'x', position: 1 }, waitlist)).toBeNull();
  });
});

describe('registration status', () => {
  it('allows promotion, cancellation, check-in and registering again after cancelling', () => {
    expect(move(REGISTRATION_TRANSITIONS, 'waitlisted', 'registered')).toBe('registered');
    expect(move(REGISTRATION_TRANSITIONS, 'registered', 'attended')).toBe('attended');
    expect(move(REGISTRATION_TRANSITIONS, 'cancelled', 'waitlisted')).toBe('waitlisted');
  });

  it('refuses checking in someone on the waiting list, and any move after attending', () => {
    expect(() => move(REGISTRATION_TRANSITIONS, 'waitlisted', 'attended')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    expect(() => move(REGISTRATION_TRANSITIONS, 'attended', 'cancelled')).toThrow(expect.objectContaining({ status: 409 }));
  });
});
