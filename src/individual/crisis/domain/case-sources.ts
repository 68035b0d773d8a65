import type { AssessmentCrisisEvent } from '../../../population/assessments/assessment-events.js';
import { CRISIS_LEVELS, type CrisisLevel } from '../../shared/levels.js';

/** Where a case came from; `source_id` points at the thing that opened it (one case per source id). */
export const CASE_SOURCES = ['assessment', 'counselling', 'service_desk', 'counsellor', 'self_help', 'online_counselling'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/**
 * The triage level of a case opened by an assessment crisis event: the level the instrument's crisis rules chose
 * (面 decides it from the instrument file: PHQ-9 item 9 by answer, totals by threshold; see docs/individual.md). 点
 * reads no instrument itself. An event without a level (published before levels existed) is `urgent`: a same-day
 * safety assessment, never less.
 */
export function levelForAssessment(event: Pick<AssessmentCrisisEvent, 'level'>): CrisisLevel {
  return event.level && (CRISIS_LEVELS as readonly string[]).includes(event.level) ? event.level : 'urgent';
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
