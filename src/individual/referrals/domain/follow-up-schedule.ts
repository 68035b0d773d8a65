import { DAY } from '../../../platform/clock/clock.js';

/** A follow-up is due on its day and overdue once that day has passed without it being recorded. */
export const OVERDUE_AFTER_MS = DAY;

export type FollowUpStatus = 'upcoming' | 'due' | 'overdue' | 'done';

/** The due dates of a referral's follow-ups: `days` (e.g. 7, 30, 90) after it was sent. */
export const followUpDates = (sentAt: Date, days: readonly number[]): Date[] => days.map((d) => new Date(sentAt.getTime() + d * DAY));

export function followUpStatus(f: { dueAt: Date; completedAt: Date | null }, now: Date): FollowUpStatus {
  if (f.completedAt) return 'done';
  if (now < f.dueAt) return 'upcoming';
  return now.getTime() >= f.dueAt.getTime() + OVERDUE_AFTER_MS ? 'overdue' : 'due';
}

/** Due times before which a follow-up left open counts as overdue at `now`. */
export const overdueCutoff = (now: Date): Date => new Date(now.getTime() - OVERDUE_AFTER_MS);
