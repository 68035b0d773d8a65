import { HOUR, MINUTE } from '../../../platform/clock/clock.js';
import { badRequest, conflict } from '../../../platform/errors/domain-error.js';
import type { Transitions } from '../../../platform/state-machine.js';

export const SESSION_MODES = ['in_person', 'online'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const SLOT_STATUSES = ['open', 'withdrawn'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'rescheduled', 'attended', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * `rescheduled` closes the old appointment (a new one holds the new slot). `no_show` may be corrected to
 * `attended` (the worker came late); `attended` is final, since session notes hang on it.
 */
export const APPOINTMENT_TRANSITIONS: Transitions<AppointmentStatus> = {
  booked: ['cancelled', 'rescheduled', 'attended', 'no_show'],
  no_show: ['attended'],
  attended: [],
  cancelled: [],
  rescheduled: [],
};

/** Statuses in which an appointment holds its slot (the slot cannot be booked again). */
export const HOLDS_SLOT: readonly AppointmentStatus[] = ['booked', 'attended', 'no_show'];

export const MIN_SLOT_MS = 15 * MINUTE;
export const MAX_SLOT_MS = 4 * HOUR;
/** Reminders go out this long before the start. */
export const REMINDER_LEAD_MS = 24 * HOUR;

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** What is wrong with a slot, as an error code (null when it can be published). */
export function slotProblem(slot: Interval & { mode: SessionMode; place?: string | null }, now: Date): string | null {
  const length = slot.endsAt.getTime() - slot.startsAt.getTime();
  if (length <= 0) return 'SLOT_TIMES_INVALID';
  if (length < MIN_SLOT_MS || length > MAX_SLOT_MS) return 'SLOT_LENGTH';
  if (slot.startsAt <= now) return 'SLOT_IN_PAST';
  if (slot.mode === 'in_person' && !slot.place?.trim()) return 'PLACE_REQUIRED';
  return null;
}

/** Half-open intervals: a slot ending at 10:00 and one starting at 10:00 do not overlap. */
export const overlaps = (a: Interval, b: Interval): boolean => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** When to remind: REMINDER_LEAD_MS before the start, or never when that moment has already passed. */
export function reminderAt(startsAt: Date, now: Date, leadMs = REMINDER_LEAD_MS): Date | null {
  const at = new Date(startsAt.getTime() - leadMs);
  return at > now ? at : null;
}

/** A worker changes (reschedules or cancels) an appointment only before it starts. */
export function assertChangeable(startsAt: Date, now: Date): void {
  if (startsAt <= now) {
    throw conflict('APPOINTMENT_STARTED', '咨询已开始或已结束，不能再改约或取消', 'The session has started; it can no longer be changed or cancelled');
  }
}

/** Attendance (attended / no-show) is marked once the session has started. */
export function assertAttendanceOpen(startsAt: Date, now: Date): void {
  if (now < startsAt) throw conflict('SESSION_NOT_STARTED', '咨询开始后才能登记到场情况', 'Attendance can be marked once the session has started');
}

export const MAX_WINDOW_MS = 31 * 24 * HOUR;

/** A list window: `from` defaults to now, `to` to `defaultDays` later; at most 31 days (400 otherwise). */
export function resolveWindow(from: string | undefined, to: string | undefined, now: Date, defaultDays = 14): { from: Date; to: Date } {
  const start = from ? new Date(from) : now;
  const end = to ? new Date(to) : new Date(start.getTime() + defaultDays * 24 * HOUR);
  if (end <= start) throw badRequest('WINDOW_INVALID', '结束时间须晚于开始时间', '`to` must be after `from`');
  if (end.getTime() - start.getTime() > MAX_WINDOW_MS) throw badRequest('WINDOW_TOO_LONG', '查询时间范围不能超过 31 天', 'The window can be at most 31 days');
  return { from: start, to: end };
}
