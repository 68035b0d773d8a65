import type { EntityManager } from 'typeorm';
import type { Dialect } from '../../platform/database/dialect.js';
import { applyDeltas, rollupSql, type CountDelta, type RollupTable } from '../../people/org-units/unit-rollup.js';
import { ageBandOf, sqlAgeBand } from '../../people/workers/age-band.js';
import type { CountedProfile } from '../../people/workers/population-counts.js';

export const ASSESSMENT_COUNTS_TABLE: RollupTable = {
  name: 'assessment_counts',
  key: ['instrument_code', 'year', 'unit_id', 'scope', 'quarter', 'gender', 'age_band', 'band'],
};

/** A latest-result row as the counts see it. */
export interface LatestFact {
  instrumentCode: string;
  year: number;
  at: Date;
  band: string | null;
}

export const quarterOf = (at: Date): number => Math.floor(at.getUTCMonth() / 3) + 1;

/** One worker's latest result of a year, counted (+1) or uncounted (−1) at their profile. */
export function countDelta(profile: CountedProfile, fact: LatestFact, sign: 1 | -1): CountDelta {
  return {
    unitId: profile.orgUnitId,
    at: {
      instrument_code: fact.instrumentCode,
      year: fact.year,
      quarter: quarterOf(fact.at),
      gender: profile.gender,
      age_band: ageBandOf(fact.year, profile.birthYear),
      band: fact.band ?? 'unbanded',
    },
    n: sign,
    key: sign * profile.recordKey,
  };
}

export function applyCountDeltas(manager: EntityManager, deltas: CountDelta[]): Promise<void> {
  return applyDeltas(manager, ASSESSMENT_COUNTS_TABLE, deltas);
}

/** Rebuild from assessment_latest and workers, set-based (run after the latest-result summary is right). */
export function rebuildAssessmentCountsSql(dialect: Dialect): string[] {
  const quarter = dialect === 'postgres' ? `CAST(EXTRACT(QUARTER FROM al.at AT TIME ZONE 'UTC') AS integer)` : `((CAST(strftime('%m', al.at) AS integer) + 2) / 3)`;
  const dims = [`al.instrument_code`, `al.year`, `w.org_unit_id`, quarter, `w.gender`, sqlAgeBand('al.year', 'w.birth_year'), `COALESCE(al.band, 'unbanded')`];
  return [
    'DELETE FROM assessment_counts',
    `INSERT INTO assessment_counts (instrument_code, year, unit_id, quarter, gender, age_band, band, scope, n, key_sum)
     SELECT ${dims.join(', ')}, 'direct', COUNT(*), SUM(w.record_key)
     FROM assessment_latest al JOIN workers w ON w.id = al.worker_id
     GROUP BY ${dims.join(', ')}`,
    rollupSql(ASSESSMENT_COUNTS_TABLE),
  ];
}
