/**
 * Domain events of the assessments module. Contract for subscribers (the individual tier opens a crisis case on
 * `assessment.crisis`): published in the same transaction as the result, through the outbox, with the result id as
 * idempotency key, so each subscriber gets it exactly once even across crashes.
 */
export const ASSESSMENT_CRISIS = 'assessment.crisis';

export interface AssessmentCrisisEvent {
  resultId: string;
  workerId: string;
  /** The worker's unit when they answered. */
  orgUnitId: string;
  instrumentCode: string;
  /** Codes of the crisis rules that fired, e.g. `item_9_above_0`, `total_at_least_20`. */
  reasons: string[];
  /** ISO 8601. */
  occurredAt: string;
}
