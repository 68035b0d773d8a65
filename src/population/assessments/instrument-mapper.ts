import type { CrisisRuleDto, InstrumentDto, InstrumentSummaryDto } from './dto/instrument.dto.js';
import { optionsOf, totalRange } from './instruments/instrument-ranges.js';
import type { CrisisRule, InstrumentDefinition } from './instruments/instrument.types.js';
import { crisisRuleCode } from './scoring/crisis.js';

export const toInstrumentSummaryDto = (def: InstrumentDefinition): InstrumentSummaryDto => ({
  code: def.code,
  version: def.version,
  name: def.name,
  itemCount: def.items.length,
  translationStatus: def.translation.status,
});

const toCrisisRuleDto = (rule: CrisisRule): CrisisRuleDto => ({ ...rule, code: crisisRuleCode(rule) });

export const toInstrumentDto = (def: InstrumentDefinition, crisisRules: readonly CrisisRule[]): InstrumentDto => ({
  code: def.code,
  version: def.version,
  name: def.name,
  instructions: def.instructions,
  items: def.items.map((item) => ({ number: item.number, text: item.text, reverse: item.reverse === true, options: optionsOf(def, item) })),
  subscales: def.subscales,
  scoring: {
    total: def.scoring.total,
    percentMultiplier: def.scoring.percentMultiplier ?? null,
    precision: def.scoring.precision,
    higherIsBetter: def.scoring.higherIsBetter,
    range: def.scoring.total === 'sum' ? totalRange(def) : null,
    note: def.scoring.note ?? null,
  },
  bands: def.bands,
  subscaleBands: def.subscaleBands ?? [],
  crisisRules: crisisRules.map(toCrisisRuleDto),
  reliableChange: def.reliableChange,
  licence: { summary: def.licence.summary, url: def.licence.url ?? null },
  citation: def.citation,
  translation: def.translation,
  notes: def.notes ?? null,
});
