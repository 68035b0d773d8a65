import { CRISIS_LEVELS, type CrisisLevel } from '../../shared/levels.js';

/** Where a case came from; `source_id` points at the thing that opened it (one case per source id). */
export const CASE_SOURCES = ['assessment', 'counselling', 'service_desk', 'counsellor', 'self_help'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** Crisis-rule codes that concern the suicide item (PHQ-9 item 9), e.g. `item_9_above_0`. */
const SUICIDE_ITEM_REASON = /^item_9_/;

/**
 * The triage level of a case opened by an assessment crisis event. A positive suicide item (PHQ-9 item 9) needs a
 * safety assessment the same day: `urgent`. Any other crisis rule (a severe total) is `concern`. `imminent` is left to
 * a counsellor's judgement or a worker who says they are in danger now: a questionnaire cannot tell.
 */
export function levelForAssessment(instrumentCode: string, reasons: readonly string[]): CrisisLevel {
  return instrumentCode === 'PHQ-9' && reasons.some((r) => SUICIDE_ITEM_REASON.test(r)) ? 'urgent' : 'concern';
}

/**
 * The counselling module flags crises as `moderate`, `high` or `imminent` (its own scale); our levels pass through
 * unchanged. Anything unknown is treated as `urgent`: a flag is never dropped for a vocabulary mismatch.
 */
export function levelFromCounselling(level: unknown): CrisisLevel {
  if (typeof level === 'string' && (CRISIS_LEVELS as readonly string[]).includes(level)) return level as CrisisLevel;
  if (level === 'high') return 'urgent';
  if (level === 'moderate') return 'concern';
  return 'urgent';
}
