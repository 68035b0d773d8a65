import { readFileSync } from 'node:fs';
import { INSTRUMENT_SCHEMA } from './instrument-schema.js';
import type { InstrumentFile } from './instrument.types.js';
import { parseInstrumentFile } from './parse-instrument-file.js';
import { LIBRARY_DIR, SHIPPED_INSTRUMENTS } from './shipped-library.js';

const fileOf = (name: string): InstrumentFile => JSON.parse(readFileSync(new URL(name, LIBRARY_DIR), 'utf8')) as InstrumentFile;
const problemsOf = (input: unknown) => {
  const parsed = parseInstrumentFile(input);
  return parsed.ok ? [] : parsed.problems;
};

/** A small made-up instrument exercising weights, a transform and prorating (not shipped). */
const tiny = (): InstrumentFile => ({
  code: 'TINY-3',
  version: '1.0.0',
  languages: ['zh-CN', 'en'],
  name: { zh: '小量表', en: 'Tiny' },
  instructions: { zh: '请作答', en: 'Please answer' },
  options: [
    { value: 0, label: { zh: '否', en: 'No' } },
    { value: 1, label: { zh: '有时', en: 'Sometimes' } },
    { value: 2, label: { zh: '是', en: 'Yes' } },
  ],
  items: [
    { number: 1, text: { zh: '一', en: 'One' } },
    { number: 2, text: { zh: '二', en: 'Two' }, weight: 2 },
    { number: 3, text: { zh: '三', en: 'Three' }, reverse: true },
  ],
  subscales: [{ code: 'first_two', name: { zh: '前两题', en: 'First two' }, items: [1, 2], method: 'sum', multiply: 10 }],
  scoring: { total: 'sum', transform: { multiply: 10, add: 5 }, precision: 0, higherIsBetter: false, missing: { maxMissing: 1, method: 'prorate', source: 'made up' } },
  bands: [
    { code: 'low', min: 0, max: 3, label: { zh: '低', en: 'Low' }, plain: { zh: '低', en: 'Low' }, source: 'made up', validated: false },
    { code: 'high', min: 4, max: 8, label: { zh: '高', en: 'High' }, plain: { zh: '高', en: 'High' }, source: 'made up', validated: false },
  ],
  cutoff: { atLeast: 4, source: 'made up' },
  crisisRules: [{ kind: 'item_above', item: 1, above: 0, level: 'concern', levelByAnswer: { '2': 'imminent' } }],
  reliableChange: null,
  licence: { holder: 'Xingang tests', terms: 'test only', electronicDisplay: true, permission: 'public_domain' },
  citation: 'none',
  translation: { status: 'own_wording', source: null, note: { zh: '并非译本', en: 'Not a translation' } },
  examples: [
    // 2 + 2×2 + (2 − 0) = 8 → high; ×10 + 5 = 85; subscale (2 + 4) × 10 = 60; item 1 answered 2 → imminent.
    { name: 'all high', answers: [2, 2, 0], expect: { total: 8, band: 'high', transformed: 85, subscales: { first_two: 60 }, crisis: ['item_1_above_0'], level: 'imminent' } },
    // item 2 missing: mean of answered (1 and 2 − 1 = 1) × 3 = 3 → low; subscale 1 × 2 × 10 = 20.
    { name: 'one missing, prorated', answers: [1, null, 1], expect: { total: 3, band: 'low', transformed: 35, subscales: { first_two: 20 }, crisis: ['item_1_above_0'], level: 'concern' } },
  ],
});

describe('instrument files', () => {
  it('publishes the schema in docs/ exactly as the loader checks it', () => {
    const published = JSON.parse(readFileSync(new URL('../../../../docs/instrument.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(INSTRUMENT_SCHEMA)));
  });

  it.each(SHIPPED_INSTRUMENTS.map((f) => [f.code]))('%s is a file that loads, with golden examples', (code) => {
    const file = SHIPPED_INSTRUMENTS.find((f) => f.code === code)!;
    expect(file.languages).toEqual(['zh-CN', 'en']);
    expect(file.examples.length).toBeGreaterThan(0);
  });

  it('loads a file with weights, a linear transform, a subscale factor and prorating, as its examples state', () => {
    expect(problemsOf(tiny())).toEqual([]);
  });

  it('refuses a file whose golden example does not score as stated, naming the example and the value', () => {
    const file = fileOf('phq-9.json');
    file.examples[1].expect.total = 10;
    const problems = problemsOf(file);
    expect(problems).toEqual([
      { path: '/examples/1', message: expect.stringMatching(/^PHQ-9 example 2 "中间选项 \/ middle answer to every item": total is 18, the example states 10$/) as unknown },
    ]);
  });

  it('refuses an example whose band, crisis rules or level are wrong', () => {
    const file = tiny();
    file.examples[0].expect.band = 'low';
    file.examples[1].expect.level = 'urgent';
    const messages = problemsOf(file).map((p) => p.message);
    expect(messages[0]).toMatch(/example 1 "all high": band is "high", the example states "low"/);
    expect(messages[1]).toMatch(/example 2 "one missing, prorated": crisis level is "concern", the example states "urgent"/);
  });

  it('refuses an example with answers the instrument does not take', () => {
    const file = tiny();
    file.examples[0].answers = [2, null, null];
    expect(problemsOf(file)[0].message).toMatch(/example 1 "all high": its answers are not valid \(2 unanswered, at most 1\)/);
  });

  it('names each field that breaks the schema', () => {
    const file = tiny() as unknown as Record<string, unknown>;
    delete file.licence;
    (file.scoring as Record<string, unknown>).total = 'product';
    file.colour = 'blue';
    const paths = problemsOf(file).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['', '/scoring/total']));
    const messages = problemsOf(file).map((p) => p.message).join('\n');
    expect(messages).toMatch(/must have required property 'licence'/);
    expect(messages).toMatch(/must NOT have additional properties \(colour\)/);
    expect(messages).toMatch(/\/scoring\/total: must be equal to one of the allowed values \(sum, mean, none\)/);
  });

  it('refuses a cut-off inside a band and a level-by-answer for an answer that cannot fire', () => {
    const file = tiny();
    file.cutoff = { atLeast: 5, source: 'x' };
    file.crisisRules = [{ kind: 'item_above', item: 1, above: 1, level: 'urgent', levelByAnswer: { '1': 'imminent' } }];
    const messages = problemsOf(file).map((p) => p.message).join('\n');
    expect(messages).toMatch(/cutoff: must fall on a band boundary/);
    expect(messages).toMatch(/levelByAnswer names answer 1, which is not an option above 1/);
  });

  it('refuses a file in other languages or without a licence holder', () => {
    const file = tiny();
    file.languages = ['en', 'zh-CN'];
    file.licence.holder = '';
    expect(problemsOf(file).map((p) => p.path)).toEqual(expect.arrayContaining(['/languages/0', '/licence/holder']));
  });
});
