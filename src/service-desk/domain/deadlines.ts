import { isOpen, type RequestStatus } from './request-state.js';

/**
 * What the desk owes a worker, and when: to answer (接听/受理, default within one working hour; a crisis within minutes
 * of clock time), to reply (答复, default within one working day, again after a reopening), and to resolve a
 * forwarded request by the forward's deadline (转办时限). A request with an unmet obligation past its deadline is
 * overdue; an overdue request is supervised (督办) and escalated up the tree until it is met.
 */
export const OBLIGATIONS = ['answer', 'reply', 'resolve'] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

export interface DeadlineFacts {
  status: RequestStatus;
  answerDueAt: Date | null;
  answeredAt: Date | null;
  /** Set while a reply is owed; cleared by a reply. */
  replyDueAt: Date | null;
  /** Set while a forwarded request must be resolved by the forward's deadline. */
  resolveDueAt: Date | null;
}

function dueOf(facts: DeadlineFacts): Array<[Obligation, Date]> {
  if (!isOpen(facts.status)) return [];
  const due: Array<[Obligation, Date]> = [];
  if (facts.answerDueAt && !facts.answeredAt) due.push(['answer', facts.answerDueAt]);
  if (facts.replyDueAt) due.push(['reply', facts.replyDueAt]);
  if (facts.resolveDueAt) due.push(['resolve', facts.resolveDueAt]);
  return due;
}

/** Obligations whose deadline has passed (a deadline at exactly `now` has passed). */
export function overdueObligations(facts: DeadlineFacts, now: Date): Obligation[] {
  return dueOf(facts)
    .filter(([, at]) => at <= now)
    .map(([obligation]) => obligation);
}

/** The earliest unmet deadline (past or future), or null when nothing is owed: the queue sorts by it. */
export function nextDeadline(facts: DeadlineFacts): Date | null {
  const dates = dueOf(facts).map(([, at]) => at.getTime());
  return dates.length > 0 ? new Date(Math.min(...dates)) : null;
}

export interface SupervisionFacts extends DeadlineFacts {
  /** 0 when not supervised; 1 at the first supervision; +1 per escalation. */
  supervisionLevel: number;
  /** When it was last supervised or escalated. */
  escalatedAt: Date | null;
  /** The unit supervising it now (null when not supervised). */
  supervisingUnitId: string | null;
}

export type SupervisionStep =
  | { kind: 'none'; checkAgainAt: Date | null }
  | { kind: 'supervise'; obligations: Obligation[]; checkAgainAt: Date }
  | { kind: 'escalate'; obligations: Obligation[]; checkAgainAt: Date };

/**
 * What a deadline check does now. `escalateAt(from)` is when a supervision left unanswered since `from` goes one level
 * up (working time, from the settings); `hasParent(unitId)` tells whether there is a level above.
 * - nothing overdue: nothing to do; check again at the next deadline;
 * - overdue and not supervised: supervise (flag it; the parent of the handling unit supervises);
 * - overdue, supervised, and the escalation time has come: escalate to the parent of the supervising unit, unless
 *   it is the root already (then the root keeps it; no further checks are needed);
 * - overdue, supervised, escalation not yet due: check again when it is.
 */
export function supervisionStep(facts: SupervisionFacts, now: Date, escalateAt: (from: Date) => Date, hasParent: (unitId: string) => boolean): SupervisionStep {
  const overdue = overdueObligations(facts, now);
  if (overdue.length === 0) return { kind: 'none', checkAgainAt: nextDeadline(facts) };
  if (facts.supervisionLevel === 0 || !facts.escalatedAt || !facts.supervisingUnitId) {
    return { kind: 'supervise', obligations: overdue, checkAgainAt: escalateAt(now) };
  }
  const due = escalateAt(facts.escalatedAt);
  if (due > now) return { kind: 'none', checkAgainAt: due };
  if (!hasParent(facts.supervisingUnitId)) return { kind: 'none', checkAgainAt: null };
  return { kind: 'escalate', obligations: overdue, checkAgainAt: escalateAt(now) };
}
