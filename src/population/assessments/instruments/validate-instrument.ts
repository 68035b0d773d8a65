import type { Band, CrisisRule, InstrumentDefinition, Text } from './instrument.types.js';
import { itemRange, roundTo, subscaleRange, totalRange } from './instrument-ranges.js';

const TRANSLATION_STATUSES = ['published_validated', 'commonly_used_unverified', 'own_wording'];

/**
 * Every problem with a definition, as readable sentences; empty when it is sound. Run at start-up on the whole
 * library (InstrumentLibrary refuses to start otherwise) and in the unit tests.
 */
export function validateInstrument(def: InstrumentDefinition): string[] {
  const problems: string[] = [];
  const at = (where: string, message: string) => problems.push(`${def.code || '?'} ${where}: ${message}`);
  const text = (where: string, value: Text | undefined) => {
    if (!value?.zh?.trim() || !value?.en?.trim()) at(where, 'needs both zh and en text');
  };

  if (!/^[A-Z0-9][A-Z0-9-]{0,19}$/.test(def.code ?? '')) at('code', 'must be 1-20 capitals, digits or dashes');
  if (!/^\d+\.\d+\.\d+$/.test(def.version ?? '')) at('version', 'must look like 1.0.0');
  text('name', def.name);
  text('instructions', def.instructions);
  checkOptions(def.options, 'options', at);

  if (!Array.isArray(def.items) || def.items.length === 0) at('items', 'needs at least one item');
  (def.items ?? []).forEach((item, index) => {
    if (item.number !== index + 1) at(`item ${index + 1}`, `is numbered ${item.number}; items must be numbered 1…n in order`);
    text(`item ${index + 1} text`, item.text);
    if (item.options) checkOptions(item.options, `item ${index + 1} options`, at);
  });
  if (problems.length > 0) return problems; // the checks below rely on sound items and options

  const subscaleCodes = new Set<string>();
  for (const subscale of def.subscales) {
    if (subscaleCodes.has(subscale.code)) at(`subscale ${subscale.code}`, 'code used twice');
    subscaleCodes.add(subscale.code);
    text(`subscale ${subscale.code} name`, subscale.name);
    if (subscale.items.length === 0) at(`subscale ${subscale.code}`, 'has no items');
    if (new Set(subscale.items).size !== subscale.items.length) at(`subscale ${subscale.code}`, 'lists an item twice');
    for (const n of subscale.items) {
      if (!Number.isInteger(n) || n < 1 || n > def.items.length) at(`subscale ${subscale.code}`, `item ${n} does not exist`);
    }
  }
  if (problems.length > 0) return problems;

  if (def.scoring.total === 'sum') {
    if (def.bands.length === 0) at('bands', 'a summed instrument needs bands');
    checkBands(def.bands, totalRange(def), def.scoring.precision, 'bands', at);
  } else {
    if (def.bands.length > 0) at('bands', 'an instrument without a total cannot band the total');
    if (def.subscales.length === 0) at('subscales', 'an instrument without a total needs subscales');
    if (def.scoring.percentMultiplier !== undefined) at('scoring', 'percentage needs a total');
  }
  if (def.subscaleBands) {
    for (const subscale of def.subscales) {
      checkBands(def.subscaleBands, subscaleRange(def, subscale), def.scoring.precision, `subscaleBands (${subscale.code})`, at);
    }
  }
  if (def.scoring.percentMultiplier !== undefined && !(def.scoring.percentMultiplier > 0)) at('scoring', 'percentMultiplier must be positive');

  problems.push(...validateCrisisRules(def, def.crisisRules));

  if (def.reliableChange) {
    if (!(def.reliableChange.threshold > 0)) at('reliableChange', 'threshold must be positive');
    if (def.reliableChange.on === 'percent' && !def.scoring.percentMultiplier) at('reliableChange', 'on percent needs a percentage score');
    if (def.reliableChange.on === 'total' && def.scoring.total !== 'sum') at('reliableChange', 'on total needs a total');
    if (!def.reliableChange.source?.trim()) at('reliableChange', 'needs a source');
  }
  if (!def.licence?.summary?.trim()) at('licence', 'needs a summary');
  if (!def.citation?.trim()) at('citation', 'is required');
  if (!TRANSLATION_STATUSES.includes(def.translation?.status)) at('translation', `status must be one of ${TRANSLATION_STATUSES.join(', ')}`);
  if (def.translation?.status === 'published_validated' && !def.translation.source) at('translation', 'a validated translation must name its source');
  text('translation note', def.translation?.note);
  return problems;
}

