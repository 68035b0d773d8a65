import type { EntityManager } from 'typeorm';
import type { Dialect } from '../../../platform/database/dialect.js';
import { rebuildPopulationSql } from '../../../people/workers/population-counts.js';
import { rebuildAssessmentCountsSql } from '../../../population/assessments/assessment-counts.js';
import { rebuildLatestSql } from '../../../population/assessments/assessment-latest.js';

const TABLES = ['assessment_latest', 'population_counts', 'assessment_counts'];

/**
 * The dashboards' pre-aggregated counts recomputed from the facts, set-based: population_counts from workers, and
 * assessment_counts from assessment_latest and workers (with `latest`, the latest-result summary from the results
 * first). For seeds that write facts by SQL, the migration's backfill and `npm run insights:rebuild`.
 */
export function rebuildReportCountsSql(dialect: Dialect, options: { latest: boolean; inTransaction: boolean } = { latest: true, inTransaction: true }): string[] {
  return [
    // PostgreSQL: writers of these tables (a submission, a new worker) wait until the rebuild commits, then count on top of it.
    ...(dialect === 'postgres' && options.inTransaction ? [`LOCK TABLE ${TABLES.join(', ')} IN SHARE ROW EXCLUSIVE MODE`] : []),
    ...(options.latest ? rebuildLatestSql(dialect) : []),
    ...rebuildPopulationSql(),
    ...rebuildAssessmentCountsSql(dialect),
  ];
}

/** In the caller's transaction. */
export async function rebuildReportCounts(manager: EntityManager, dialect: Dialect): Promise<void> {
  for (const statement of rebuildReportCountsSql(dialect)) await manager.query(statement);
}
