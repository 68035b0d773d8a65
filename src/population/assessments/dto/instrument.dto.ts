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
  /** The options of this item (the instrument's default options unless the item has its own). */
  options: ResponseOptionDto[];
}

export class SubscaleDto {
  code: string;
  name: TextDto;
  items: number[];
  method: 'sum' | 'mean';
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

export class CrisisRuleDto {
  /** `item_above` or `total_at_least`. */
  kind: 'item_above' | 'total_at_least';
  /** Stable code used as the reason in results and events, e.g. `item_9_above_0`. */
  code: string;
  item?: number;
  above?: number;
  atLeast?: number;
}

export class ScoringDto {
  total: 'sum' | 'none';
  percentMultiplier: number | null;
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

export class LicenceDto {
  summary: string;
  url: string | null;
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
  crisisRules: CrisisRuleDto[];
  reliableChange: ReliableChangeDto | null;
  licence: LicenceDto;
  citation: string;
  translation: TranslationDto;
  notes: TextDto | null;
}
