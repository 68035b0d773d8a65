/**
 * The one written form of time the API accepts (RFC 3339): instants `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`
 * and calendar days `YYYY-MM-DD`. Every field is range-checked against the real calendar (no 2026-02-30, no
 * 24:00, no 2026-13-01), so whatever passes, `new Date()` reads as the instant the client meant. ISO 8601's other
 * forms (week and ordinal dates, the basic format, `+YYYYYY` years, decimal commas, hour-only times) are refused.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) => [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

function realDay(year: string, month: string, day: string): boolean {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** A real calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = DAY.exec(text);
  return match !== null && realDay(match[1], match[2], match[3]);
}

/** The instant an RFC 3339 date-time names, or null when it is not one (or not a real date and time). */
export function parseInstant(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const match = INSTANT.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, , zone, , offsetHours, offsetMinutes] = match;
  if (!realDay(year, month, day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  if (zone !== 'Z' && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

export const isInstant = (text: unknown): text is string => parseInstant(text) !== null;
