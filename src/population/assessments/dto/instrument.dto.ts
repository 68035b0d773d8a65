import type { TranslationStatus } from '../instruments/instrument.types.js';

export class TextDto {
  zh: string;
  en: string;
}

export class ResponseOptionDto {
  value: number;
  label: TextDto;
}

export class InstrumentItemDto {
  number: number;
  text: TextDto;
  reverse: boolean;
  /** Multiplies the item score (weighted scoring); 1 for most instruments. */
  weight: number;
  /** The options of this item (the instrument's default options unless the item has its own). */
  options: ResponseOptionDto[];
}

export class CutoffDto {
  atLeast?: number;
  atMost?: number;
  source: string;
}

export class BandDto {
  code: string;
  min: number;
  max: number;
  label: TextDto;
  plain: TextDto;
  source: string;
  validated: boolean;
}

export class SubscaleDto {
  code: string;
  name: TextDto;
  items: number[];
  method: 'sum' | 'mean';
  /** Applied after summing (DASS-21: 2); 1 otherwise. */
  multiply: number;
  /** Possible range of the subscale score. */
  range: number[];
  /** Bands of this subscale (its own, or the instrument's subscale bands); empty when unbanded. */
  bands: BandDto[];
  cutoff: CutoffDto | null;
  /** Codes of the bands at or beyond the cut-off. */
  positiveBands: string[];
}

export class CrisisRuleDto {
  /** `item_above` or `total_at_least`. */
  kind: 'item_above' | 'total_at_least';
  /** The level the rule gives (item rules: unless `levelByAnswer` names the answer). */
  level: 'imminent' | 'urgent' | 'concern';
  /** Item rules: the level per answer value, where it differs from `level`. */
  levelByAnswer?: Record<string, 'imminent' | 'urgent' | 'concern'>;
  /** Stable code used as the reason in results and events, e.g. `item_9_above_0`. */
  code: string;
  item?: number;
  above?: number;
  atLeast?: number;
}

export class TransformDto {
  multiply: number;
  add: number;
}

export class MissingAnswersDto {
  maxMissing: number;
  method: 'prorate';
  source: string;
}

export class ScoringDto {
  total: 'sum' | 'mean' | 'none';
  /** The transform's multiplier when it has one (WHO-5: 4). */
  percentMultiplier: number | null;
  /** The linear transform stored as the percentage score. */
  transform: TransformDto | null;
  /** Unanswered items allowed and prorated (only where the source allows it). */
  missing: MissingAnswersDto | null;
  precision: number;
  higherIsBetter: boolean;
  /** Possible range of the total; null without a total. */
  range: number[] | null;
  note: string | null;
}

export class ReliableChangeDto {
  threshold: number;
  on: 'total' | 'percent';
  source: string;
}

export class LicenceAgreementDto {
  licensee: string;
  reference: string;
  validUntil?: string;
}

export class LicenceDto {
  /** The terms in a sentence. */
  summary: string;
  holder: string;
  url: string | null;
  /** Whether the holder allows showing it on a screen. */
  electronicDisplay: boolean;
  permission: 'public_domain' | 'none_required' | 'free_non_profit' | 'licence_required';
  /** The union's own licence, when recorded. */
  agreement: LicenceAgreementDto | null;
}

export class TranslationDto {
  status: TranslationStatus;
  source: string | null;
  note: TextDto;
}

export class InstrumentSummaryDto {
  code: string;
  version: string;
  name: TextDto;
  itemCount: number;
  translationStatus: TranslationStatus;
}

/** The full definition, with the crisis rules in force (shipped defaults or the configured ones). */
export class InstrumentDto {
  code: string;
  version: string;
  name: TextDto;
  instructions: TextDto;
  items: InstrumentItemDto[];
  subscales: SubscaleDto[];
  scoring: ScoringDto;
  bands: BandDto[];
  subscaleBands: BandDto[];
  /** The clinical cut-off of the total used by reports and re-screening. */
  cutoff: CutoffDto | null;
  /** Codes of the total's bands at or beyond the cut-off. */
  positiveBands: string[];
  crisisRules: CrisisRuleDto[];
  reliableChange: ReliableChangeDto | null;
  licence: LicenceDto;
  citation: string;
  translation: TranslationDto;
  notes: TextDto | null;
}

/** A band as the dashboards name it. */
export class ReportBandDto {
  code: string;
  label: TextDto;
  min: number;
  max: number;
}

export class ReportSubscaleDto {
  code: string;
  name: TextDto;
  bands: ReportBandDto[];
  /** Codes of the bands at or beyond the subscale's cut-off. */
  positiveBands: string[];
}

/** A banded instrument as officials' dashboards list it: names and band labels only, nothing about items or rules. */
export class ReportInstrumentDto {
  code: string;
  version: string;
  name: TextDto;
  /** Bands of the total (empty when the instrument has no total, e.g. DASS-21). */
  bands: ReportBandDto[];
  positiveBands: string[];
  /** Banded subscales a report can break down by (`subscale=`). */
  subscales: ReportSubscaleDto[];
}
