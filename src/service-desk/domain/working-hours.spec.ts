import { addWorkingMinutes, isWorkingDay, localDate, makeSchedule, parseWindow, workingDayMinutes } from './working-hours.js';

/** Mon–Fri 09:00–17:30 Beijing time (UTC+8, no DST). */
const shanghai = makeSchedule({ timeZone: 'Asia/Shanghai', hours: '09:00-17:30', days: '1,2,3,4,5' });
/** A local Beijing wall time as an instant. */
const bj = (local: string) => new Date(`${local}+08:00`);
const add = (local: string, minutes: number, schedule = shanghai) => addWorkingMinutes(bj(local), minutes, schedule).toISOString();

describe('working hours', () => {
  // 2026-11-25 is a Wednesday; 2026-11-27 a Friday; 2026-11-30 a Monday.
  it('adds within the same day', () => {
    expect(add('2026-11-25T10:00:00', 60)).toBe(bj('2026-11-25T11:00:00').toISOString());
  });

  it('Friday 17:00 + 1 working hour is Monday 09:30', () => {
    expect(add('2026-11-27T17:00:00', 60)).toBe(bj('2026-11-30T09:30:00').toISOString());
  });

  it('a deadline exactly at closing time stays at closing time', () => {
    expect(add('2026-11-25T16:30:00', 60)).toBe(bj('2026-11-25T17:30:00').toISOString());
  });

  it('at closing time, the hour starts the next working morning', () => {
    expect(add('2026-11-25T17:30:00', 60)).toBe(bj('2026-11-26T10:00:00').toISOString());
  });

  it('before opening, counting starts at opening', () => {
    expect(add('2026-11-25T07:15:00', 60)).toBe(bj('2026-11-25T10:00:00').toISOString());
  });

  it('on a weekend, counting starts Monday morning', () => {
    expect(add('2026-11-28T11:00:00', 60)).toBe(bj('2026-11-30T10:00:00').toISOString());
    expect(add('2026-11-29T23:59:00', 60)).toBe(bj('2026-11-30T10:00:00').toISOString());
  });

  it('across midnight: 23:30 Wednesday counts from Thursday 09:00', () => {
    expect(add('2026-11-25T23:30:00', 60)).toBe(bj('2026-11-26T10:00:00').toISOString());
  });

  it('the local day, not the UTC day, decides (Beijing Saturday 07:00 is Friday 23:00 UTC)', () => {
    const saturdayMorning = bj('2026-11-28T07:00:00');
    expect(saturdayMorning.getUTCDay()).toBe(5);
    expect(addWorkingMinutes(saturdayMorning, 30, shanghai).toISOString()).toBe(bj('2026-11-30T09:30:00').toISOString());
  });

  it('one working day (510 minutes) from Wednesday 10:00 is Thursday 10:00; from Friday 15:00 is Monday 15:00', () => {
    expect(add('2026-11-25T10:00:00', workingDayMinutes(shanghai))).toBe(bj('2026-11-26T10:00:00').toISOString());
    expect(add('2026-11-27T15:00:00', workingDayMinutes(shanghai))).toBe(bj('2026-11-30T15:00:00').toISOString());
  });

  it('spans several days', () => {
    expect(add('2026-11-25T17:00:00', 3 * 510)).toBe(bj('2026-11-30T17:00:00').toISOString());
  });

  it('zero minutes inside the window is now; outside it is the next opening', () => {
    expect(add('2026-11-25T12:00:00', 0)).toBe(bj('2026-11-25T12:00:00').toISOString());
    expect(add('2026-11-27T18:00:00', 0)).toBe(bj('2026-11-30T09:00:00').toISOString());
  });

  it('skips holidays and works make-up days (调休)', () => {
    const national = makeSchedule({
      timeZone: 'Asia/Shanghai',
      hours: '09:00-17:30',
      days: '1,2,3,4,5',
      holidays: '2026-10-01,2026-10-02,2026-10-05',
      extraWorkingDays: '2026-10-10',
    });
    // Wednesday 30 Sep 17:00 + 1h: Thu 1 and Fri 2 are holidays, Mon 5 too → Tuesday 6 Oct 09:30.
    expect(add('2026-09-30T17:00:00', 60, national)).toBe(bj('2026-10-06T09:30:00').toISOString());
    // Saturday 10 Oct is a make-up working day.
    expect(isWorkingDay('2026-10-10', national)).toBe(true);
    expect(add('2026-10-10T09:00:00', 60, national)).toBe(bj('2026-10-10T10:00:00').toISOString());
  });

  it('follows daylight saving time in a zone that has it', () => {
    const berlin = makeSchedule({ timeZone: 'Europe/Berlin', hours: '09:00-17:00', days: '1,2,3,4,5' });
    // Friday 27 March 2026 16:30 CET (UTC+1) + 1h → Monday 30 March 09:30 CEST (UTC+2) = 07:30Z.
    expect(addWorkingMinutes(new Date('2026-03-27T15:30:00Z'), 60, berlin).toISOString()).toBe('2026-03-30T07:30:00.000Z');
  });

  it('gives the local date in the zone', () => {
    expect(localDate(new Date('2026-11-24T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(localDate(new Date('2026-11-24T15:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-24');
  });

  it('refuses malformed settings', () => {
    expect(() => parseWindow('9-17')).toThrow(RangeError);
    expect(() => parseWindow('18:00-09:00')).toThrow(RangeError);
    expect(() => makeSchedule({ timeZone: 'Mars/Olympus', hours: '09:00-17:30', days: '1' })).toThrow(RangeError);
    expect(() => makeSchedule({ timeZone: 'Asia/Shanghai', hours: '09:00-17:30', days: '0,8' })).toThrow(RangeError);
    expect(() => makeSchedule({ timeZone: 'Asia/Shanghai', hours: '09:00-17:30', days: '1', holidays: '1 Oct' })).toThrow(RangeError);
    expect(() => addWorkingMinutes(new Date(), -1, shanghai)).toThrow(RangeError);
  });

  it('fails loudly when there is no working day at all', () => {
    const never = makeSchedule({ timeZone: 'Asia/Shanghai', hours: '09:00-17:30', days: '6', holidays: '' });
    const allHolidays = { ...never, workingDays: new Set<number>() };
    expect(() => addWorkingMinutes(new Date(), 1, allHolidays)).toThrow(/ten years/);
  });
});
