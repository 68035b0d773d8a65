import type { InstrumentDefinition, InstrumentItem, ResponseOption, Subscale } from './instrument.types.js';

/** The options an item is answered with: its own, or the instrument's default. */
export const optionsOf = (def: InstrumentDefinition, item: InstrumentItem): ResponseOption[] => item.options ?? def.options;

export function itemRange(def: InstrumentDefinition, item: InstrumentItem): [number, number] {
  const values = optionsOf(def, item).map((o) => o.value);
  return [Math.min(...values), Math.max(...values)];
}

/** Possible total (after reverse scoring every item still spans its own range). */
export function totalRange(def: InstrumentDefinition): [number, number] {
  return def.items.reduce<[number, number]>(
    ([low, high], item) => {
      const [min, max] = itemRange(def, item);
      return [low + min, high + max];
    },
    [0, 0],
  );
}

export function subscaleRange(def: InstrumentDefinition, subscale: Subscale): [number, number] {
  const ranges = subscale.items.map((n) => itemRange(def, def.items[n - 1]));
  const low = ranges.reduce((sum, [min]) => sum + min, 0);
  const high = ranges.reduce((sum, [, max]) => sum + max, 0);
  return subscale.method === 'sum' ? [low, high] : [low / ranges.length, high / ranges.length];
}

export const roundTo = (value: number, precision: number): number => {
  const factor = 10 ** precision;
  return Math.round(value * factor) / factor;
};
