import fc from 'fast-check';
import {
  assertMinCell,
  suppressGroup,
  suppressionMask,
  suppressionMaskKnownTotals,
  suppressMean,
  suppressNamedGroup,
  suppressPart,
  suppressTable,
  type CountCell,
  type Line,
} from './suppression.js';

const shown = (count: number): CountCell => ({ count, suppressed: false });
const hidden: CountCell = { count: null, suppressed: true };

describe('small-cell suppression', () => {
  describe('minimum cell size', () => {
    it('refuses k below 5 or not an integer', () => {
      expect(() => assertMinCell(4)).toThrow(RangeError);
      expect(() => assertMinCell(0)).toThrow(RangeError);
      expect(() => assertMinCell(7.5)).toThrow(RangeError);
      expect(() => assertMinCell(5)).not.toThrow();
      expect(() => suppressGroup([1, 2], 3)).toThrow(RangeError);
    });

    it('refuses negative or fractional counts', () => {
      expect(() => suppressGroup([-1, 20], 10)).toThrow(RangeError);
      expect(() => suppressGroup([1.5, 20], 10)).toThrow(RangeError);
    });
  });

  describe('one group with its total', () => {
    it('publishes everything when every cell reaches k', () => {
      expect(suppressGroup([10, 25, 40], 10)).toEqual({ cells: [shown(10), shown(25), shown(40)], total: shown(75) });
    });

    it('withholds a cell below k and, as its complement, the smallest other cell', () => {
      // Without the complement, 75 − 25 − 40 would give the 3 back.
      expect(suppressGroup([3, 25, 40], 10)).toEqual({ cells: [hidden, hidden, shown(40)], total: shown(68) });
    });

    it('keeps withholding until the withheld cells together reach k', () => {
      // 2 and 3 withheld: 5 < 10 would still be a small cell (total − the published 40), so 12 goes too.
      expect(suppressGroup([2, 3, 12, 40], 10)).toEqual({ cells: [hidden, hidden, hidden, shown(40)], total: shown(57) });
    });

    it('treats zero as a small cell, and never leaves zeros readable by subtraction', () => {
      // Published 30 and 30 = total would prove both withheld cells are zero.
      expect(suppressGroup([0, 0, 30], 10)).toEqual({ cells: [hidden, hidden, hidden], total: shown(30) });
    });

    it('withholds the total and every cell when the total is below k', () => {
      expect(suppressGroup([4, 3], 10)).toEqual({ cells: [hidden, hidden], total: hidden });
    });

    it('withholds the total when a lone cell is withheld (the total would equal it)', () => {
      expect(suppressGroup([12], 10)).toEqual({ cells: [shown(12)], total: shown(12) });
      expect(suppressGroup([4], 5)).toEqual({ cells: [hidden], total: hidden });
    });

    it('defeats the differencing attack: total minus all-but-one never yields a single withheld cell', () => {
      const { cells, total } = suppressGroup([11, 14, 1, 30], 10);
      const published = cells.filter((c) => !c.suppressed).map((c) => c.count!);
      const withheld = cells.filter((c) => c.suppressed);
      expect(withheld.length).toBeGreaterThanOrEqual(2);
      // What subtraction yields is the sum of the withheld cells, which is itself at least k.
      expect(total.count! - published.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10);
    });

    it('names cells for dashboards', () => {
      const result = suppressNamedGroup({ invited: 2, accepted: 30, declined: 11 }, 10);
      expect(result.cells).toEqual({ invited: hidden, accepted: shown(30), declined: hidden });
      expect(result.total).toEqual(shown(43));
    });
  });

  describe('a part of a published whole', () => {
    it('shows the part only when both it and the rest reach k', () => {
      expect(suppressPart(12, 30, 10)).toEqual(shown(12));
      expect(suppressPart(4, 30, 10)).toEqual(hidden);
      // 25 of 30: the other 5 would be read off the whole.
      expect(suppressPart(25, 30, 10)).toEqual(hidden);
      expect(suppressPart(30, 30, 10)).toEqual(hidden);
      expect(() => suppressPart(31, 30, 10)).toThrow(RangeError);
    });
  });

  describe('means', () => {
    it('publishes a mean only over at least k workers, rounded to one decimal', () => {
      expect(suppressMean(61.234, 12, 10)).toEqual({ mean: 61.2, suppressed: false, n: shown(12) });
      expect(suppressMean(61.234, 9, 10)).toEqual({ mean: null, suppressed: true, n: hidden });
      expect(suppressMean(null, 0, 10)).toEqual({ mean: null, suppressed: true, n: hidden });
    });

    it('withholds the number measured when the unmeasured rest of the whole is small', () => {
      expect(suppressMean(55, 18, 10, 20)).toEqual({ mean: 55, suppressed: false, n: hidden });
      expect(suppressMean(55, 12, 10, 30)).toEqual({ mean: 55, suppressed: false, n: shown(12) });
    });
  });

  describe('two-way tables', () => {
    it('suppresses a second cell in the row and in the column of a small cell', () => {
      const { cells, rowTotals, columnTotals, total } = suppressTable(
        [
          [3, 20, 30],
          [15, 25, 35],
        ],
        10,
      );
      expect(cells[0][0].suppressed).toBe(true);
      // Row 0 needs a second withheld cell, and column 0 needs one too.
      expect(cells[0].filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
      expect([cells[0][0], cells[1][0]].filter((c) => c.suppressed).length).toBe(2);
      expect(rowTotals.every((c) => !c.suppressed)).toBe(true);
      expect(columnTotals.every((c) => !c.suppressed)).toBe(true);
      expect(total).toEqual(shown(128));
    });

    it('refuses ragged rows', () => {
      expect(() => suppressTable([[1, 2], [3]], 10)).toThrow(RangeError);
    });
  });

  describe('properties (random tables)', () => {
    const k = 5;
    const matrix = fc.integer({ min: 1, max: 5 }).chain((columns) => fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 5 }));

    /** Every published count reaches k; no line has exactly one unknown; withheld members of a line with a published total add up to 0 or ≥ k. */
    function assertSafe(counts: number[], lines: Line[], mask: boolean[]) {
      counts.forEach((count, i) => {
        if (!mask[i]) expect(count).toBeGreaterThanOrEqual(k);
      });
      for (const line of lines) {
        const withheld = line.members.filter((i) => mask[i]);
        const unknowns = withheld.length + (mask[line.total] ? 1 : 0);
        expect(unknowns).not.toBe(1);
        if (!mask[line.total] && withheld.length > 0) {
          expect(withheld.reduce((sum, i) => sum + counts[i], 0)).toBeGreaterThanOrEqual(k);
        }
      }
    }

    it('one group: safe by every rule', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 }), (counts) => {
          const all = [...counts, counts.reduce((a, b) => a + b, 0)];
          const lines = [{ members: counts.map((_, i) => i), total: counts.length }];
          assertSafe(all, lines, suppressionMask(all, lines, k));
        }),
      );
    });

    it('two-way tables: every row and column is safe, and what is published is the true count', () => {
      fc.assert(
        fc.property(matrix, (m) => {
          const { cells, rowTotals, columnTotals, total } = suppressTable(m, k);
          m.forEach((row, r) =>
            row.forEach((value, c) => {
              const cell = cells[r][c];
              if (!cell.suppressed) expect(cell.count).toBe(value);
              else expect(cell.count).toBeNull();
            }),
          );
          const lineSafe = (members: CountCell[], lineTotal: CountCell, values: number[]) => {
            const unknowns = members.filter((c) => c.suppressed).length + (lineTotal.suppressed ? 1 : 0);
            expect(unknowns).not.toBe(1);
            const withheldSum = members.reduce((sum, c, i) => sum + (c.suppressed ? values[i] : 0), 0);
            if (!lineTotal.suppressed && members.some((c) => c.suppressed)) expect(withheldSum).toBeGreaterThanOrEqual(k);
          };
          m.forEach((row, r) => lineSafe(cells[r], rowTotals[r], row));
          m[0].forEach((_, c) => lineSafe(m.map((__, r) => cells[r][c]), columnTotals[c], m.map((row) => row[c])));
          lineSafe(rowTotals, total, m.map((row) => row.reduce((a, b) => a + b, 0)));
        }),
      );
    });
  });
});

