/**
 * Domain events of the assessments module. Contract for subscribers (the individual tier opens a crisis case on
 * `assessment.crisis`): published in the same transaction as the result, through the outbox, with the result id as
 * idempotency key, so each subscriber gets it exactly once even across crashes.
 *
 * The event says everything the individual tier needs (the level the instrument's crisis rules chose, and why), so
 * 点 never reads 面's instruments, tables or scoring.
 */
export const ASSESSMENT_CRISIS = 'assessment.crisis';

/** The crisis levels an instrument's crisis rule may assign, most urgent first (the individual tier's vocabulary). */
export type AssessmentCrisisLevel = 'imminent' | 'urgent' | 'concern';

/** Text in both languages, Chinese first. */
export interface BilingualText {
  zh: string;
  en: string;
}

/** One crisis rule that fired, in words a counsellor can read on the case page. */
export interface AssessmentCrisisTrigger {
  /** Rule code, e.g. `item_9_above_0`, `total_at_least_20`. */
  rule: string;
  level: AssessmentCrisisLevel;
  /** Set when the rule concerns one item. */
  itemId?: string;
  itemText?: BilingualText;
  answerValue?: number;
  answerLabel?: BilingualText;
}

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
  /** The most urgent level among the triggers (decided by the instrument's crisis rules). Absent on old events. */
  level?: AssessmentCrisisLevel;
  instrumentVersion?: string;
  instrumentName?: BilingualText;
  total?: number;
  band?: string;
  bandLabel?: BilingualText;
  triggers?: AssessmentCrisisTrigger[];
  /** When the paper form was filled in, if entered later by staff (ISO 8601); `occurredAt` is when it was recorded. */
  completedAt?: string;
}
