/**
 * Small-cell suppression for the desk's figures as officials see them. Pure. (The reports issue is writing a shared
 * function for src/platform/reporting/; until it lands on main this one serves the desk, and the integrator may swap
 * it for the shared one: the rules are the same.)
 *
 * A line is a set of row counts that add up to a published total (the units under a unit, and that unit's total).
 * - Primary: every count below k is withheld, zero included.
 * - Complementary: the withheld rows of a line must not be recoverable by subtraction. While the total is published,
 *   the withheld rows together must count at least k (so "total minus the published rows" is not itself a small
 *   cell, and a single withheld row is never alone); otherwise the smallest published row is withheld as well, and
 *   when no row is left to withhold, the total is.
 */
export const DEFAULT_MIN_CELL = 10;

export function suppressLine(rows: readonly number[], total: number, k: number): { rows: boolean[]; total: boolean } {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  for (const count of [...rows, total]) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`counts must be non-negative integers, got ${count}`);
  }
  const hidden = rows.map((count) => count < k);
  let totalHidden = total < k;
  for (;;) {
    if (totalHidden) break;
    const withheld = rows.reduce((sum, count, i) => sum + (hidden[i] ? count : 0), 0);
    const anyHidden = hidden.some(Boolean);
    if (!anyHidden || withheld >= k) break;
    const candidates = rows.map((count, i) => ({ count, i })).filter(({ i }) => !hidden[i]);
    if (candidates.length === 0) {
      totalHidden = true;
      break;
    }
    candidates.sort((a, b) => a.count - b.count || a.i - b.i);
    hidden[candidates[0].i] = true;
  }
  return { rows: hidden, total: totalHidden };
}

/** A count as published: the number, or null when withheld. */
export interface PublishedCount {
  value: number | null;
  suppressed: boolean;
}

export const publish = (value: number, suppressed: boolean): PublishedCount => (suppressed ? { value: null, suppressed: true } : { value, suppressed: false });

/** A statistic (mean, median) over `n` requests: shown only when `n` reaches k and the row itself is shown. */
export function publishStatistic(value: number | null, n: number, k: number, rowSuppressed: boolean): number | null {
  return rowSuppressed || n < k || value === null ? null : value;
}
