import { INSTRUMENTS, INSTRUMENT_CODES } from './index.js';
import type { InstrumentDefinition } from './instrument.types.js';
import { validateCrisisRules, validateInstrument } from './validate-instrument.js';
import { PHQ_9 } from './phq-9.js';
import { CBI } from './cbi.js';

const copy = (def: InstrumentDefinition): InstrumentDefinition => structuredClone(def);

describe('instrument library', () => {
  it('ships exactly the codes issues #3 and #19 name, and neither SCL-90 nor an electronic C-SSRS (both licensed)', () => {
    expect([...INSTRUMENT_CODES].sort()).toEqual(['AUDIT', 'AUDIT-C', 'CBI', 'DASS-21', 'GAD-2', 'GAD-7', 'K10', 'K6', 'PCL-5', 'PHQ-2', 'PHQ-9', 'PSS-10', 'WHO-5']);
    expect(INSTRUMENT_CODES.some((code) => /SCL|SSRS/i.test(code))).toBe(false);
  });

  it.each(INSTRUMENTS.map((def) => [def.code, def] as const))('%s passes the start-up validation', (_code, def) => {
    expect(validateInstrument(def)).toEqual([]);
  });

  it.each(INSTRUMENTS.map((def) => [def.code, def] as const))('%s says where its Chinese wording comes from', (_code, def) => {
    expect(['published_validated', 'commonly_used_unverified', 'own_wording']).toContain(def.translation.status);
    if (def.translation.status !== 'published_validated') expect(def.translation.note.zh).toMatch(/核对|并非/);
  });

  it('labels the PSS-10 and CBI cut-offs as not validated', () => {
    const pss = INSTRUMENTS.find((d) => d.code === 'PSS-10')!;
    expect(pss.bands.every((b) => !b.validated && /not validated|no published validation/i.test(b.source))).toBe(true);
    expect(CBI.subscaleBands!.every((b) => !b.validated)).toBe(true);
  });
});

describe('validateInstrument refuses a broken definition', () => {
  it('a gap between bands', () => {
    const def = copy(PHQ_9);
    def.bands[1].min = 6;
    expect(validateInstrument(def).join()).toMatch(/minimal .*mild .*gap or overlap/);
  });

  it('overlapping bands', () => {
    const def = copy(PHQ_9);
    def.bands[0].max = 5;
    expect(validateInstrument(def).join()).toMatch(/gap or overlap/);
  });

  it('bands that stop short of the scale', () => {
    const def = copy(PHQ_9);
    def.bands[4].max = 26;
    expect(validateInstrument(def).join()).toMatch(/last band ends at 26, the scale at 27/);
  });

  it('a band without a source', () => {
    const def = copy(PHQ_9);
    def.bands[2].source = '';
    expect(validateInstrument(def).join()).toMatch(/moderate needs a source/);
  });

  it('items out of order and missing Chinese text', () => {
    const def = copy(PHQ_9);
    def.items[2].number = 4;
    def.items[5].text.zh = ' ';
    const problems = validateInstrument(def).join('\n');
    expect(problems).toMatch(/item 3: is numbered 4/);
    expect(problems).toMatch(/item 6 text: needs both zh and en/);
  });

  it('duplicate option values', () => {
    const def = copy(PHQ_9);
    def.options = [...def.options, { value: 3, label: { zh: '总是', en: 'Always' } }];
    expect(validateInstrument(def).join()).toMatch(/values must be distinct/);
  });

  it('a subscale naming an item that does not exist', () => {
    const def = copy(CBI);
    def.subscales[0].items.push(20);
    expect(validateInstrument(def).join()).toMatch(/subscale personal: item 20 does not exist/);
  });

  it('a crisis rule that could never fire or always fires', () => {
    expect(validateCrisisRules(PHQ_9, [{ kind: 'item_above', item: 9, above: 3 }]).join()).toMatch(/"above" must be/);
    expect(validateCrisisRules(PHQ_9, [{ kind: 'item_above', item: 10, above: 0 }]).join()).toMatch(/item 10 does not exist/);
    expect(validateCrisisRules(PHQ_9, [{ kind: 'total_at_least', atLeast: 0 }]).join()).toMatch(/"atLeast" must be above 0/);
    expect(validateCrisisRules(PHQ_9, [{ kind: 'total_at_least', atLeast: 28 }]).join()).toMatch(/at most 27/);
    expect(validateCrisisRules(CBI, [{ kind: 'total_at_least', atLeast: 50 }]).join()).toMatch(/no total/);
    expect(validateCrisisRules(PHQ_9, [{ kind: 'total_at_least', atLeast: 20 }])).toEqual([]);
  });

  it('a reliable-change rule on a percentage the instrument does not have', () => {
    const def = copy(PHQ_9);
    def.reliableChange = { threshold: 10, on: 'percent', source: 'x' };
    expect(validateInstrument(def).join()).toMatch(/on percent needs a percentage score/);
  });

  it('a bad version or code', () => {
    const def = copy(PHQ_9);
    def.version = 'v1';
    def.code = 'phq 9';
    const problems = validateInstrument(def).join();
    expect(problems).toMatch(/version: must look like 1.0.0/);
    expect(problems).toMatch(/code: must be/);
  });
});