/** Checks crisis rules against a definition (shipped defaults and ASSESSMENT_CRISIS_RULES overrides alike). */
export function validateCrisisRules(def: InstrumentDefinition, rules: readonly CrisisRule[]): string[] {
  const problems: string[] = [];
  rules.forEach((rule, index) => {
    const where = `${def.code} crisis rule ${index + 1}`;
    if (rule.kind === 'item_above') {
      const item = def.items[rule.item - 1];
      if (!Number.isInteger(rule.item) || !item) {
        problems.push(`${where}: item ${rule.item} does not exist`);
        return;
      }
      const [min, max] = itemRange(def, item);
      if (!(typeof rule.above === 'number' && rule.above >= min && rule.above < max)) {
        problems.push(`${where}: "above" must be at least ${min} and below ${max}, so the rule neither always nor never fires`);
      }
    } else if (rule.kind === 'total_at_least') {
      if (def.scoring.total !== 'sum') {
        problems.push(`${where}: the instrument has no total`);
        return;
      }
      const [min, max] = totalRange(def);
      if (!(typeof rule.atLeast === 'number' && rule.atLeast > min && rule.atLeast <= max)) {
        problems.push(`${where}: "atLeast" must be above ${min} and at most ${max}`);
      }
    } else {
      problems.push(`${where}: unknown kind ${(rule as { kind?: unknown }).kind as string}`);
    }
  });
  return problems;
}

function checkOptions(options: InstrumentDefinition['options'], where: string, at: (where: string, message: string) => void) {
  if (!Array.isArray(options) || options.length < 2) {
    at(where, 'needs at least two response options');
    return;
  }
  const values = options.map((o) => o.value);
  if (values.some((v) => !Number.isFinite(v))) at(where, 'values must be numbers');
  if (new Set(values).size !== values.length) at(where, 'values must be distinct');
  options.forEach((o, i) => {
    if (!o.label?.zh?.trim() || !o.label?.en?.trim()) at(`${where} ${i + 1}`, 'needs both zh and en labels');
  });
}

/** Bands must tile [low, high] without gap or overlap at the scale's precision, and carry their texts and source. */
function checkBands(bands: Band[], [low, high]: [number, number], precision: number, where: string, at: (where: string, message: string) => void) {
  if (bands.length === 0) return;
  const step = 10 ** -precision;
  const codes = new Set<string>();
  bands.forEach((band, i) => {
    if (codes.has(band.code)) at(where, `code ${band.code} used twice`);
    codes.add(band.code);
    if (!/^[a-z][a-z_]*$/.test(band.code)) at(where, `code ${band.code} must be lower_snake_case`);
    if (band.min > band.max) at(where, `${band.code} has min above max`);
    if (!band.label?.zh || !band.label?.en || !band.plain?.zh || !band.plain?.en) at(where, `${band.code} needs zh and en label and plain text`);
    if (!band.source?.trim()) at(where, `${band.code} needs a source`);
    if (typeof band.validated !== 'boolean') at(where, `${band.code} must say whether it is validated`);
    if (i > 0 && roundTo(bands[i - 1].max + step, precision) !== band.min) {
      at(where, `${bands[i - 1].code} (to ${bands[i - 1].max}) and ${band.code} (from ${band.min}) leave a gap or overlap`);
    }
  });
  if (bands[0].min !== roundTo(low, precision)) at(where, `first band starts at ${bands[0].min}, the scale at ${low}`);
  if (bands[bands.length - 1].max !== roundTo(high, precision)) at(where, `last band ends at ${bands[bands.length - 1].max}, the scale at ${high}`);
}
