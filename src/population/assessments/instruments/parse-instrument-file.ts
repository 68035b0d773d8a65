import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { checkAnswers, score, type AnswerProblem } from '../scoring/score.js';
import { firedRules, mostUrgent } from '../scoring/crisis.js';
import { INSTRUMENT_SCHEMA } from './instrument-schema.js';
import type { GoldenExample, InstrumentFile } from './instrument.types.js';
import { instrumentProblems, type InstrumentProblem } from './validate-instrument.js';

const ajv = new Ajv2020({ allErrors: true, strictTypes: false, strictTuples: false });
const validateShape = ajv.compile(INSTRUMENT_SCHEMA);

export type ParsedInstrument = { ok: true; file: InstrumentFile } | { ok: false; problems: InstrumentProblem[] };

/**
 * Reads an instrument file: its shape (the JSON Schema), its meaning (bands tile the scale, rules can fire, the
 * cut-off sits on a band boundary…) and its golden examples, which must score exactly as stated. Every problem is
 * named with the field it is about; a file with any problem is refused whole.
 */
export function parseInstrumentFile(input: unknown): ParsedInstrument {
  const code = typeof (input as { code?: unknown })?.code === 'string' ? (input as { code: string }).code : '?';
  if (!validateShape(input)) {
    return { ok: false, problems: (validateShape.errors ?? []).map((error) => schemaProblem(code, error)) };
  }
  const file = input as unknown as InstrumentFile;
  const problems = instrumentProblems(file);
  if (problems.length > 0) return { ok: false, problems };
  const failing = file.examples.flatMap((example, index) => exampleProblems(file, example, index));
  return failing.length > 0 ? { ok: false, problems: failing } : { ok: true, file };
}

function schemaProblem(code: string, error: ErrorObject): InstrumentProblem {
  const extra = error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty: string }).additionalProperty)})` : '';
  const allowed = error.keyword === 'enum' ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  return { path: error.instancePath, message: `${code} ${error.instancePath || '/'}: ${error.message ?? 'is invalid'}${extra}${allowed}` };
}

/** What is wrong with one golden example: it names the example and each value that differs from what it states. */
export function exampleProblems(file: InstrumentFile, example: GoldenExample, index: number): InstrumentProblem[] {
  const path = `/examples/${index}`;
  const at = (message: string) => ({ path, message: `${file.code} example ${index + 1} "${example.name}": ${message}` });
  const checked = checkAnswers(file, example.answers);
  if (!checked.ok) return [at(`its answers are not valid (${describeProblem(checked.problem)})`)];
  const scored = score(file, checked.values);
  const fired = firedRules(file.crisisRules, checked.values, scored.totalScore);
  const expect = example.expect;
  const differences: string[] = [];
  const compare = (what: string, expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) differences.push(`${what} is ${JSON.stringify(actual)}, the example states ${JSON.stringify(expected)}`);
  };
  compare('total', expect.total, scored.totalScore);
  compare('band', expect.band, scored.band);
  if (expect.transformed !== undefined) compare('transformed score', expect.transformed, scored.percentScore);
  if (expect.subscales !== undefined) compare('subscales', sorted(expect.subscales), sorted(scored.subscales ?? {}));
  if (expect.subscaleBands !== undefined) compare('subscale bands', sorted(expect.subscaleBands), sorted(scored.subscaleBands ?? {}));
  compare('crisis rules', expect.crisis, fired.map((f) => f.code));
  if (expect.level !== undefined) compare('crisis level', expect.level, mostUrgent(fired));
  return differences.length > 0 ? [at(differences.join('; '))] : [];
}

const sorted = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

function describeProblem(problem: AnswerProblem): string {
  switch (problem.kind) {
    case 'not_a_list':
      return 'not a list';
    case 'missing':
    case 'extra':
      return `${problem.received} answers for ${problem.expected} items`;
    case 'invalid':
      return `item ${problem.item} cannot be ${JSON.stringify(problem.value)}`;
    case 'too_many_missing':
      return `${problem.missing} unanswered, at most ${problem.allowed}`;
  }
}
