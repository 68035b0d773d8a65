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
  | { kind: 'invalid'; item: number; value: unknown; allowed: number[] }
  /** More unanswered (null) items than the instrument's source allows to prorate (or a subscale with none answered). */
  | { kind: 'too_many_missing'; missing: number; allowed: number };

/** Answers in item order; null only for an unanswered item of an instrument that prorates. */
export type Answers = ReadonlyArray<number | null>;

export type AnswerCheck = { ok: true; values: Array<number | null> } | { ok: false; problem: AnswerProblem };

/**
 * One answer value per item, in item order, each one of that item's option values; null (unanswered) only where the
 * instrument allows missing answers, up to its limit.
 */
export function checkAnswers(def: InstrumentDefinition, answers: unknown): AnswerCheck {
  if (!Array.isArray(answers)) return { ok: false, problem: { kind: 'not_a_list' } };
  const expected = def.items.length;
  if (answers.length < expected) {
    return { ok: false, problem: { kind: 'missing', item: answers.length + 1, expected, received: answers.length } };
  }
  if (answers.length > expected) {
    return { ok: false, problem: { kind: 'extra', item: expected + 1, expected, received: answers.length } };
  }
  const maxMissing = def.scoring.missing?.maxMissing ?? 0;
  let missing = 0;
  for (const item of def.items) {
    const value: unknown = answers[item.number - 1];
    if (value === null && maxMissing > 0) {
      missing++;
      continue;
    }
    const allowed = optionsOf(def, item).map((o) => o.value);
    if (typeof value !== 'number' || !allowed.includes(value)) {
      return { ok: false, problem: { kind: 'invalid', item: item.number, value, allowed: [...allowed].sort((a, b) => a - b) } };
    }
  }
  const values = answers as Array<number | null>;
  const emptySubscale = def.subscales.some((s) => s.items.every((n) => values[n - 1] === null));
  if (missing > maxMissing || emptySubscale) return { ok: false, problem: { kind: 'too_many_missing', missing, allowed: maxMissing } };
  return { ok: true, values };
}

export interface ScoredResult {
  /** Each item's score after reverse scoring and weighting; null when unanswered. */
  itemScores: Array<number | null>;
  /** Raw sum after reverse scoring; null when the instrument has no total (CBI). */
  totalScore: number | null;
  /** The total's linear transform (WHO-5: raw × 4, 0-100); null otherwise. */
  percentScore: number | null;
  /** Band of the total; null without a total. */
  band: string | null;
  /** Subscale scores by code (CBI: means 0-100; PCL-5: cluster sums); null when the instrument has none. */
  subscales: Record<string, number> | null;
  /** Band of each subscale, when the instrument bands its subscales (CBI). */
  subscaleBands: Record<string, string> | null;
}

/** Scores checked answers (see `checkAnswers`). */
export function score(def: InstrumentDefinition, values: Answers): ScoredResult {
  const itemScores = def.items.map((item) => {
    const answer = values[item.number - 1];
    if (answer === null || answer === undefined) return null;
    const [min, max] = itemRange(def, item);
    return (item.reverse ? min + max - answer : answer) * (item.weight ?? 1);
  });
  const precision = def.scoring.precision;
  const totalScore = def.scoring.total === 'none' ? null : roundTo(combine(itemScores, def.scoring.total), precision);
  const transform = def.scoring.transform;
  const percentScore = totalScore !== null && transform ? roundTo(totalScore * transform.multiply + transform.add, precision) : null;

  let subscales: Record<string, number> | null = null;
  let subscaleBands: Record<string, string> | null = null;
  if (def.subscales.length > 0) {
    subscales = {};
    for (const subscale of def.subscales) {
      const raw = combine(subscale.items.map((n) => itemScores[n - 1]), subscale.method) * (subscale.multiply ?? 1);
      subscales[subscale.code] = roundTo(raw, precision);
    }
    const banded = def.subscales.filter((s) => (s.bands ?? def.subscaleBands)?.length);
    if (banded.length > 0) {
      subscaleBands = Object.fromEntries(banded.map((s) => [s.code, bandFor(s.bands ?? def.subscaleBands!, subscales![s.code]).code]));
    }
  }
  const band = totalScore !== null ? bandFor(def.bands, totalScore).code : null;
  return { itemScores, totalScore, percentScore, band, subscales, subscaleBands };
}

/**
 * Sum or mean of item scores; unanswered items (allowed only where the source allows prorating) are replaced by the
 * mean of the answered ones, i.e. a prorated sum = mean of the answered × number of items.
 */
function combine(scores: ReadonlyArray<number | null>, method: 'sum' | 'mean'): number {
  const answered = scores.filter((s): s is number => s !== null);
  const mean = sum(answered) / answered.length;
  if (method === 'mean') return mean;
  return answered.length === scores.length ? sum(answered) : mean * scores.length;
}

/** The band a score falls in (bands tile the scale; the validator guarantees it). */
export function bandFor(bands: readonly Band[], value: number): Band {
  const band = bands.find((b) => value >= b.min && value <= b.max);
  if (!band) throw new Error(`No band covers ${value}`);
  return band;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
