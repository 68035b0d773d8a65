import type { InstrumentDefinition } from '../instruments/instrument.types.js';
import { shipped } from '../instruments/shipped-library.js';
import { checkAnswers, score } from './score.js';

/**
 * DASS-21 (Lovibond & Lovibond 1995) and AUDIT / AUDIT-C (Babor et al. 2001, WHO; Bradley et al. 2007), checked
 * against the manuals' facts (../shared/instruments.md) written out here independently of the data files: every
 * possible score of every subscale or total is scored and compared, so every band boundary is covered on both sides.
 */
const DASS = shipped('DASS-21');
const AUDIT = shipped('AUDIT');
const AUDIT_C = shipped('AUDIT-C');

type Table = Array<[min: number, max: number, band: string]>;
const SEVERITY = ['normal', 'mild', 'moderate', 'severe', 'extremely_severe'];
const dassTable = (maxima: number[]): Table => {
  let low = 0;
  return [...maxima, 42].map((max, i) => {
    const row: [number, number, string] = [low, max, SEVERITY[i]];
    low = max + 1;
    return row;
  });
};
const DASS_SUBSCALES: Array<[code: string, items: number[], table: Table]> = [
  ['depression', [3, 5, 10, 13, 16, 17, 21], dassTable([9, 13, 20, 27])],
  ['anxiety', [2, 4, 7, 9, 15, 19, 20], dassTable([7, 9, 14, 19])],
  ['stress', [1, 6, 8, 11, 12, 14, 18], dassTable([14, 18, 25, 33])],
];
const bandIn = (table: Table, value: number) => table.find(([min, max]) => value >= min && value <= max)![2];

/** Answers giving `raw` on the listed items (filled in order, 0-3 each) and 0 elsewhere. */
function answersFor(def: InstrumentDefinition, items: number[], raw: number): number[] {
  const answers = def.items.map(() => 0);
  let left = raw;
  for (const n of items) {
    answers[n - 1] = Math.min(3, left);
    left -= answers[n - 1];
  }
  return answers;
}

describe('DASS-21 (Lovibond & Lovibond 1995)', () => {
  it('has 21 items answered 0-3, three subscales of seven items, no total and no crisis rule', () => {
    expect(DASS.items).toHaveLength(21);
    expect(DASS.options.map((o) => o.value)).toEqual([0, 1, 2, 3]);
    expect(DASS.subscales.map((s) => [s.code, s.items])).toEqual(DASS_SUBSCALES.map(([code, items]) => [code, items]));
    expect(DASS.scoring.total).toBe('none');
    expect(DASS.crisisRules).toEqual([]);
    expect(DASS.licence.permission).toBe('public_domain');
  });

  it.each(DASS_SUBSCALES)('%s: every raw sum 0-21 is doubled and banded as the manual (both sides of every boundary)', (code, items, table) => {
    for (let raw = 0; raw <= 21; raw++) {
      const result = score(DASS, answersFor(DASS, items, raw));
      expect([raw, result.subscales![code], result.subscaleBands![code]]).toEqual([raw, raw * 2, bandIn(table, raw * 2)]);
      expect(result.totalScore).toBeNull();
      expect(result.band).toBeNull();
    }
  });

  it.each(DASS_SUBSCALES)('%s bands are exactly the manual ranges', (code, _items, table) => {
    const subscale = DASS.subscales.find((s) => s.code === code)!;
    expect(subscale.bands!.map((b) => [b.min, b.max, b.code])).toEqual(table);
  });

  it('scores the three subscales independently', () => {
    const answers = answersFor(DASS, [3, 5, 10, 13, 16, 17, 21], 14); // depression 28 only
    expect(score(DASS, answers).subscales).toEqual({ depression: 28, anxiety: 0, stress: 0 });
    expect(score(DASS, answers).subscaleBands).toEqual({ depression: 'extremely_severe', anxiety: 'normal', stress: 'normal' });
  });
});

const ZONES: Table = [[0, 7, 'zone_1'], [8, 15, 'zone_2'], [16, 19, 'zone_3'], [20, 40, 'zone_4']];
const AUDIT_C_BANDS: Table = [[0, 2, 'low_risk'], [3, 3, 'positive_women'], [4, 12, 'positive']];

/** AUDIT answers with total `total`: items 1-8 filled 0-4 in order, the (even) rest on items 9-10. */
function auditAnswers(total: number): number[] {
  const answers = Array<number>(10).fill(0);
  let first = Math.min(32, total);
  if ((total - first) % 2 === 1) first -= 1;
  let left = first;
  for (let i = 0; i < 8; i++) left -= answers[i] = Math.min(4, left);
  let even = total - first;
  for (let i = 8; i < 10; i++) even -= answers[i] = Math.min(4, even);
  return answers;
}

describe('AUDIT (Babor et al. 2001, WHO)', () => {
  it('scores items 1-8 from 0 to 4 and items 9-10 as 0, 2 or 4', () => {
    expect(AUDIT.items.slice(0, 8).every((item) => (item.options ?? AUDIT.options).map((o) => o.value).join() === '0,1,2,3,4')).toBe(true);
    expect(AUDIT.items.slice(8).map((item) => item.options!.map((o) => o.value))).toEqual([[0, 2, 4], [0, 2, 4]]);
    expect(checkAnswers(AUDIT, [0, 0, 0, 0, 0, 0, 0, 0, 1, 0])).toMatchObject({ ok: false, problem: { kind: 'invalid', item: 9, allowed: [0, 2, 4] } });
  });

  it('bands every total 0-40 in the four WHO risk zones (both sides of every boundary)', () => {
    for (let total = 0; total <= 40; total++) {
      const result = score(AUDIT, auditAnswers(total));
      expect([total, result.totalScore, result.band]).toEqual([total, total, bandIn(ZONES, total)]);
    }
    expect(AUDIT.bands.map((b) => [b.min, b.max, b.code])).toEqual(ZONES);
  });

  it('uses ≥ 8 (hazardous or harmful use) as its cut-off and has no crisis rule', () => {
    expect(AUDIT.cutoff?.atLeast).toBe(8);
    expect(AUDIT.crisisRules).toEqual([]);
  });

  it('carries AUDIT-C (items 1-3) as its consumption subscale, banded as AUDIT-C', () => {
    const result = score(AUDIT, [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.subscales).toEqual({ consumption: 3, dependence: 0, harm: 0 });
    expect(result.subscaleBands).toEqual({ consumption: 'positive_women' });
  });
});

describe('AUDIT-C (Bradley et al. 2007)', () => {
  it('is AUDIT items 1-3 with the same wording and options', () => {
    expect(AUDIT_C.items).toEqual(AUDIT.items.slice(0, 3));
  });

  it('bands every total 0-12: positive ≥ 3 for women (its own band) and ≥ 4 for everyone', () => {
    for (let total = 0; total <= 12; total++) {
      const answers = [Math.min(4, total), Math.min(4, Math.max(0, total - 4)), Math.max(0, total - 8)];
      const result = score(AUDIT_C, answers);
      expect([total, result.totalScore, result.band]).toEqual([total, total, bandIn(AUDIT_C_BANDS, total)]);
    }
    expect(AUDIT_C.cutoff?.atLeast).toBe(4);
  });
});
