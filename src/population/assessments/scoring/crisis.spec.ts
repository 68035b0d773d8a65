import fc from 'fast-check';
import { CBI } from '../instruments/cbi.js';
import { GAD_2 } from '../instruments/gad-2.js';
import { GAD_7 } from '../instruments/gad-7.js';
import type { InstrumentDefinition } from '../instruments/instrument.types.js';
import { itemRange } from '../instruments/instrument-ranges.js';
import { K10 } from '../instruments/k10.js';
import { K6 } from '../instruments/k6.js';
import { PCL_5 } from '../instruments/pcl-5.js';
import { PHQ_2 } from '../instruments/phq-2.js';
import { PHQ_9 } from '../instruments/phq-9.js';
import { PSS_10 } from '../instruments/pss-10.js';
import { WHO_5 } from '../instruments/who-5.js';
import { crisisReasons, crisisRuleCode } from './crisis.js';
import { score } from './score.js';

const reasonsFor = (def: InstrumentDefinition, answers: number[]) => crisisReasons(def.crisisRules, answers, score(def, answers).totalScore);

/** Every answer vector of an instrument whose items take few values (PHQ-9: 4^9 = 262,144). */
function* everyAnswer(def: InstrumentDefinition): Generator<number[]> {
  const values = def.items.map((item) => {
    const [min, max] = itemRange(def, item);
    return Array.from({ length: max - min + 1 }, (_, i) => min + i);
  });
  const current = values.map((v) => v[0]);
  const index = values.map(() => 0);
  for (;;) {
    yield current;
    let i = 0;
    while (i < index.length && ++index[i] === values[i].length) index[i++] = 0;
    if (i === index.length) return;
    current[i] = values[i][index[i]];
    for (let j = 0; j < i; j++) current[j] = values[j][0];
  }
}

/** Random answer vectors from each item's options. */
const answersOf = (def: InstrumentDefinition) =>
  fc.tuple(...def.items.map((item) => fc.constantFrom(...(item.options ?? def.options).map((o) => o.value))));

describe('crisis rules: the defaults of issue #3 and instruments.md', () => {
  it('PHQ-9: item 9 above 0 whatever the total, or a total of 20 or more (Kroenke 2001); checked on all 262,144 answer sets', () => {
    let fired = 0;
    for (const answers of everyAnswer(PHQ_9)) {
      const total = answers.reduce((a, b) => a + b, 0);
      const expected = [...(answers[8] > 0 ? ['item_9_above_0'] : []), ...(total >= 20 ? ['total_at_least_20'] : [])];
      const reasons = reasonsFor(PHQ_9, answers);
      if (reasons.length !== expected.length || reasons.some((r, i) => r !== expected[i])) {
        throw new Error(`PHQ-9 ${answers.join(',')}: got ${reasons.join('+')}, expected ${expected.join('+')}`);
      }
      if (reasons.length > 0) fired++;
    }
    expect(fired).toBeGreaterThan(0);
  });

  it('PHQ-9 item 9 = 1 with every other item 0 (total 1) is a crisis; total 19 with item 9 = 0 is not', () => {
    expect(reasonsFor(PHQ_9, [0, 0, 0, 0, 0, 0, 0, 0, 1])).toEqual(['item_9_above_0']);
    expect(reasonsFor(PHQ_9, [3, 3, 3, 3, 3, 3, 1, 0, 0])).toEqual([]);
    expect(reasonsFor(PHQ_9, [3, 3, 3, 3, 3, 3, 2, 0, 0])).toEqual(['total_at_least_20']);
  });

  it('GAD-7: a total of 15 or more (Spitzer 2006 severe band); all 16,384 answer sets', () => {
    for (const answers of everyAnswer(GAD_7)) {
      const total = answers.reduce((a, b) => a + b, 0);
      expect(reasonsFor(GAD_7, answers)).toEqual(total >= 15 ? ['total_at_least_15'] : []);
    }
  });

  it('K6: a total of 13 or more (Kessler 2003 serious distress); all 15,625 answer sets', () => {
    for (const answers of everyAnswer(K6)) {
      const total = answers.reduce((a, b) => a + b, 0);
      expect(reasonsFor(K6, answers)).toEqual(total >= 13 ? ['total_at_least_13'] : []);
    }
  });

  it('K10: a total of 30 or more (ABS very high band), on random answer sets and at 29/30', () => {
    fc.assert(
      fc.property(answersOf(K10), (answers) => {
        const total = answers.reduce((a, b) => a + b, 0);
        expect(reasonsFor(K10, answers)).toEqual(total >= 30 ? ['total_at_least_30'] : []);
      }),
      { numRuns: 5000 },
    );
    expect(reasonsFor(K10, [5, 5, 5, 5, 1, 1, 1, 3, 1, 2])).toEqual([]);
    expect(reasonsFor(K10, [5, 5, 5, 5, 1, 1, 1, 3, 1, 3])).toEqual(['total_at_least_30']);
  });

  it('PCL-5: a total of 33 or more (Bovin 2016 provisional cut-off), on random answer sets and at 32/33', () => {
    fc.assert(
      fc.property(answersOf(PCL_5), (answers) => {
        const total = answers.reduce((a, b) => a + b, 0);
        expect(reasonsFor(PCL_5, answers)).toEqual(total >= 33 ? ['total_at_least_33'] : []);
      }),
      { numRuns: 5000 },
    );
    const at32 = [4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(reasonsFor(PCL_5, at32)).toEqual([]);
    expect(reasonsFor(PCL_5, [...at32.slice(0, 19), 1])).toEqual(['total_at_least_33']);
  });

  it.each([PHQ_2, GAD_2, WHO_5])('%s has no crisis rule: every answer set is quiet (no suicide item; follow a positive with the long form)', (def) => {
    expect(def.crisisRules).toEqual([]);
    for (const answers of everyAnswer(def)) expect(reasonsFor(def, answers)).toEqual([]);
  });

  it.each([PSS_10, CBI])('%s has no crisis rule, whatever the answers', (def) => {
    expect(def.crisisRules).toEqual([]);
    fc.assert(fc.property(answersOf(def), (answers) => expect(reasonsFor(def, answers)).toEqual([])), { numRuns: 2000 });
  });

  it('names rules with stable codes', () => {
    expect(crisisRuleCode({ kind: 'item_above', item: 9, above: 0 })).toBe('item_9_above_0');
    expect(crisisRuleCode({ kind: 'total_at_least', atLeast: 20 })).toBe('total_at_least_20');
  });

  it('applies configured rules instead of the defaults (ASSESSMENT_CRISIS_RULES)', () => {
    const answers = [0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(crisisReasons([{ kind: 'item_above', item: 9, above: 1 }], answers, 1)).toEqual([]);
    expect(crisisReasons([{ kind: 'total_at_least', atLeast: 1 }], answers, 1)).toEqual(['total_at_least_1']);
  });
});
