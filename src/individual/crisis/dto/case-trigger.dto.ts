import type { AssessmentCrisisLevel } from '../../../population/assessments/assessment-events.js';
import type { CrisisLevel } from '../../shared/levels.js';
import type { CaseSource } from '../domain/case-sources.js';

export class BilingualTextDto {
  zh: string;
  en: string;
}

export class TriggerInstrumentDto {
  code: string;
  name: BilingualTextDto | null;
  version: string | null;
}

/** One crisis rule that fired, with the item and the answer in words when it concerns one item. */
export class TriggerItemDto {
  rule: string;
  level: AssessmentCrisisLevel;
  itemId?: string;
  itemText?: BilingualTextDto;
  answerValue?: number;
  answerLabel?: BilingualTextDto;
}

/** Why the case opened, or why it was joined later: the source and what it said. */
export class CaseTriggerDto {
  id: string;
  sourceType: CaseSource;
  sourceId: string | null;
  level: CrisisLevel;
  /** False for the source that opened the case; true for one that joined it later. */
  joined: boolean;
  at: string;
  instrument?: TriggerInstrumentDto;
  total?: number | null;
  band?: string | null;
  bandLabel?: BilingualTextDto | null;
  rules?: string[];
  items?: TriggerItemDto[];
  completedAt?: string | null;
  /** The words of the worker or the caller (a help request, a desk request), or the opener's reason. */
  text?: string | null;
  /** A number to call back on, given with a help request or by a 12351 caller. */
  callbackPhone?: string | null;
}
