/**
 * The dashboards' age bands: a worker's age in a calendar year is `year − birth year` (the profile holds the year
 * only). One definition for the SQL that counts and the code that maintains the pre-aggregated counts.
 */
export const AGE_BAND_CODES = ['under_30', '30_39', '40_49', '50_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BAND_CODES)[number];

export function ageBandOf(year: number, birthYear: number | null): AgeBand {
  if (birthYear === null) return 'unknown';
  const age = year - birthYear;
  return age < 30 ? 'under_30' : age < 40 ? '30_39' : age < 50 ? '40_49' : '50_plus';
}

/** The same, in SQL: `year` a SQL integer expression, `birthYear` a nullable integer column. */
export function sqlAgeBand(year: string, birthYear: string): string {
  return `CASE WHEN ${birthYear} IS NULL THEN 'unknown' WHEN ${year} - ${birthYear} < 30 THEN 'under_30' WHEN ${year} - ${birthYear} < 40 THEN '30_39'
    WHEN ${year} - ${birthYear} < 50 THEN '40_49' ELSE '50_plus' END`;
}
