import type { AssessmentCrisisEvent } from './assessment-events.js';
import { optionsOf } from './instruments/instrument-ranges.js';
import type { InstrumentDefinition } from './instruments/instrument.types.js';
import { mostUrgent, type FiredRule } from './scoring/crisis.js';
import type { ScoredResult } from './scoring/score.js';

/**
 * What the `assessment.crisis` event tells 点 beyond the rule codes: the level the instrument's crisis rules chose
 * (the most urgent among those that fired), each trigger in words (the item and the answer as the worker read them),
 * the instrument's name and version, and the total and band. 点 needs nothing else from 面 to open and explain a case.
 */
export function crisisEventDetail(
  def: InstrumentDefinition,
  fired: readonly FiredRule[],
  scored: Pick<ScoredResult, 'totalScore' | 'band'>,
): Required<Pick<AssessmentCrisisEvent, 'level' | 'triggers' | 'instrumentVersion' | 'instrumentName'>> & Pick<AssessmentCrisisEvent, 'total' | 'band' | 'bandLabel'> {
  const band = scored.band ? def.bands.find((b) => b.code === scored.band) : undefined;
  return {
    level: mostUrgent(fired) ?? 'urgent',
    triggers: fired.map((f) => {
      if (f.rule.kind !== 'item_above') return { rule: f.code, level: f.level };
      const item = def.items[f.rule.item - 1];
      const option = optionsOf(def, item).find((o) => o.value === f.answer);
      return { rule: f.code, level: f.level, itemId: String(item.number), itemText: item.text, answerValue: f.answer, ...(option ? { answerLabel: option.label } : {}) };
    }),
    instrumentVersion: def.version,
    instrumentName: def.name,
    ...(scored.totalScore !== null ? { total: scored.totalScore } : {}),
    ...(band ? { band: band.code, bandLabel: band.label } : {}),
  };
}
