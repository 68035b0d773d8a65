import { DAY, HOUR } from '../../platform/clock/clock.js';

/** Contracts run in calendar days of China Standard Time (UTC+8, no daylight saving). */
const OFFSET_MS = 8 * HOUR;

/** The calendar day (YYYY-MM-DD, China time) an instant falls on. */
export const calendarDay = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The instant a calendar day starts (00:00 China time). */
export const startOfDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS);

/** A calendar day plus (or minus) whole days. */
export const addDays = (day: string, days: number): string => calendarDay(new Date(startOfDay(day).getTime() + days * DAY));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY);

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not): the one definition, in the kernel. */
export { isCalendarDay } from '../../platform/clock/rfc3339.js';
