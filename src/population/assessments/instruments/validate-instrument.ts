import { CRISIS_RULE_LEVELS, type Band, type CrisisRule, type Cutoff, type InstrumentDefinition, type Text } from './instrument.types.js';
import { itemRange, roundTo, subscaleRange, totalRange } from './instrument-ranges.js';

const TRANSLATION_STATUSES = ['published_validated', 'commonly_used_unverified', 'own_wording'];

/** One problem with a file: where (a JSON pointer into the file, e.g. `/bands/1/min`) and what, in a sentence. */
export interface InstrumentProblem {
  path: string;
  message: string;
}

type At = (where: string, message: string, path: string) => void;

/**
 * Every problem with a definition, as readable sentences; empty when it is sound. Run whenever a file is loaded
 * (shipped files at start-up, uploads before they are stored) and in the unit tests.
 */
export function validateInstrument(def: InstrumentDefinition): string[] {
  return instrumentProblems(def).map((p) => p.message);
}

/** As `validateInstrument`, with the field each problem is about (the admin page shows them per field). */
export function instrumentProblems(def: InstrumentDefinition): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  const at: At = (where, message, path) => problems.push({ path, message: `${def.code || '?'} ${where}: ${message}` });
  const text = (where: string, value: Text | undefined, path: string) => {
    if (!value?.zh?.trim() || !value?.en?.trim()) at(where, 'needs both zh and en text', path);
  };

  if (!/^[A-Z0-9][A-Z0-9-]{0,19}$/.test(def.code ?? '')) at('code', 'must be 1-20 capitals, digits or dashes', '/code');
  if (!/^\d+\.\d+\.\d+$/.test(def.version ?? '')) at('version', 'must look like 1.0.0', '/version');
  text('name', def.name, '/name');
  text('instructions', def.instructions, '/instructions');
  checkOptions(def.options, 'options', '/options', at);

  if (!Array.isArray(def.items) || def.items.length === 0) at('items', 'needs at least one item', '/items');
  (def.items ?? []).forEach((item, index) => {
    const path = `/items/${index}`;
    if (item.number !== index + 1) at(`item ${index + 1}`, `is numbered ${item.number}; items must be numbered 1…n in order`, `${path}/number`);
    text(`item ${index + 1} text`, item.text, `${path}/text`);
    if (item.options) checkOptions(item.options, `item ${index + 1} options`, `${path}/options`, at);
    if (item.weight !== undefined && !(item.weight > 0)) at(`item ${index + 1}`, 'weight must be positive', `${path}/weight`);
  });
  if (problems.length > 0) return problems; // the checks below rely on sound items and options

  const subscaleCodes = new Set<string>();
  def.subscales.forEach((subscale, index) => {
    const path = `/subscales/${index}`;
    if (subscaleCodes.has(subscale.code)) at(`subscale ${subscale.code}`, 'code used twice', `${path}/code`);
    subscaleCodes.add(subscale.code);
    text(`subscale ${subscale.code} name`, subscale.name, `${path}/name`);
    if (subscale.items.length === 0) at(`subscale ${subscale.code}`, 'has no items', `${path}/items`);
    if (new Set(subscale.items).size !== subscale.items.length) at(`subscale ${subscale.code}`, 'lists an item twice', `${path}/items`);
    for (const n of subscale.items) {
      if (!Number.isInteger(n) || n < 1 || n > def.items.length) at(`subscale ${subscale.code}`, `item ${n} does not exist`, `${path}/items`);
    }
  });
  if (problems.length > 0) return problems;

  const precision = def.scoring.precision;
  if (def.scoring.total !== 'none') {
    if (def.bands.length === 0) at('bands', 'an instrument with a total needs bands', '/bands');
    checkBands(def.bands, totalRange(def), precision, 'bands', '/bands', at);
    if (def.cutoff) checkCutoff(def.cutoff, def.bands, 'cutoff', '/cutoff', at);
  } else {
    if (def.bands.length > 0) at('bands', 'an instrument without a total cannot band the total', '/bands');
    if (def.subscales.length === 0) at('subscales', 'an instrument without a total needs subscales', '/subscales');
    if (def.scoring.transform !== undefined) at('scoring', 'percentage needs a total', '/scoring/transform');
    if (def.cutoff) at('cutoff', 'an instrument without a total has no cut-off of the total', '/cutoff');
  }
  def.subscales.forEach((subscale, index) => {
    const bands = subscale.bands ?? def.subscaleBands;
    const where = subscale.bands ? `subscales/${index}/bands` : 'subscaleBands';
    if (bands) checkBands(bands, subscaleRange(def, subscale), precision, `subscaleBands (${subscale.code})`, `/${where}`, at);
    if (subscale.cutoff) {
      if (!bands) at(`subscale ${subscale.code}`, 'a cut-off needs bands', `/subscales/${index}/cutoff`);
      else checkCutoff(subscale.cutoff, bands, `subscale ${subscale.code} cutoff`, `/subscales/${index}/cutoff`, at);
    }
  });
  const transform = def.scoring.transform;
  if (transform !== undefined && !(transform.multiply > 0 && Number.isFinite(transform.add))) at('scoring', 'transform.multiply must be positive', '/scoring/transform');
  const missing = def.scoring.missing;
  if (missing && !(Number.isInteger(missing.maxMissing) && missing.maxMissing >= 1 && missing.maxMissing < def.items.length)) {
    at('scoring', 'missing.maxMissing must be at least 1 and below the number of items', '/scoring/missing/maxMissing');
  }

  for (const message of validateCrisisRules(def, def.crisisRules)) problems.push({ path: '/crisisRules', message });

  if (def.reliableChange) {
    if (!(def.reliableChange.threshold > 0)) at('reliableChange', 'threshold must be positive', '/reliableChange/threshold');
    if (def.reliableChange.on === 'percent' && !transform) at('reliableChange', 'on percent needs a percentage score', '/reliableChange/on');
    if (def.reliableChange.on === 'total' && def.scoring.total === 'none') at('reliableChange', 'on total needs a total', '/reliableChange/on');
    if (!def.reliableChange.source?.trim()) at('reliableChange', 'needs a source', '/reliableChange/source');
  }
  if (!def.licence?.terms?.trim()) at('licence', 'needs its terms', '/licence/terms');
  if (!def.licence?.holder?.trim()) at('licence', 'needs its holder', '/licence/holder');
  if (!def.citation?.trim()) at('citation', 'is required', '/citation');
  if (!TRANSLATION_STATUSES.includes(def.translation?.status)) at('translation', `status must be one of ${TRANSLATION_STATUSES.join(', ')}`, '/translation/status');
  if (def.translation?.status === 'published_validated' && !def.translation.source) at('translation', 'a validated translation must name its source', '/translation/source');
  text('translation note', def.translation?.note, '/translation/note');
  return problems;
}

