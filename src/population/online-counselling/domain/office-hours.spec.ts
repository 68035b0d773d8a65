import { DEFAULT_OFFICE_HOURS, inOfficeHours, invalidWindow, localTime } from './office-hours.js';

const TZ = 'Asia/Shanghai';

describe('office hours', () => {
  it('reads local weekday and time in the time zone', () => {
    // 2026-12-01 is a Tuesday; 01:30 UTC is 09:30 in Beijing.
    expect(localTime(new Date('2026-12-01T01:30:00Z'), TZ)).toEqual({ weekday: 2, minutes: 9 * 60 + 30 });
    // Late Sunday evening UTC is already Monday in Beijing.
    expect(localTime(new Date('2026-12-06T20:00:00Z'), TZ)).toEqual({ weekday: 1, minutes: 4 * 60 });
  });

  it('is in office inside a window, out of it at the closing minute, at night and at the weekend', () => {
    expect(inOfficeHours(DEFAULT_OFFICE_HOURS, new Date('2026-12-01T01:00:00Z'), TZ)).toBe(true); // Tue 09:00
    expect(inOfficeHours(DEFAULT_OFFICE_HOURS, new Date('2026-12-01T09:30:00Z'), TZ)).toBe(false); // Tue 17:30
    expect(inOfficeHours(DEFAULT_OFFICE_HOURS, new Date('2026-12-01T14:00:00Z'), TZ)).toBe(false); // Tue 22:00
    expect(inOfficeHours(DEFAULT_OFFICE_HOURS, new Date('2026-12-05T03:00:00Z'), TZ)).toBe(false); // Sat 11:00
    expect(inOfficeHours([], new Date('2026-12-01T03:00:00Z'), TZ)).toBe(false);
  });

  it('refuses windows that are not a time span on a weekday', () => {
    expect(invalidWindow([{ weekday: 1, from: '09:00', to: '24:00' }])).toBeNull();
    expect(invalidWindow([{ weekday: 0, from: '09:00', to: '10:00' }])).not.toBeNull();
    expect(invalidWindow([{ weekday: 1, from: '10:00', to: '09:00' }])).not.toBeNull();
    expect(invalidWindow([{ weekday: 1, from: '9:00', to: '10:00' }])).not.toBeNull();
    expect(invalidWindow([{ weekday: 1, from: '09:00', to: '24:30' }])).not.toBeNull();
  });
});