describe('suppressionMaskKnownTotals (cubes read in many slices)', () => {
  const k = 10;
  it('withholds a second member beside a small one even when the total is withheld too', () => {
    // members 1, 12, 15 of a total 28 that another request may publish
    const hidden = suppressionMaskKnownTotals([1, 12, 15, 28], [{ members: [0, 1, 2], total: 3 }], k);
    expect(hidden.slice(0, 3)).toEqual([true, true, false]);
  });
  it('keeps withholding until the withheld members together reach k', () => {
    const hidden = suppressionMaskKnownTotals([0, 2, 3, 40, 45], [{ members: [0, 1, 2, 3], total: 4 }], k);
    expect(hidden).toEqual([true, true, true, true, false]);
  });
  it('publishes a line with nothing small in it', () => {
    expect(suppressionMaskKnownTotals([10, 20, 30], [{ members: [0, 1], total: 2 }], k)).toEqual([false, false, false]);
  });
  it('never leaves exactly one withheld member in any line, on random tables', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const members = Array.from({ length: 2 + Math.floor(random() * 5) }, () => Math.floor(random() * 30));
      const counts = [...members, members.reduce((a, b) => a + b, 0)];
      const line = { members: members.map((_, i) => i), total: members.length };
      const hidden = suppressionMaskKnownTotals(counts, [line], k);
      const withheld = line.members.filter((i) => hidden[i]);
      expect(withheld.length === 0 || withheld.length === members.length || (withheld.length > 1 && withheld.reduce((s, i) => s + counts[i], 0) >= k)).toBe(true);
      counts.forEach((c, i) => expect(hidden[i] || c >= k).toBe(true));
    }
  });
});
