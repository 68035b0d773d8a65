/**
 * The events counselling (面) publishes for other modules: the only part of counselling that the individual tier (点)
 * may import (the lint rule in eslint.config.js enforces it).
 */

/** Published when a counsellor flags a crisis from a session; the individual tier (点) opens the crisis case. */
export const COUNSELLING_CRISIS_FLAGGED = 'counselling.crisis_flagged';
/** Published when a counsellor asks for a referral (转介); the individual tier handles it. */
export const COUNSELLING_REFERRAL_REQUESTED = 'counselling.referral_requested';

/** Published when an appointment is booked (also the new one of a reschedule); 线上心理疏导 opens online ones. */
export const COUNSELLING_APPOINTMENT_BOOKED = 'counselling.appointment_booked';
/** Published when an appointment is cancelled or moved (its conversation, if any, closes). */
export const COUNSELLING_APPOINTMENT_CLOSED = 'counselling.appointment_closed';

export interface AppointmentBookedEvent {
  appointmentId: string;
  workerId: string;
  orgUnitId: string;
  counsellorId: string;
  mode: 'in_person' | 'online';
  /** ISO 8601. */
  startsAt: string;
}

export interface AppointmentClosedEvent {
  appointmentId: string;
  status: 'cancelled' | 'rescheduled';
}
