/**
 * An instrument is data, not code: a JSON file (schema: docs/instrument.schema.json, shipped ones in ./library)
 * with items, response options, scoring rule, bands (each with its source), the clinical cut-off, crisis rules,
 * licence, citation and golden examples. The scoring engine (../scoring) reads only this shape; `parseInstrumentFile`
 * checks the schema, the meaning (`validateInstrument`) and runs the examples whenever a file is loaded, so a typo
 * stops the app (shipped files) or is refused with a 400 (uploads) instead of mis-scoring a worker.
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
  /** Multiplies the item's score in the total and subscales (weighted scoring); 1 when absent. */
  weight?: number;
}

/** A clinical cut-off: the score at or beyond which a result counts as positive (reports, incident re-screening). */
export interface Cutoff {
  /** Positive when the score is at least this (PHQ-9: 10)… */
  atLeast?: number;
  /** …or at most this, for scales where higher is better (WHO-5: raw 12). Exactly one of the two. */
  atMost?: number;
  source: string;
}

export interface Subscale {
  code: string;
  name: Text;
  items: number[];
  /** `sum` of item scores, or `mean` (CBI: 0-100). */
  method: 'sum' | 'mean';
  /** Linear factor applied after summing (DASS-21: ×2, to the DASS-42 scale the bands are published on). */
  multiply?: number;
  /** Bands of this subscale; when absent the instrument's `subscaleBands` apply (CBI: the same bands for all). */
  bands?: Band[];
  /** The subscale's clinical cut-off, if it has one. */
  cutoff?: Cutoff;
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

/** The crisis levels a rule may assign, most urgent first (the individual tier's triage levels). */
export const CRISIS_RULE_LEVELS = ['imminent', 'urgent', 'concern'] as const;
export type CrisisRuleLevel = (typeof CRISIS_RULE_LEVELS)[number];

export type CrisisRule =
  /**
   * Fires when the answer to `item` is greater than `above` (PHQ-9 item 9 > 0), whatever the total. The level is
   * `levelByAnswer[answer]` when given (PHQ-9 item 9 "nearly every day": imminent), else `level` (default urgent).
   */
  | { kind: 'item_above'; item: number; above: number; level?: CrisisRuleLevel; levelByAnswer?: Record<string, CrisisRuleLevel> }
  /** Fires when the total score is at least `atLeast`; `level` defaults to concern. */
  | { kind: 'total_at_least'; atLeast: number; level?: CrisisRuleLevel };

export type TranslationStatus =
  /** Text taken from a published, validated Simplified Chinese version, checked against it. */
  | 'published_validated'
  /** The commonly circulated Chinese version; not checked character by character against the official file. */
  | 'commonly_used_unverified'
  /** Plain Chinese written for Xingang; not a validated translation. */
  | 'own_wording';

/**
 * Who holds the instrument and on what terms. `licence_required` instruments (and the known proprietary ones such as
 * SCL-90, whatever their file says) are published only with `agreement`, the union's own licence, recorded.
 */
export interface Licence {
  holder: string;
  /** The terms in a sentence (shown to admins). */
  terms: string;
  url?: string;
  /** False when the holder does not allow showing it on a screen (C-SSRS: electronic versions licensed exclusively). */
  electronicDisplay: boolean;
  permission: 'public_domain' | 'none_required' | 'free_non_profit' | 'licence_required';
  agreement?: { licensee: string; reference: string; validUntil?: string };
}

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
    /** `sum` (weighted by item `weight`) or `mean` of item scores after reverse scoring, or `none` (CBI has no total). */
    total: 'sum' | 'mean' | 'none';
    /** A linear transform of the total, stored as the percentage score (WHO-5: raw × 4 = 0-100 %). */
    transform?: { multiply: number; add: number };
    /**
     * Missing answers (null) allowed, where the source allows it: up to `maxMissing` items, and the total and each
     * subscale prorated (mean of the answered items × the number of items). Absent: every item must be answered.
     */
    missing?: { maxMissing: number; method: 'prorate'; source: string };
    /** Decimal places scores are rounded to before banding (0 for sums; 2 for CBI means). */
    precision: number;
    /** True when a higher score is better (WHO-5); decides whether a change is an improvement. */
    higherIsBetter: boolean;
    /** Anything a reader of the scores must know (e.g. K10's skip rule). */
    note?: string;
  };
  /** Bands of the total; empty when the instrument has no total (CBI). */
  bands: Band[];
  /** Bands applied to each subscale score that has no bands of its own (CBI). */
  subscaleBands?: Band[];
  /** The clinical cut-off of the total used by reports and re-screening; absent when the instrument has none. */
  cutoff?: Cutoff;
  /** Default crisis rules; the ASSESSMENT_CRISIS_RULES setting may replace them per instrument. */
  crisisRules: CrisisRule[];
  /** Smallest change between two results that counts as reliable, on the total or the percentage score. */
  reliableChange: { threshold: number; on: 'total' | 'percent'; source: string } | null;
  licence: Licence;
  citation: string;
  translation: { status: TranslationStatus; source: string | null; note: Text };
  /** Facts a counsellor should know about using it (e.g. "no suicide item: follow a positive with PHQ-9"). */
  notes?: Text;
}

/** A golden example: answers and the scores, bands and crisis rules they must give. Run whenever a file is loaded. */
export interface GoldenExample {
  name: string;
  answers: Array<number | null>;
  expect: {
    total: number | null;
    band: string | null;
    transformed?: number | null;
    subscales?: Record<string, number>;
    subscaleBands?: Record<string, string>;
    /** Codes of the crisis rules that fire. */
    crisis: string[];
    /** The crisis level they give (the most urgent), when any fires. */
    level?: CrisisRuleLevel;
  };
}

/** The file format: a definition, the languages it is written in (zh-CN first) and its golden examples. */
export interface InstrumentFile extends InstrumentDefinition {
  $schema?: string;
  languages: string[];
  examples: GoldenExample[];
}
