/**
 * A counsellor's office hours for online messages: windows of local time on ISO weekdays (1 = Monday … 7 = Sunday),
 * e.g. `{weekday: 1, from: '09:00', to: '17:30'}`. Outside them a worker's message gets the automatic reply. Pure:
 * no clock, no config.
 */
export interface OfficeHoursWindow {
  weekday: number;
  /** `HH:MM`, local time. */
  from: string;
  /** `HH:MM`, local time, after `from` (`24:00` for the end of the day). */
  to: string;
}

/** Used until a counsellor sets their own: Monday to Friday, 09:00–17:30. */
export const DEFAULT_OFFICE_HOURS: readonly OfficeHoursWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:30' }));

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function minutesOf(time: string): number {
  const match = TIME.exec(time);
  if (!match) return NaN;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : NaN;
}

/** What is wrong with a set of windows (an empty list means never in office), or null. */
export function invalidWindow(windows: readonly OfficeHoursWindow[]): OfficeHoursWindow | null {
  return windows.find((w) => !Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7 || !(minutesOf(w.from) < minutesOf(w.to))) ?? null;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The ISO weekday and minutes after local midnight of an instant in a time zone. */
export function localTime(at: Date, timeZone: string): { weekday: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: WEEKDAYS[part('weekday')], minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

export function inOfficeHours(windows: readonly OfficeHoursWindow[], at: Date, timeZone: string): boolean {
  const local = localTime(at, timeZone);
  return windows.some((w) => w.weekday === local.weekday && minutesOf(w.from) <= local.minutes && local.minutes < minutesOf(w.to));
}
