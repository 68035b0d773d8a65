import { suppressionMask } from '../../platform/reporting/suppression.js';

/**
 * The desk's figures as officials see them, on the shared small-cell rules (src/platform/reporting/suppression.ts).
 * A line is a set of row counts that add up to a published total (the units under a unit, and that unit's total):
 * every count below k is withheld, zero included, and complementary suppression leaves nothing to subtract.
 */
export function suppressLine(rows: readonly number[], total: number, k: number): { rows: boolean[]; total: boolean } {
  const hidden = suppressionMask([...rows, total], [{ members: rows.map((_, i) => i), total: rows.length }], k);
  return { rows: hidden.slice(0, rows.length), total: hidden[rows.length] };
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
