import { canMove as allowed, move, type Transitions } from '../../../platform/state-machine.js';

/** States of a crisis case: `open → acknowledged → in_progress → (referred) → monitoring → closed`, with reopening. */
export const CASE_STATES = ['open', 'acknowledged', 'in_progress', 'referred', 'monitoring', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/**
 * Where each state may go. An open case must be acknowledged by someone before anything else happens to it (nothing
 * may wait unseen); work moves between in_progress, referred and monitoring as the case needs; a closed case can be
 * reopened, back to in_progress (whoever reopens it is already working on it).
 */
export const CASE_TRANSITIONS: Transitions<CaseState> = {
  open: ['acknowledged'],
  acknowledged: ['in_progress', 'closed'],
  in_progress: ['referred', 'monitoring', 'closed'],
  referred: ['in_progress', 'monitoring', 'closed'],
  monitoring: ['in_progress', 'referred', 'closed'],
  closed: ['in_progress'],
};

export const allowedFrom = (state: CaseState): readonly CaseState[] => CASE_TRANSITIONS[state];

export const canMove = (from: CaseState, to: CaseState): boolean => allowed(CASE_TRANSITIONS, from, to);

/** Throws 409 ILLEGAL_TRANSITION naming the allowed targets (the kernel's one state machine). */
export function assertCaseTransition(from: CaseState, to: CaseState): void {
  move(CASE_TRANSITIONS, from, to);
}

/** Closing and reopening need a reason on the record. */
export const needsReason = (from: CaseState, to: CaseState): boolean => to === 'closed' || from === 'closed';

/** A case is active (in queues, escalations) until it is closed. */
export const isActive = (state: CaseState): boolean => state !== 'closed';

export const STATE_ZH: Record<CaseState, string> = {
  open: '待确认',
  acknowledged: '已确认',
  in_progress: '处理中',
  referred: '已转介',
  monitoring: '随访观察',
  closed: '已结案',
};
