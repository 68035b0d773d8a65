import { CBI } from '../instruments/cbi.js';
import { GAD_2 } from '../instruments/gad-2.js';
import { GAD_7 } from '../instruments/gad-7.js';
import type { InstrumentDefinition } from '../instruments/instrument.types.js';
import { K10 } from '../instruments/k10.js';
import { K6 } from '../instruments/k6.js';
import { PCL_5 } from '../instruments/pcl-5.js';
import { PHQ_2 } from '../instruments/phq-2.js';
import { PHQ_9 } from '../instruments/phq-9.js';
import { PSS_10 } from '../instruments/pss-10.js';
import { WHO_5 } from '../instruments/who-5.js';
import { checkAnswers, score } from './score.js';
import { answersForItemScores, answersForTotal } from './testing.js';

/**
 * Bands as the sources publish them, written out here independently of the data files: every total of every
 * summed instrument is scored and compared, so every band boundary (both sides) is covered.
 */
type Table = Array<[min: number, max: number, band: string]>;
const SOURCES: Array<[InstrumentDefinition, string, Table]> = [
  [PHQ_9, 'Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606', [[0, 4, 'minimal'], [5, 9, 'mild'], [10, 14, 'moderate'], [15, 19, 'moderately_severe'], [20, 27, 'severe']]],
  [PHQ_2, 'Kroenke, Spitzer & Williams 2003, Med Care 41:1284 (cut-off 3)', [[0, 2, 'negative'], [3, 6, 'positive']]],
  [GAD_7, 'Spitzer et al. 2006, Arch Intern Med 166:1092', [[0, 4, 'minimal'], [5, 9, 'mild'], [10, 14, 'moderate'], [15, 21, 'severe']]],
  [GAD_2, 'Kroenke et al. 2007, Ann Intern Med 146:317 (cut-off 3)', [[0, 2, 'negative'], [3, 6, 'positive']]],
  [WHO_5, 'Topp et al. 2015, Psychother Psychosom 84:167 (raw < 13 poor)', [[0, 12, 'poor'], [13, 25, 'adequate']]],
  [K10, 'Kessler et al. 2002 with the ABS bands 10-15/16-21/22-29/30-50', [[10, 15, 'low'], [16, 21, 'moderate'], [22, 29, 'high'], [30, 50, 'very_high']]],
  [K6, 'Prochaska et al. 2012 (5-12 moderate) and Kessler et al. 2003 (13+ serious)', [[0, 4, 'low'], [5, 12, 'moderate'], [13, 24, 'serious']]],
  [PSS_10, 'Cohen 1983 items; conventional, unvalidated bands 0-13/14-26/27-40', [[0, 13, 'low'], [14, 26, 'moderate'], [27, 40, 'high']]],
  [PCL_5, 'Weathers et al. 2013; cut-off 33 (Bovin et al. 2016, Psychol Assess 28:1379)', [[0, 32, 'below_threshold'], [33, 80, 'probable_ptsd']]],
];

describe.each(SOURCES)('%s scores as its source', (def, source, table) => {
  const expectedBand = (total: number) => table.find(([min, max]) => total >= min && total <= max)![2];
  const boundaries = table.flatMap(([min, max, band]) => [[min, band] as const, [max, band] as const]);

  it(`covers the whole scale with the bands of ${source}`, () => {
    expect(def.bands.map((b) => [b.min, b.max, b.code])).toEqual(table);
  });

  it.each(boundaries)(`total %d is band %s (${source})`, (total, band) => {
    const result = score(def, answersForTotal(def, total));
    expect(result.totalScore).toBe(total);
    expect(result.band).toBe(band);
  });

  it(`bands every possible total as ${source}`, () => {
    const [low, high] = [table[0][0], table[table.length - 1][1]];
    for (let total = low; total <= high; total++) {
      const result = score(def, answersForTotal(def, total));
      expect([total, result.totalScore, result.band]).toEqual([total, total, expectedBand(total)]);
    }
  });
});

