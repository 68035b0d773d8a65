import type { SqlFragment } from '../../platform/database/sql-fragment.js';

/** An instrument's clinical cut-off of the total, as its instrument file states it (InstrumentLibrary.cutoffs()). */
export interface TotalCutoff {
  atLeast?: number;
  atMost?: number;
}

/**
 * A positive screen: any crisis result, or a total at or beyond its instrument's clinical cut-off (PHQ-9 ≥ 10, the
 * validated cut-off for probable depression, also in the Chinese validation; PCL-5 ≥ 33, the provisional PTSD
 * cut-off). The cut-offs come from the instrument files: one source with the reports and dashboards.
 */
export function isPositiveScreen(cutoffs: ReadonlyMap<string, TotalCutoff>, instrumentCode: string, totalScore: number | null, crisis: boolean): boolean {
  if (crisis) return true;
  const cutoff = cutoffs.get(instrumentCode);
  if (!cutoff || totalScore === null) return false;
  return cutoff.atLeast !== undefined ? totalScore >= cutoff.atLeast : totalScore <= cutoff.atMost!;
}

/**
 * The same rule as SQL over an `assessment_results` row aliased `alias`, with the codes and numbers bound as named
 * parameters (`params`), never spliced into the text: instrument codes come from uploaded files.
 */
export function positiveScreenSql(alias: string, cutoffs: ReadonlyMap<string, TotalCutoff>): SqlFragment {
  const params: Record<string, string | number> = {};
  const terms = [...cutoffs.entries()].map(([code, cutoff], i) => {
    params[`cut_code_${i}`] = code;
    params[`cut_score_${i}`] = (cutoff.atLeast ?? cutoff.atMost)!;
    return `(${alias}.instrument_code = :cut_code_${i} AND ${alias}.total_score ${cutoff.atLeast !== undefined ? '>=' : '<='} :cut_score_${i})`;
  });
  return { sql: `(${[`${alias}.crisis = TRUE`, ...terms].join(' OR ')})`, params };
}
