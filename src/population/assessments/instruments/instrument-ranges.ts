import type { InstrumentDefinition, InstrumentItem, ResponseOption, Subscale } from './instrument.types.js';

/** The options an item is answered with: its own, or the instrument's default. */
export const optionsOf = (def: InstrumentDefinition, item: InstrumentItem): ResponseOption[] => item.options ?? def.options;

/** The answer values of an item (before reverse scoring or weighting). */
export function itemRange(def: InstrumentDefinition, item: InstrumentItem): [number, number] {
  const values = optionsOf(def, item).map((o) => o.value);
  return [Math.min(...values), Math.max(...values)];
}

/** The range an item contributes to a score: its answer range times its weight. */
const weightedRange = (def: InstrumentDefinition, item: InstrumentItem): [number, number] => {
  const [min, max] = itemRange(def, item);
  const weight = item.weight ?? 1;
  return [min * weight, max * weight];
};

const combine = (ranges: Array<[number, number]>, method: 'sum' | 'mean'): [number, number] => {
  const low = ranges.reduce((sum, [min]) => sum + min, 0);
  const high = ranges.reduce((sum, [, max]) => sum + max, 0);
  return method === 'sum' ? [low, high] : [low / ranges.length, high / ranges.length];
};

/** Possible total (after reverse scoring every item still spans its own range). */
export function totalRange(def: InstrumentDefinition): [number, number] {
  return combine(
    def.items.map((item) => weightedRange(def, item)),
    def.scoring.total === 'mean' ? 'mean' : 'sum',
  );
}

export function subscaleRange(def: InstrumentDefinition, subscale: Subscale): [number, number] {
  const [low, high] = combine(
    subscale.items.map((n) => weightedRange(def, def.items[n - 1])),
    subscale.method,
  );
  const factor = subscale.multiply ?? 1;
  return [low * factor, high * factor];
}

export const roundTo = (value: number, precision: number): number => {
  const factor = 10 ** precision;
  return Math.round(value * factor) / factor;
};
