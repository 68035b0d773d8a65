import type { AssessmentCrisisEvent, AssessmentCrisisTrigger, BilingualText } from '../../../population/assessments/assessment-events.js';

/**
 * What a counsellor reads under "why this case opened": for an assessment, the instrument, its version, the items and
 * answers in words, the total and the band (from the `assessment.crisis` event; older events carry only the
 * instrument code and the rule codes, which are shown as they are); for a request, the words of the worker or caller.
 */
export interface TriggerDetail {
  instrument?: { code: string; name: BilingualText | null; version: string | null };
  total?: number | null;
  band?: string | null;
  bandLabel?: BilingualText | null;
  /** Rule codes that fired, e.g. `item_9_above_0`. */
  rules?: string[];
  /** The rules in words, with the item and the answer when a rule concerns one item. */
  items?: AssessmentCrisisTrigger[];
  /** When the form was filled in (paper entered later), ISO 8601. */
  completedAt?: string | null;
  /** What the worker or caller said (help request, desk request), or the counsellor's reason. */
  text?: string | null;
  /** A number to call back on, given with a help request or by a 12351 caller. */
  callbackPhone?: string | null;
}

export function assessmentDetail(event: AssessmentCrisisEvent): TriggerDetail {
  return {
    instrument: { code: event.instrumentCode, name: event.instrumentName ?? null, version: event.instrumentVersion ?? null },
    total: event.total ?? null,
    band: event.band ?? null,
    bandLabel: event.bandLabel ?? null,
    rules: event.reasons ?? [],
    items: event.triggers ?? [],
    completedAt: event.completedAt ?? null,
  };
}
