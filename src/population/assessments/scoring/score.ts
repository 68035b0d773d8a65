import { itemRange, optionsOf, roundTo } from '../instruments/instrument-ranges.js';
import type { Band, InstrumentDefinition } from '../instruments/instrument.types.js';

/**
 * The scoring engine: pure functions over an instrument definition, no framework. A result is computed once, at
 * submission, and stored with the instrument version and the answers, so later rule changes never rewrite history.
 */

export type AnswerProblem =
  | { kind: 'not_a_list' }
  /** Too few answers: `item` is the first one missing. */
  | { kind: 'missing'; item: number; expected: number; received: number }
  /** Too many answers: `item` is the first one that does not exist. */
  | { kind: 'extra'; item: number; expected: number; received: number }
  /** `value` is not one of the item's option values. */
  | { kind: 'invalid'; item: number; value: unknown; allowed: number[] };

export type AnswerCheck = { ok: true; values: number[] } | { ok: false; problem: AnswerProblem };

/** One answer value per item, in item order, each one of that item's option values. */
export function checkAnswers(def: InstrumentDefinition, answers: unknown): AnswerCheck {
  if (!Array.isArray(answers)) return { ok: false, problem: { kind: 'not_a_list' } };
  const expected = def.items.length;
  if (answers.length < expected) {
    return { ok: false, problem: { kind: 'missing', item: answers.length + 1, expected, received: answers.length } };
  }
  if (answers.length > expected) {
    return { ok: false, problem: { kind: 'extra', item: expected + 1, expected, received: answers.length } };
  }
  for (const item of def.items) {
    const value: unknown = answers[item.number - 1];
    const allowed = optionsOf(def, item).map((o) => o.value);
    if (typeof value !== 'number' || !allowed.includes(value)) {
      return { ok: false, problem: { kind: 'invalid', item: item.number, value, allowed: [...allowed].sort((a, b) => a - b) } };
    }
  }
  return { ok: true, values: answers as number[] };
}

export interface ScoredResult {
  /** Each item's score after reverse scoring. */
  itemScores: number[];
  /** Raw sum after reverse scoring; null when the instrument has no total (CBI). */
  totalScore: number | null;
  /** WHO-5: raw × 4 (0-100); null otherwise. */
  percentScore: number | null;
  /** Band of the total; null without a total. */
  band: string | null;
  /** Subscale scores by code (CBI: means 0-100; PCL-5: cluster sums); null when the instrument has none. */
  subscales: Record<string, number> | null;
  /** Band of each subscale, when the instrument bands its subscales (CBI). */
  subscaleBands: Record<string, string> | null;
}

/** Scores checked answers (see `checkAnswers`). */
export function score(def: InstrumentDefinition, values: readonly number[]): ScoredResult {
  const itemScores = def.items.map((item) => {
    const answer = values[item.number - 1];
    if (!item.reverse) return answer;
    const [min, max] = itemRange(def, item);
    return min + max - answer;
  });
  const precision = def.scoring.precision;
  const totalScore = def.scoring.total === 'sum' ? roundTo(sum(itemScores), precision) : null;
  const percentScore = totalScore !== null && def.scoring.percentMultiplier ? totalScore * def.scoring.percentMultiplier : null;

  let subscales: Record<string, number> | null = null;
  let subscaleBands: Record<string, string> | null = null;
  if (def.subscales.length > 0) {
    subscales = {};
    for (const subscale of def.subscales) {
      const scores = subscale.items.map((n) => itemScores[n - 1]);
      const raw = subscale.method === 'sum' ? sum(scores) : sum(scores) / scores.length;
      subscales[subscale.code] = roundTo(raw, precision);
    }
    if (def.subscaleBands) {
      const bands = def.subscaleBands;
      subscaleBands = Object.fromEntries(Object.entries(subscales).map(([code, value]) => [code, bandFor(bands, value).code]));
    }
  }
  const band = totalScore !== null ? bandFor(def.bands, totalScore).code : null;
  return { itemScores, totalScore, percentScore, band, subscales, subscaleBands };
}

/** The band a score falls in (bands tile the scale; the validator guarantees it). */
export function bandFor(bands: readonly Band[], value: number): Band {
  const band = bands.find((b) => value >= b.min && value <= b.max);
  if (!band) throw new Error(`No band covers ${value}`);
  return band;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
