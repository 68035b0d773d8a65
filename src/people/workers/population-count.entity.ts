import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DIALECT } from '../../platform/database/dialect.js';

/**
 * Pre-aggregated population for the dashboards: workers (erased ones too) per unit, gender and birth year, with the
 * sum of their record keys (cell-key perturbation), once per unit's own workers (`direct`) and once per subtree of
 * the unit and each ancestor (`subtree`; org-units/unit-rollup.ts). Maintained in the transaction that creates a
 * worker or changes their unit, gender or birth year (population-counts.ts); `npm run insights:rebuild` recomputes
 * it from `workers`. Counts only: no worker id.
 */
@Entity('population_counts')
export class PopulationCount {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  scope: 'direct' | 'subtree';

  @PrimaryColumn({ type: 'varchar', length: 20 })
  gender: string;

  /** 0 when the profile has no birth year (a key column cannot be NULL). */
  @PrimaryColumn({ name: 'birth_year', type: 'integer' })
  birthYear: number;

  @Column({ type: 'integer' })
  n: number;

  /** Sum of the workers' record keys (up to ~2^31 × workers: 64-bit). */
  @Column({ name: 'key_sum', type: DIALECT === 'postgres' ? 'bigint' : 'integer' })
  keySum: number;
}
