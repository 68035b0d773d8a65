import type { InstrumentDefinition } from '../instruments/instrument.types.js';

export interface ComparableScores {
  totalScore: number | null;
  percentScore: number | null;
}

export type ChangeDirection = 'improved' | 'worsened' | 'no_change';

export interface Change {
  /** current − previous, on the percentage for WHO-5 and on the total otherwise; null without a previous result or a total. */
  change: number | null;
  /** |change| ≥ the instrument's reliable-change threshold; null when there is no previous result or no threshold. */
  reliable: boolean | null;
  /** Which way the change went for the worker (WHO-5: higher is better; the others: lower is better). */
  direction: ChangeDirection | null;
}

const NONE: Change = { change: null, reliable: null, direction: null };

/** Change between two results of the same instrument (PHQ-9: 5 points; GAD-7: 4; WHO-5: 10 percentage points). */
export function changeBetween(def: InstrumentDefinition, previous: ComparableScores | null, current: ComparableScores): Change {
  if (!previous) return NONE;
  const on = def.reliableChange?.on ?? 'total';
  const before = on === 'percent' ? previous.percentScore : previous.totalScore;
  const after = on === 'percent' ? current.percentScore : current.totalScore;
  if (before === null || after === null) return NONE;
  const change = after - before;
  const better = def.scoring.higherIsBetter ? change > 0 : change < 0;
  const direction: ChangeDirection = change === 0 ? 'no_change' : better ? 'improved' : 'worsened';
  const reliable = def.reliableChange ? Math.abs(change) >= def.reliableChange.threshold : null;
  return { change, reliable, direction };
}

/** Annotates results of one instrument, oldest first, with the change since the one before. */
export function withChanges<T extends ComparableScores>(def: InstrumentDefinition, oldestFirst: readonly T[]): Array<T & Change> {
  return oldestFirst.map((result, i) => ({ ...result, ...changeBetween(def, i > 0 ? oldestFirst[i - 1] : null, result) }));
}
