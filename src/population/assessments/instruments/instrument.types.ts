/**
 * An instrument is data, not code: items, response options, scoring rule, bands (each with its source), crisis
 * rules, licence and citation. The scoring engine (../scoring) reads only this shape, and `validateInstrument`
 * checks every definition at start-up, so a typo in a data file stops the app instead of mis-scoring a worker.
 */

/** Text in Simplified Chinese first, then English. */
export interface Text {
  zh: string;
  en: string;
}

export interface ResponseOption {
  value: number;
  label: Text;
}

export interface InstrumentItem {
  /** 1-based, in the order the answers array follows. */
  number: number;
  text: Text;
  /** Scored as (min + max − answer) of the item's options. */
  reverse?: boolean;
  /** When the item uses other response options than the instrument's default ones (CBI mixes two scales). */
  options?: ResponseOption[];
}

export interface Subscale {
  code: string;
  name: Text;
  items: number[];
  /** `sum` of item scores, or `mean` (CBI: 0-100). */
  method: 'sum' | 'mean';
}

/** A band covers [min, max], both inclusive, in the scale's precision. */
export interface Band {
  code: string;
  min: number;
  max: number;
  /** The clinical label, for staff. */
  label: Text;
  /** A plain, kind description for the worker's own view (no diagnostic wording). */
  plain: Text;
  /** Where the cut-off comes from. */
  source: string;
  /** False when the cut-off is a convention without a validation study (say so in `source`). */
  validated: boolean;
}

export type CrisisRule =
  /** Fires when the answer to `item` is greater than `above` (PHQ-9 item 9 > 0), whatever the total. */
  | { kind: 'item_above'; item: number; above: number }
  /** Fires when the total score is at least `atLeast`. */
  | { kind: 'total_at_least'; atLeast: number };

export type TranslationStatus =
  /** Text taken from a published, validated Simplified Chinese version, checked against it. */
  | 'published_validated'
  /** The commonly circulated Chinese version; not checked character by character against the official file. */
  | 'commonly_used_unverified'
  /** Plain Chinese written for Xingang; not a validated translation. */
  | 'own_wording';

export interface InstrumentDefinition {
  /** Stable code, e.g. `PHQ-9`. */
  code: string;
  /** Version of this data file; stored with every result. Bump it when items, scoring, bands or texts change. */
  version: string;
  name: Text;
  /** What the worker reads first (time frame and how to answer). */
  instructions: Text;
  /** Default response options of every item. */
  options: ResponseOption[];
  items: InstrumentItem[];
  subscales: Subscale[];
  scoring: {
    /** `sum` of item scores after reverse scoring, or `none` (CBI has no total). */
    total: 'sum' | 'none';
    /** WHO-5: percentage = raw total × multiplier. */
    percentMultiplier?: number;
    /** Decimal places scores are rounded to before banding (0 for sums; 2 for CBI means). */
    precision: number;
    /** True when a higher score is better (WHO-5); decides whether a change is an improvement. */
    higherIsBetter: boolean;
    /** Anything a reader of the scores must know (e.g. K10's skip rule). */
    note?: string;
  };
  /** Bands of the total; empty when the instrument has no total (CBI). */
  bands: Band[];
  /** Bands applied to each subscale score (CBI). */
  subscaleBands?: Band[];
  /** Default crisis rules; the ASSESSMENT_CRISIS_RULES setting may replace them per instrument. */
  crisisRules: CrisisRule[];
  /** Smallest change between two results that counts as reliable, on the total or the percentage score. */
  reliableChange: { threshold: number; on: 'total' | 'percent'; source: string } | null;
  licence: { summary: string; url?: string };
  citation: string;
  translation: { status: TranslationStatus; source: string | null; note: Text };
  /** Facts a counsellor should know about using it (e.g. "no suicide item: follow a positive with PHQ-9"). */
  notes?: Text;
}
