import { conflict, illegalTransition } from '../../platform/errors/domain-error.js';

/**
 * A request's life: `new` (received, waiting to be answered) → `in_progress` (a unit is on it) → `resolved` (a
 * resolution is recorded and shown to the worker) → `closed` (the worker rated it, or staff closed it). A forward
 * puts it in `forwarded` until the receiving unit accepts or returns it. A worker may reopen a resolved or closed
 * request within the reopening period.
 */
export const REQUEST_STATUSES = ['new', 'in_progress', 'forwarded', 'resolved', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses in which the desk still owes the worker something (deadlines run, supervision applies). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['new', 'in_progress', 'forwarded'];
export const isOpen = (status: RequestStatus): boolean => OPEN_STATUSES.includes(status);

export const REQUEST_ACTIONS = ['acknowledge', 'reply', 'forward', 'accept', 'return', 'resolve', 'close', 'feedback', 'reopen'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** For each action, the statuses it may start from and where it leads. Anything not listed is illegal. */
export const TRANSITIONS: Readonly<Record<RequestAction, Partial<Record<RequestStatus, RequestStatus>>>> = {
  acknowledge: { new: 'in_progress' },
  // Answering the worker also acknowledges a new request; a reply after resolution keeps it resolved.
  reply: { new: 'in_progress', in_progress: 'in_progress', resolved: 'resolved' },
  forward: { new: 'forwarded', in_progress: 'forwarded' },
  accept: { forwarded: 'in_progress' },
  return: { forwarded: 'in_progress' },
  resolve: { in_progress: 'resolved' },
  // Staff close (a hotline call settled on the phone, or a resolved request the worker never rated).
  close: { in_progress: 'closed', resolved: 'closed' },
  // The worker's satisfaction rating closes a resolved request.
  feedback: { resolved: 'closed' },
  reopen: { resolved: 'in_progress', closed: 'in_progress' },
};

/** Actions that end the desk's work: each needs a reply to the worker first (有诉必回). */
const NEED_REPLY: readonly RequestAction[] = ['resolve', 'close', 'feedback'];

export interface StateFacts {
  status: RequestStatus;
  /** At least one reply was given to the worker (visible in their own view). */
  hasReply: boolean;
  /** When the request was last resolved or closed (the reopening period runs from the later of the two). */
  settledAt: Date | null;
}

export const allowedActions = (status: RequestStatus): RequestAction[] => REQUEST_ACTIONS.filter((action) => TRANSITIONS[action][status] !== undefined);

export const noReply = () =>
  conflict('REPLY_REQUIRED', '尚未答复职工，不能办结（有诉必回）', 'The worker has not been replied to yet; nothing closes without a reply');

export const reopenWindowClosed = (until: Date) =>
  conflict('REOPEN_PERIOD_OVER', `重新办理的期限已过（截至 ${until.toISOString()}）`, `The period to reopen ended at ${until.toISOString()}`, { until: until.toISOString() });

/**
 * Where `action` takes a request, or a 409: ILLEGAL_TRANSITION (naming the actions allowed from here),
 * REPLY_REQUIRED, or REOPEN_PERIOD_OVER.
 */
export function nextStatus(facts: StateFacts, action: RequestAction, now: Date, reopenPeriodMs: number): RequestStatus {
  const to = TRANSITIONS[action][facts.status];
  if (to === undefined) throw illegalTransition(facts.status, action, allowedActions(facts.status));
  if (NEED_REPLY.includes(action) && !facts.hasReply) throw noReply();
  if (action === 'reopen') {
    const until = reopenUntil(facts.settledAt, reopenPeriodMs);
    if (!until || now > until) throw reopenWindowClosed(until ?? now);
  }
  return to;
}

/** The last moment a worker may reopen (null when the request was never settled). */
export function reopenUntil(settledAt: Date | null, reopenPeriodMs: number): Date | null {
  return settledAt ? new Date(settledAt.getTime() + reopenPeriodMs) : null;
}

export const STATUS_LABELS: Record<RequestStatus, { zh: string; en: string }> = {
  new: { zh: '待受理', en: 'Received' },
  in_progress: { zh: '办理中', en: 'In progress' },
  forwarded: { zh: '已转办', en: 'Forwarded' },
  resolved: { zh: '已办结，待评价', en: 'Resolved, awaiting your rating' },
  closed: { zh: '已关闭', en: 'Closed' },
};