/** Checks crisis rules against a definition (shipped defaults and ASSESSMENT_CRISIS_RULES overrides alike). */
export function validateCrisisRules(def: InstrumentDefinition, rules: readonly CrisisRule[]): string[] {
  const problems: string[] = [];
  rules.forEach((rule, index) => {
    const where = `${def.code} crisis rule ${index + 1}`;
    if (rule.level !== undefined && !(CRISIS_RULE_LEVELS as readonly string[]).includes(rule.level)) {
      problems.push(`${where}: level must be one of ${CRISIS_RULE_LEVELS.join(', ')}`);
    }
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
      const values = (item.options ?? def.options).map((o) => o.value);
      for (const [answer, level] of Object.entries(rule.levelByAnswer ?? {})) {
        if (!values.includes(Number(answer)) || !(Number(answer) > rule.above)) {
          problems.push(`${where}: levelByAnswer names answer ${answer}, which is not an option above ${rule.above}`);
        }
        if (!(CRISIS_RULE_LEVELS as readonly string[]).includes(level)) problems.push(`${where}: levelByAnswer.${answer} must be one of ${CRISIS_RULE_LEVELS.join(', ')}`);
      }
    } else if (rule.kind === 'total_at_least') {
      if (def.scoring.total === 'none') {
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

function checkOptions(options: InstrumentDefinition['options'], where: string, path: string, at: At) {
  if (!Array.isArray(options) || options.length < 2) {
    at(where, 'needs at least two response options', path);
    return;
  }
  const values = options.map((o) => o.value);
  if (values.some((v) => !Number.isFinite(v))) at(where, 'values must be numbers', path);
  if (new Set(values).size !== values.length) at(where, 'values must be distinct', path);
  options.forEach((o, i) => {
    if (!o.label?.zh?.trim() || !o.label?.en?.trim()) at(`${where} ${i + 1}`, 'needs both zh and en labels', `${path}/${i}/label`);
  });
}

/** Bands must tile [low, high] without gap or overlap at the scale's precision, and carry their texts and source. */
function checkBands(bands: Band[], [low, high]: [number, number], precision: number, where: string, path: string, at: At) {
  if (bands.length === 0) return;
  const step = 10 ** -precision;
  const codes = new Set<string>();
  bands.forEach((band, i) => {
    const here = `${path}/${i}`;
    if (codes.has(band.code)) at(where, `code ${band.code} used twice`, `${here}/code`);
    codes.add(band.code);
    if (!/^[a-z][a-z0-9_]*$/.test(band.code)) at(where, `code ${band.code} must be lower_snake_case`, `${here}/code`);
    if (band.min > band.max) at(where, `${band.code} has min above max`, `${here}/min`);
    if (!band.label?.zh || !band.label?.en || !band.plain?.zh || !band.plain?.en) at(where, `${band.code} needs zh and en label and plain text`, `${here}/label`);
    if (!band.source?.trim()) at(where, `${band.code} needs a source`, `${here}/source`);
    if (typeof band.validated !== 'boolean') at(where, `${band.code} must say whether it is validated`, `${here}/validated`);
    if (i > 0 && roundTo(bands[i - 1].max + step, precision) !== band.min) {
      at(where, `${bands[i - 1].code} (to ${bands[i - 1].max}) and ${band.code} (from ${band.min}) leave a gap or overlap`, `${here}/min`);
    }
  });
  if (bands[0].min !== roundTo(low, precision)) at(where, `first band starts at ${bands[0].min}, the scale at ${low}`, `${path}/0/min`);
  if (bands[bands.length - 1].max !== roundTo(high, precision)) at(where, `last band ends at ${bands[bands.length - 1].max}, the scale at ${high}`, `${path}/${bands.length - 1}/max`);
}

/** A cut-off sits on a band boundary, so "above the cut-off" is a set of whole bands (the reports count bands). */
function checkCutoff(cutoff: Cutoff, bands: readonly Band[], where: string, path: string, at: At) {
  if ((cutoff.atLeast === undefined) === (cutoff.atMost === undefined)) {
    at(where, 'needs exactly one of atLeast and atMost', path);
    return;
  }
  const onBoundary = cutoff.atLeast !== undefined ? bands.slice(1).some((b) => b.min === cutoff.atLeast) : bands.slice(0, -1).some((b) => b.max === cutoff.atMost);
  if (!onBoundary) at(where, `must fall on a band boundary (${cutoff.atLeast ?? cutoff.atMost} is inside a band or outside the scale)`, path);
  if (!cutoff.source?.trim()) at(where, 'needs a source', `${path}/source`);
}

/** The bands at or beyond a cut-off (the positive ones). */
export function positiveBands(cutoff: Cutoff | undefined, bands: readonly Band[]): Band[] {
  if (!cutoff) return [];
  return bands.filter((b) => (cutoff.atLeast !== undefined ? b.min >= cutoff.atLeast : b.max <= cutoff.atMost!));
}
