import { publishStatistic, suppressLine } from './suppression.js';

const K = 10;
/** Can a withheld row be worked out as total − the published rows (a small group left over)? */
function recoverable(rows: number[], total: number, mask: { rows: boolean[]; total: boolean }): boolean {
  if (mask.total) return false;
  const hidden = rows.filter((_, i) => mask.rows[i]);
  return hidden.length > 0 && hidden.reduce((a, b) => a + b, 0) < K;
}

describe('small-cell suppression', () => {
  it('publishes everything when every cell reaches k', () => {
    expect(suppressLine([10, 25, 40], 75, K)).toEqual({ rows: [false, false, false], total: false });
  });

  it('withholds small cells, zero included', () => {
    // 0 and 3 are withheld; together they are still a small group, so the smallest other row (30) goes too.
    expect(suppressLine([0, 30, 40, 3], 73, K).rows).toEqual([true, true, false, true]);
  });

  it('a single small cell takes a sibling with it, so total − siblings cannot recover it', () => {
    const mask = suppressLine([4, 30, 12, 50], 96, K);
    expect(mask.rows).toEqual([true, false, true, false]);
    expect(mask.total).toBe(false);
    expect(recoverable([4, 30, 12, 50], 96, mask)).toBe(false);
  });

  it('two small cells that add up to less than k take a third', () => {
    const mask = suppressLine([2, 3, 20, 40], 65, K);
    expect(mask.rows).toEqual([true, true, true, false]);
  });

  it('withholds the total when nothing else is left to withhold', () => {
    expect(suppressLine([3, 4], 7, K)).toEqual({ rows: [true, true], total: true });
    expect(suppressLine([3, 12], 15, K)).toEqual({ rows: [true, true], total: false });
    expect(suppressLine([3], 3, K)).toEqual({ rows: [true], total: true });
  });

  it('never leaves a recoverable cell (exhaustive over small lines)', () => {
    const values = [0, 1, 5, 9, 10, 11, 30];
    for (const a of values) for (const b of values) for (const c of values) {
      const rows = [a, b, c];
      const total = a + b + c;
      const mask = suppressLine(rows, total, K);
      for (const [i, count] of rows.entries()) if (count < K) expect(mask.rows[i]).toBe(true);
      expect(recoverable(rows, total, mask)).toBe(false);
    }
  });

  it('publishes a statistic only over at least k requests of a published row', () => {
    expect(publishStatistic(12.5, 10, K, false)).toBe(12.5);
    expect(publishStatistic(12.5, 9, K, false)).toBeNull();
    expect(publishStatistic(12.5, 40, K, true)).toBeNull();
    expect(publishStatistic(null, 40, K, false)).toBeNull();
  });

  it('refuses bad input', () => {
    expect(() => suppressLine([1.5], 1.5, K)).toThrow(RangeError);
    expect(() => suppressLine([-1], 0, K)).toThrow(RangeError);
    expect(() => suppressLine([1], 1, 0)).toThrow(RangeError);
  });
});
