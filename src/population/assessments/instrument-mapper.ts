import type { CrisisRuleDto, InstrumentDto, InstrumentSummaryDto, ReportBandDto, ReportInstrumentDto } from './dto/instrument.dto.js';
import { optionsOf, subscaleRange, totalRange } from './instruments/instrument-ranges.js';
import { positiveBands } from './instruments/validate-instrument.js';
import type { Band, CrisisRule, InstrumentDefinition } from './instruments/instrument.types.js';
import { crisisRuleCode, levelOf } from './scoring/crisis.js';

export const toInstrumentSummaryDto = (def: InstrumentDefinition): InstrumentSummaryDto => ({
  code: def.code,
  version: def.version,
  name: def.name,
  itemCount: def.items.length,
  translationStatus: def.translation.status,
});

const toCrisisRuleDto = (rule: CrisisRule): CrisisRuleDto => ({ ...rule, level: levelOf(rule), code: crisisRuleCode(rule) });

export const toInstrumentDto = (def: InstrumentDefinition, crisisRules: readonly CrisisRule[]): InstrumentDto => ({
  code: def.code,
  version: def.version,
  name: def.name,
  instructions: def.instructions,
  items: def.items.map((item) => ({ number: item.number, text: item.text, reverse: item.reverse === true, weight: item.weight ?? 1, options: optionsOf(def, item) })),
  subscales: def.subscales.map((s) => ({
    code: s.code,
    name: s.name,
    items: s.items,
    method: s.method,
    multiply: s.multiply ?? 1,
    range: subscaleRange(def, s),
    bands: s.bands ?? def.subscaleBands ?? [],
    cutoff: s.cutoff ?? null,
    positiveBands: positiveBands(s.cutoff, s.bands ?? def.subscaleBands ?? []).map((b) => b.code),
  })),
  scoring: {
    total: def.scoring.total,
    percentMultiplier: def.scoring.transform?.multiply ?? null,
    transform: def.scoring.transform ?? null,
    missing: def.scoring.missing ?? null,
    precision: def.scoring.precision,
    higherIsBetter: def.scoring.higherIsBetter,
    range: def.scoring.total !== 'none' ? totalRange(def) : null,
    note: def.scoring.note ?? null,
  },
  bands: def.bands,
  subscaleBands: def.subscaleBands ?? [],
  cutoff: def.cutoff ?? null,
  positiveBands: positiveBands(def.cutoff, def.bands).map((b) => b.code),
  crisisRules: crisisRules.map(toCrisisRuleDto),
  reliableChange: def.reliableChange,
  licence: {
    summary: def.licence.terms,
    holder: def.licence.holder,
    url: def.licence.url ?? null,
    electronicDisplay: def.licence.electronicDisplay,
    permission: def.licence.permission,
    agreement: def.licence.agreement ?? null,
  },
  citation: def.citation,
  translation: def.translation,
  notes: def.notes ?? null,
});

const toReportBand = (b: Band): ReportBandDto => ({ code: b.code, label: b.label, min: b.min, max: b.max });

type Banding = (code: string, subscale?: string) => { bands: Band[]; positiveBands: string[] } | undefined;

export function toReportInstrumentDto(def: InstrumentDefinition, bandingOf: Banding): ReportInstrumentDto {
  const total = bandingOf(def.code);
  return {
    code: def.code,
    version: def.version,
    name: def.name,
    bands: (total?.bands ?? []).map(toReportBand),
    positiveBands: total?.positiveBands ?? [],
    subscales: def.subscales.flatMap((s) => {
      const banding = bandingOf(def.code, s.code);
      return banding ? [{ code: s.code, name: s.name, bands: banding.bands.map(toReportBand), positiveBands: banding.positiveBands }] : [];
    }),
  };
}
