import type { Transitions } from '../../../platform/state-machine.js';

/** A programme is drafted (rule, activities), run (enrolment, activities due), then closed. */
export const PROGRAMME_STATUSES = ['draft', 'active', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export const PROGRAMME_TRANSITIONS: Transitions<ProgrammeStatus> = {
  draft: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

/**
 * A worker is invited (by a bulk enrolment or automatically on a profile change) and may accept or decline; staff
 * may withdraw an enrolment; closing the programme completes the accepted and withdraws the unanswered. Declining is
 * final: the unique (programme, worker) key means a declined worker is never invited to that programme again.
 */
export const ENROLMENT_STATUSES = ['invited', 'accepted', 'declined', 'withdrawn', 'completed'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_TRANSITIONS: Transitions<EnrolmentStatus> = {
  invited: ['accepted', 'declined', 'withdrawn'],
  accepted: ['declined', 'withdrawn', 'completed'],
  declined: [],
  withdrawn: [],
  completed: [],
};
/** Enrolments that take part: the denominator of participation and the cohort of outcome measures. */
export const TAKING_PART: readonly EnrolmentStatus[] = ['accepted', 'completed'];

/** An activity is scheduled, starts when due (tasks and notices go out), or is cancelled before that. */
export const ACTIVITY_STATUSES = ['scheduled', 'started', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_TRANSITIONS: Transitions<ActivityStatus> = {
  scheduled: ['started', 'cancelled'],
  started: [],
  cancelled: [],
};

export const ACTIVITY_KINDS = ['screening', 'education', 'group_session', 'check_in'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
/** Baseline screenings give the "before" of outcome measures, follow-ups the "after". */
export const SCREENING_PHASES = ['baseline', 'follow_up'] as const;
export type ScreeningPhase = (typeof SCREENING_PHASES)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_TRANSITIONS: Transitions<TaskStatus> = {
  open: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

/** What a task asks of its counsellor; a check-in is one per enrolled worker, the others one per activity. */
export const TASK_KINDS = ['check_in', 'run_session', 'review_screening', 'confirm_education'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_OF: Record<ActivityKind, TaskKind> = {
  check_in: 'check_in',
  group_session: 'run_session',
  screening: 'review_screening',
  education: 'confirm_education',
};

/** How a task ended: a check-in records whether the worker was reached; other tasks are simply done. */
export const CHECK_IN_OUTCOMES = ['attended', 'no_show', 'unreachable'] as const;
export const TASK_OUTCOMES = [...CHECK_IN_OUTCOMES, 'done'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** Whether `outcome` may close a task of `kind`: check-ins need one of CHECK_IN_OUTCOMES, the others `done`. */
export function outcomeFits(kind: TaskKind, outcome: TaskOutcome): boolean {
  return kind === 'check_in' ? (CHECK_IN_OUTCOMES as readonly string[]).includes(outcome) : outcome === 'done';
}

/** Attendance a check-in outcome implies (a worker not reached is absent). */
export function attendanceOf(outcome: TaskOutcome): 'present' | 'absent' | null {
  if (outcome === 'attended') return 'present';
  if (outcome === 'no_show' || outcome === 'unreachable') return 'absent';
  return null;
}
