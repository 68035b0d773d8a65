import { isCalendarDay, parseInstant } from './rfc3339.js';

describe('RFC 3339 at the edge', () => {
  it.each(['2026-05-04T03:00:00Z', '2026-05-04T03:00:00.123Z', '2026-05-04T11:00:00+08:00', '2028-02-29T00:00:00-05:30', '2026-12-31T23:59:59.999999Z'])(
    'reads %s',
    (text) => expect(parseInstant(text)?.getTime()).toBe(new Date(text).getTime()),
  );

  it.each([
    '2026-05-04T03Z', '2026-W19-1T10:00:00Z', '2026-W19-7T10:00:00Z', '20260520T100000Z', '2026-124T10:00:00Z',
    '+002026-05-04T10:00:00Z', '2026-05-04T10:00:00,5Z', '2026-05-04T24:00:00Z', '2026-05-04T10:60:00Z',
    '2026-02-29T10:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-04-31T00:00:00Z',
    '2026-05-04T10:00:00', '2026-05-04', '2026-05-04T10:00Z', '2026-05-04T10:00:00+24:00', ' 2026-05-04T10:00:00Z', '',
  ])('refuses %s', (text) => expect(parseInstant(text)).toBeNull());

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 0, 1_777_000_000_000, {}, []]) expect(parseInstant(value)).toBeNull();
  });

  it('knows the calendar: leap days, month lengths, impossible months', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2000-02-29')).toBe(true);
    expect(isCalendarDay('9999-12-31')).toBe(true);
    for (const day of ['2026-02-29', '1900-02-29', '9999-99-99', '2026-13-01', '2027-00-10', '2026-06-31', '0000-01-01', '2026-1-01', '2026-W19'])
      expect(isCalendarDay(day)).toBe(false);
  });
});
