import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DIALECT } from '../../../platform/database/dialect.js';

/**
 * Pre-aggregated screening counts for the dashboards: workers by the band of their latest result of an instrument in
 * a UTC calendar year (assessment_latest), per quarter of that result, unit, gender and age band in that year, with
 * the sum of their record keys (cell-key perturbation); once per unit's own workers (`direct`) and once per subtree
 * of the unit and each ancestor (`subtree`; people/org-units/unit-rollup.ts). Maintained with the latest-result
 * summary in the result's transaction and when a profile changes (assessment-counts.ts); `npm run insights:rebuild`
 * recomputes it from the facts. Counts only: no worker id.
 */
@Entity('assessment_counts')
export class AssessmentCount {
  @PrimaryColumn({ name: 'instrument_code', type: 'varchar', length: 20 })
  instrumentCode: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  scope: 'direct' | 'subtree';

  /** 1–4: the quarter of the worker's latest result of the year. */
  @PrimaryColumn({ type: 'integer' })
  quarter: number;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  gender: string;

  @PrimaryColumn({ name: 'age_band', type: 'varchar', length: 10 })
  ageBand: string;

  /** The result's band, `unbanded` when it has none. */
  @PrimaryColumn({ type: 'varchar', length: 30 })
  band: string;

  @Column({ type: 'integer' })
  n: number;

  @Column({ name: 'key_sum', type: DIALECT === 'postgres' ? 'bigint' : 'integer' })
  keySum: number;
}
