/**
 * Working time (工作时间) for acknowledgement and reply deadlines: a pure function of a schedule, no clock, no config.
 *
 * A schedule is a time zone (IANA, e.g. Asia/Shanghai), the working days of the week, one daily window (e.g.
 * 09:00–17:30) and two lists of local dates: holidays (法定节假日, no work) and make-up working days (调休, work on
 * what would be a weekend). Time zones with daylight saving are handled through Intl; a window that falls into a DST
 * gap is not supported (no working-hour window does in practice).
 */
export interface WorkingSchedule {
  timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: ReadonlySet<number>;
  /** Minutes after local midnight. */
  opensAt: number;
  closesAt: number;
  /** Local dates `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>;
  extraWorkingDays: ReadonlySet<string>;
}

export const MINUTE_MS = 60_000;

/** Parses `09:00-17:30` into minutes after midnight. */
export function parseWindow(text: string): { opensAt: number; closesAt: number } {
  const match = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) throw new RangeError(`working hours must look like 09:00-17:30, got "${text}"`);
  const [h1, m1, h2, m2] = match.slice(1).map(Number);
  const opensAt = h1 * 60 + m1;
  const closesAt = h2 * 60 + m2;
  if (m1 > 59 || m2 > 59 || closesAt > 24 * 60 || opensAt >= closesAt) throw new RangeError(`working hours are not a window within one day: "${text}"`);
  return { opensAt, closesAt };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateList(text: string, what: string): Set<string> {
  const dates = text.split(',').map((d) => d.trim()).filter(Boolean);
  for (const d of dates) if (!DATE.test(d)) throw new RangeError(`${what} must be YYYY-MM-DD dates, got "${d}"`);
  return new Set(dates);
}

export function makeSchedule(input: { timeZone: string; hours: string; days: string; holidays?: string; extraWorkingDays?: string }): WorkingSchedule {
  new Intl.DateTimeFormat('en-US', { timeZone: input.timeZone }); // throws RangeError on an unknown zone
  const days = input.days.split(',').map((d) => Number(d.trim()));
  if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw new RangeError(`working days must be 1-7, got "${input.days}"`);
  return {
    timeZone: input.timeZone,
    workingDays: new Set(days),
    ...parseWindow(input.hours),
    holidays: dateList(input.holidays ?? '', 'holidays'),
    extraWorkingDays: dateList(input.extraWorkingDays ?? '', 'make-up working days'),
  };
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(instant: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** The zone's offset from UTC at `instant`, in ms. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (instant.getTime() - instant.getMilliseconds());
}

/** The instant at local date (y, m, d) plus `minutes` after midnight, in the zone. */
export function localToInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone); // second pass settles DST edges
  return new Date(guess);
}

/** The local calendar date of an instant, `YYYY-MM-DD`. */
export function localDate(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** ISO weekday of a calendar date (1 = Monday). */
function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function isWorkingDay(date: string, schedule: WorkingSchedule): boolean {
  if (schedule.holidays.has(date)) return false;
  if (schedule.extraWorkingDays.has(date)) return true;
  const [y, m, d] = date.split('-').map(Number);
  return schedule.workingDays.has(isoWeekday(y, m, d));
}

/** Length of the daily window in minutes (one working day). */
export const workingDayMinutes = (schedule: WorkingSchedule): number => schedule.closesAt - schedule.opensAt;

const MAX_DAYS_SCANNED = 3660;

/**
 * `start` plus `minutes` of working time. Time outside the window does not count: a request at Friday 17:00 with one
 * working hour to go (window 09:00–17:30) is due Monday 09:30; one on Saturday is due Monday 10:00. A deadline that
 * falls exactly on closing time stays there (17:30), it does not roll to the next morning.
 */
export function addWorkingMinutes(start: Date, minutes: number, schedule: WorkingSchedule): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a non-negative number, got ${minutes}`);
  let remaining = minutes * MINUTE_MS;
  const first = partsIn(start, schedule.timeZone);
  let y = first.year;
  let m = first.month;
  let d = first.day;
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (isWorkingDay(date, schedule)) {
      const opens = localToInstant(y, m, d, schedule.opensAt, schedule.timeZone).getTime();
      const closes = localToInstant(y, m, d, schedule.closesAt, schedule.timeZone).getTime();
      const from = Math.max(start.getTime(), opens);
      if (from < closes) {
        if (remaining === 0) return new Date(from);
        const available = closes - from;
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
      }
    }
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    y = next.getUTCFullYear();
    m = next.getUTCMonth() + 1;
    d = next.getUTCDate();
  }
  throw new RangeError('no working time found within ten years: check the working days and holidays');
}