describe('WHO-5 percentage (Topp et al. 2015: raw × 4)', () => {
  it.each([
    [0, 0],
    [12, 48],
    [13, 52],
    [25, 100],
  ])('raw %d is %d %%', (raw, percent) => {
    expect(score(WHO_5, answersForTotal(WHO_5, raw)).percentScore).toBe(percent);
  });

  it('has no reverse items: all items positively worded (Topp et al. 2015)', () => {
    expect(WHO_5.items.some((i) => i.reverse)).toBe(false);
    expect(score(WHO_5, [5, 5, 5, 5, 5]).totalScore).toBe(25);
  });

  it('gives no percentage to other instruments', () => {
    expect(score(PHQ_9, answersForTotal(PHQ_9, 10)).percentScore).toBeNull();
  });
});

describe('PSS-10 reverse items 4, 5, 7 and 8 (Cohen, Kamarck & Mermelstein 1983)', () => {
  it('reverses exactly items 4, 5, 7 and 8', () => {
    expect(PSS_10.items.filter((i) => i.reverse).map((i) => i.number)).toEqual([4, 5, 7, 8]);
  });

  it.each([4, 5, 7, 8].flatMap((item) => [0, 1, 2, 3, 4].map((answer) => [item, answer])))(
    'reverse item %d answered %d scores 4 − answer',
    (item, answer) => {
      const answers = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
      answers[item - 1] = answer;
      // the other three reverse items answered 0 score 4 each
      expect(score(PSS_10, answers).itemScores[item - 1]).toBe(4 - answer);
      expect(score(PSS_10, answers).totalScore).toBe(12 + (4 - answer));
    },
  );

  it.each([1, 2, 3, 6, 9, 10])('forward item %d scores its answer', (item) => {
    const answers = [0, 0, 0, 4, 4, 0, 4, 4, 0, 0];
    answers[item - 1] = 3;
    expect(score(PSS_10, answers).totalScore).toBe(3);
  });

  it('all reverse items at "very often" and the rest "never" is the least stress (0)', () => {
    expect(score(PSS_10, [0, 0, 0, 4, 4, 0, 4, 4, 0, 0]).band).toBe('low');
    expect(score(PSS_10, [4, 4, 4, 0, 0, 4, 0, 0, 4, 4]).totalScore).toBe(40);
  });
});

describe('CBI (Kristensen et al. 2005): subscale means 0-100, no total, item 13 reversed', () => {
  const answersWith = (personal: number[], work: number[], client: number[]) => [...personal, ...work, ...client];

  it('has no total and no overall band', () => {
    const result = score(CBI, new Array(19).fill(50));
    expect(result.totalScore).toBeNull();
    expect(result.band).toBeNull();
    expect(result.percentScore).toBeNull();
  });

  it('scores each subscale as the mean of its items (all "sometimes" = 50; item 13 reversed stays 50)', () => {
    expect(score(CBI, new Array(19).fill(50)).subscales).toEqual({ personal: 50, work: 50, client: 50 });
  });

  it.each([0, 25, 50, 75, 100])('reverse item 13 ("enough energy for family and friends") answered %d scores 100 − answer', (answer) => {
    const answers = answersWith([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, answer], [0, 0, 0, 0, 0, 0]);
    const result = score(CBI, answers);
    expect(result.itemScores[12]).toBe(100 - answer);
    expect(result.subscales!.work).toBe(Math.round(((100 - answer) / 7) * 100) / 100);
  });

  it('reverses only item 13', () => {
    expect(CBI.items.filter((i) => i.reverse).map((i) => i.number)).toEqual([13]);
  });

  it.each([
    ['personal', [75, 50, 50, 50, 25, 25], 45.83, 'low'],
    ['personal', [75, 50, 50, 50, 50, 25], 50, 'high'],
    ['client', [50, 50, 50, 50, 50, 25], 45.83, 'low'],
    ['client', [50, 50, 50, 50, 50, 50], 50, 'high'],
  ] as const)('%s mean %s at the ≥ 50 boundary (convention, unverified) → %s', (subscale, values, mean, band) => {
    const six = [...values];
    const answers =
      subscale === 'personal' ? answersWith(six, [0, 0, 0, 0, 0, 0, 100], [0, 0, 0, 0, 0, 0]) : answersWith([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 100], six);
    const result = score(CBI, answers);
    expect(result.subscales![subscale]).toBe(mean);
    expect(result.subscaleBands![subscale]).toBe(band);
  });

  it.each([
    // seven items: 325/7 = 46.43 is low, 350/7 = 50 is high; item 13 answered 100 scores 0
    [[50, 50, 50, 50, 75, 50, 100], 46.43, 'low'],
    [[50, 50, 50, 75, 75, 50, 100], 50, 'high'],
    [[75, 50, 50, 75, 75, 50, 100], 53.57, 'high'],
  ] as const)('work-related mean at the boundary: %j → %s %s', (work, mean, band) => {
    const result = score(CBI, answersWith([0, 0, 0, 0, 0, 0], [...work], [0, 0, 0, 0, 0, 0]));
    expect(result.subscales!.work).toBe(mean);
    expect(result.subscaleBands!.work).toBe(band);
  });
});

