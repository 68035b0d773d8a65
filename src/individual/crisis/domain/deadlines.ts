import type { CrisisLevel } from '../../shared/levels.js';
import type { CaseState } from './case-state.js';

export type Deadlines = Readonly<Record<CrisisLevel, number>>;

/** When a case opened at `from` with `level` must be acknowledged. */
export const responseDeadline = (level: CrisisLevel, from: Date, deadlines: Deadlines): Date => new Date(from.getTime() + deadlines[level]);

/**
 * The deadline after the level of a case changes. Only an unacknowledged (open) case has a deadline still to meet: it
 * becomes the sooner of the current deadline and now + the new level's deadline, so raising the level brings it
 * forward and lowering it never lets an open case wait longer than promised. After acknowledgement it stays as it was.
 */
export function deadlineAfterLevelChange(current: { state: CaseState; dueAt: Date }, level: CrisisLevel, now: Date, deadlines: Deadlines): Date {
  if (current.state !== 'open') return current.dueAt;
  const candidate = responseDeadline(level, now, deadlines);
  return candidate < current.dueAt ? candidate : current.dueAt;
}

/**
 * The next escalation check after one has run at `now`: one more deadline of the case's level. When the app was down
 * and the check ran late, the next level up still gets a full deadline to respond (no burst up the whole tree).
 */
export const nextEscalationAt = (level: CrisisLevel, now: Date, deadlines: Deadlines): Date => new Date(now.getTime() + deadlines[level]);

/**
 * The dedupe key of an escalation check: per case, level and the time it is due, so each scheduled check exists once
 * however often it is enqueued, and a level change (new level, new time) schedules a new one.
 */
export const escalationKey = (caseId: string, level: CrisisLevel, at: Date): string => `crisis.escalate:${caseId}:${level}:${at.getTime()}`;
