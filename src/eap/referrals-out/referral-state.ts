import { conflict, illegalTransition } from '../../platform/errors/domain-error.js';
import { canMove as allowed, move as moveBy, type Transitions } from '../../platform/state-machine.js';

/**
 * An EAP referral: the individual tier's loop `draft → sent → accepted | declined → attended → completed |
 * dropped_out`, plus `cancelled` (a draft discarded) and `withdrawn` (the union withdrew it or the worker withdrew
 * consent after sending: no more data goes to the vendor).
 */
export const EAP_REFERRAL_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'attended', 'completed', 'dropped_out', 'withdrawn', 'cancelled'] as const;
export type EapReferralStatus = (typeof EAP_REFERRAL_STATUSES)[number];

export const EAP_REFERRAL_TRANSITIONS: Transitions<EapReferralStatus> = {
  draft: ['sent', 'cancelled'],
  sent: ['accepted', 'declined', 'withdrawn'],
  accepted: ['attended', 'dropped_out', 'withdrawn'],
  attended: ['completed', 'dropped_out', 'withdrawn'],
  declined: [],
  completed: [],
  dropped_out: [],
  withdrawn: [],
  cancelled: [],
};

/** Sent and not yet closed: the vendor may still act on it, and a consent withdrawal withdraws it. */
export const OPEN_STATUSES: readonly EapReferralStatus[] = ['sent', 'accepted', 'attended'];
/** What the vendor can see (a draft or a cancelled draft never left the union). */
export const VENDOR_VISIBLE: readonly EapReferralStatus[] = ['sent', 'accepted', 'declined', 'attended', 'completed', 'dropped_out', 'withdrawn'];

export const canMove = (from: EapReferralStatus, to: EapReferralStatus): boolean => allowed(EAP_REFERRAL_TRANSITIONS, from, to);

/** 409 ILLEGAL_TRANSITION unless allowed (the kernel's one state machine). */
export const move = (from: EapReferralStatus, to: EapReferralStatus): EapReferralStatus => moveBy(EAP_REFERRAL_TRANSITIONS, from, to);

export const isClosed = (status: EapReferralStatus): boolean => EAP_REFERRAL_TRANSITIONS[status].length === 0;

/** What a vendor reports. */
export const VENDOR_OUTCOMES = ['accepted', 'declined', 'session_attended', 'completed', 'dropped_out'] as const;
export type VendorOutcome = (typeof VENDOR_OUTCOMES)[number];

export interface OutcomePlan {
  /** The state to move to; null when the report changes no state (a repeat, or a further session). */
  to: EapReferralStatus | null;
  /** The report records an attended session. */
  session: boolean;
}

/** States in which an outcome has already been reached, so a repeated or late report of it changes nothing. */
const REACHED: Record<Exclude<VendorOutcome, 'session_attended'>, readonly EapReferralStatus[]> = {
  accepted: ['accepted', 'attended', 'completed', 'dropped_out'],
  declined: ['declined'],
  completed: ['completed'],
  dropped_out: ['dropped_out'],
};
const TARGET: Record<Exclude<VendorOutcome, 'session_attended'>, EapReferralStatus> = {
  accepted: 'accepted',
  declined: 'declined',
  completed: 'completed',
  dropped_out: 'dropped_out',
};

export const referralWithdrawn = () =>
  conflict('REFERRAL_WITHDRAWN', '该转介已撤回，不再接收或提供任何信息', 'This referral was withdrawn: no further data is exchanged about it');

/**
 * What a vendor's report does to a referral in `status`. Reports are idempotent (vendors retry): one already reached
 * changes nothing. A session is recorded once the referral is accepted (the first one moves it to `attended`), also
 * late, after completion or drop-out. 409 ILLEGAL_TRANSITION when the report cannot follow; 409 REFERRAL_WITHDRAWN
 * once withdrawn.
 */
export function planOutcome(status: EapReferralStatus, outcome: VendorOutcome): OutcomePlan {
  if (status === 'withdrawn') throw referralWithdrawn();
  if (outcome === 'session_attended') {
    if (status === 'accepted') return { to: 'attended', session: true };
    if (status === 'attended' || status === 'completed' || status === 'dropped_out') return { to: null, session: true };
    throw illegalTransition(status, 'attended', EAP_REFERRAL_TRANSITIONS[status]);
  }
  if (REACHED[outcome].includes(status)) return { to: null, session: false };
  return { to: move(status, TARGET[outcome]), session: false };
}
