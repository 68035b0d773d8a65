import { conflict } from '../../../platform/errors/domain-error.js';
import type { Transitions } from '../../../platform/state-machine.js';

export const EVENT_KINDS = ['lecture', 'workshop'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled', 'attended'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A cancelled registration may register again (it then joins the back of the queue). */
export const REGISTRATION_TRANSITIONS: Transitions<RegistrationStatus> = {
  registered: ['cancelled', 'attended'],
  waitlisted: ['registered', 'cancelled'],
  cancelled: ['registered', 'waitlisted'],
  attended: [],
};

/** Statuses that hold a seat. */
export const SEATED: readonly RegistrationStatus[] = ['registered', 'attended'];

/**
 * Where a new registration goes. A full event puts the worker on its waiting list when the event keeps one;
 * otherwise the registration is refused with 409 EVENT_FULL.
 */
export function placeRegistration(capacity: number, seated: number, allowWaitlist: boolean): 'registered' | 'waitlisted' {
  if (seated < capacity) return 'registered';
  if (allowWaitlist) return 'waitlisted';
  throw conflict('EVENT_FULL', '名额已满', 'This event is full', { capacity });
}

export interface Queued {
  id: string;
  /** Order of joining; the lowest waits longest. */
  position: number;
}

/** Who moves up from the waiting list when seats free up: the longest-waiting first, as many as there are free seats. */
export function promotions(capacity: number, seated: number, waitlist: readonly Queued[]): string[] {
  const free = Math.max(0, capacity - seated);
  return [...waitlist].sort((a, b) => a.position - b.position).slice(0, free).map((entry) => entry.id);
}

/** 1-based place in the waiting list, or null when not waiting. */
export function waitlistPlace(own: Queued, waitlist: readonly Queued[]): number | null {
  const order = [...waitlist].sort((a, b) => a.position - b.position);
  const index = order.findIndex((entry) => entry.id === own.id);
  return index < 0 ? null : index + 1;
}
