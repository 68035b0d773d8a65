import { itemRange, optionsOf } from '../instruments/instrument-ranges.js';
import type { InstrumentDefinition } from '../instruments/instrument.types.js';

/**
 * Test fixtures for the scoring specs: answers that produce given item scores. Kept beside the engine so every spec
 * builds answers the same, explicit way (a reverse item's answer is min + max − wanted score).
 */
export function answersForItemScores(def: InstrumentDefinition, itemScores: readonly number[]): number[] {
  return def.items.map((item, i) => {
    const [min, max] = itemRange(def, item);
    const answer = item.reverse ? min + max - itemScores[i] : itemScores[i];
    if (!optionsOf(def, item).some((o) => o.value === answer)) throw new Error(`item ${item.number} cannot score ${itemScores[i]}`);
    return answer;
  });
}

/** Answers whose (reverse-scored) sum is `total`, filling items in order; options must be consecutive integers. */
export function answersForTotal(def: InstrumentDefinition, total: number): number[] {
  const ranges = def.items.map((item) => itemRange(def, item));
  let remaining = total - ranges.reduce((sum, [min]) => sum + min, 0);
  if (remaining < 0) throw new Error(`total ${total} below the minimum`);
  const scores = ranges.map(([min, max]) => {
    const add = Math.min(remaining, max - min);
    remaining -= add;
    return min + add;
  });
  if (remaining > 0) throw new Error(`total ${total} above the maximum`);
  return answersForItemScores(def, scores);
}