describe('PCL-5 clusters (Weathers et al. 2013, DSM-5 B-E)', () => {
  it('sums each cluster', () => {
    const scores = [1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4];
    const result = score(PCL_5, answersForItemScores(PCL_5, scores));
    expect(result.subscales).toEqual({ intrusion: 5, avoidance: 4, negative_cognition_mood: 21, arousal: 24 });
    expect(result.totalScore).toBe(54);
  });
});

describe('checkAnswers names the item at fault', () => {
  it('a missing answer names the first item without one', () => {
    expect(checkAnswers(PHQ_9, [0, 0, 0, 0, 0, 0, 0])).toEqual({ ok: false, problem: { kind: 'missing', item: 8, expected: 9, received: 7 } });
    expect(checkAnswers(PHQ_9, [])).toMatchObject({ ok: false, problem: { kind: 'missing', item: 1 } });
  });

  it('an extra answer names the first item that does not exist', () => {
    expect(checkAnswers(GAD_2, [0, 0, 0])).toEqual({ ok: false, problem: { kind: 'extra', item: 3, expected: 2, received: 3 } });
  });

  it.each([[4], [-1], [1.5], ['2'], [null]])('%p is not a PHQ-9 option', (bad) => {
    const answers: unknown[] = [0, 1, 2, 3, 0, 1, 2, 3, 0];
    answers[5] = bad;
    expect(checkAnswers(PHQ_9, answers)).toEqual({ ok: false, problem: { kind: 'invalid', item: 6, value: bad, allowed: [0, 1, 2, 3] } });
  });

  it('checks each item against its own options (CBI mixes two scales, both 0-100 in steps of 25)', () => {
    const answers = new Array(19).fill(25);
    answers[6] = 30;
    expect(checkAnswers(CBI, answers)).toMatchObject({ ok: false, problem: { kind: 'invalid', item: 7, allowed: [0, 25, 50, 75, 100] } });
  });

  it('K10 answers run 1-5, so 0 is refused', () => {
    expect(checkAnswers(K10, [1, 1, 1, 1, 1, 1, 1, 1, 1, 0])).toMatchObject({ ok: false, problem: { kind: 'invalid', item: 10 } });
  });

  it('refuses something that is not a list', () => {
    expect(checkAnswers(PHQ_9, { 1: 0 })).toEqual({ ok: false, problem: { kind: 'not_a_list' } });
  });

  it('accepts a full, valid set', () => {
    expect(checkAnswers(PHQ_9, [0, 1, 2, 3, 0, 1, 2, 3, 0])).toEqual({ ok: true, values: [0, 1, 2, 3, 0, 1, 2, 3, 0] });
  });
});
