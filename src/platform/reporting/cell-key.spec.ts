import { MAX_ERROR, newRecordKey, noiseFor, publishCount, publishMean, TYPICAL_ERRORS } from './cell-key.js';

describe('cell-key perturbation', () => {
  it('is a function of the cell key and count only (the same question, the same answer)', () => {
    for (let key = 0; key < 50; key++) expect(noiseFor(key * 7919, 30)).toBe(noiseFor(key * 7919, 30));
    expect(publishCount(30, 123456, 10)).toEqual(publishCount(30, 123456, 10));
  });

  it('follows the stated distribution and never exceeds the stated bound', () => {
    const n = 200_000;
    const histogram = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const e = noiseFor(newRecordKey(), 10 + (i % 50));
      expect(Math.abs(e)).toBeLessThanOrEqual(MAX_ERROR);
      histogram.set(Math.abs(e), (histogram.get(Math.abs(e)) ?? 0) + 1);
    }
    for (const [within, share] of TYPICAL_ERRORS) {
      let inside = 0;
      for (const [m, c] of histogram) if (m <= within) inside += c;
      expect(Math.abs(inside / n - share)).toBeLessThan(0.01);
    }
    // Symmetric: no bias in either direction.
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += noiseFor(newRecordKey(), 25);
    expect(Math.abs(sum / 20_000)).toBeLessThan(0.06);
  });

  it('withholds counts whose true or perturbed value is under k, saying why', () => {
    expect(publishCount(9, 42, 10)).toEqual({ count: null, suppressed: true, exact: false, reason: 'fewer_than_k' });
    expect(publishCount(0, 0, 10).suppressed).toBe(true);
    for (let key = 0; key < 200; key++) {
      const cell = publishCount(12, key * 104729, 10);
      if (!cell.suppressed) expect(cell.count).toBeGreaterThanOrEqual(10);
    }
  });

  it('never publishes a mean over fewer than k, and keeps a perturbed mean in its range', () => {
    expect(publishMean(4.2, 9, 1, 10, 'satisfaction', { min: 1, max: 5 }).value).toBeNull();
    for (let key = 0; key < 300; key++) {
      const { value } = publishMean(4.9, 10, key * 15485863, 10, 'satisfaction', { min: 1, max: 5 });
      expect(value).toBeGreaterThanOrEqual(1);
      expect(value).toBeLessThanOrEqual(5);
    }
  });
});
