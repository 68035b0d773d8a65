import type { EntityManager } from 'typeorm';
import { dbTime, fromDbTime } from '../../platform/database/db-time.js';
import { DIALECT, type Dialect } from '../../platform/database/dialect.js';
import { queryNamed } from '../../platform/database/named-query.js';
import { lockProfile } from '../../people/workers/population-counts.js';
import { applyCountDeltas, countDelta } from './assessment-counts.js';
import type { AssessmentResult } from './entities/assessment-result.entity.js';

/**
 * `assessment_latest`: each worker's latest result per (instrument, UTC calendar year). The one write path for new
 * results (AssessmentsService.submit, by workers and by staff) calls `recordLatest` in its transaction; the upsert
 * replaces the row only when the new result is not older, so results arriving out of order keep it right. When it
 * does, the dashboards' screening counts (assessment_counts) move from the old band and quarter to the new, in the
 * same transaction, under a lock on the worker's row (PostgreSQL) so that a concurrent submission or profile change
 * of the same worker counts from the state this one leaves. Results are never deleted or re-dated by the app (a
 * worker's rows go with the worker, by cascade, like their results); a seed that writes results by SQL, or changes
 * their times, runs the rebuild after (`npm run insights:rebuild`, `rebuildReportCountsSql`).
 */
export async function recordLatest(manager: EntityManager, result: AssessmentResult): Promise<void> {
  const year = result.createdAt.getUTCFullYear();
  const profile = await lockProfile(manager, result.workerId);
  const key = { al_instrument: result.instrumentCode, al_year: year, al_worker: result.workerId };
  const [previous] = await queryNamed<{ at: Date | string; band: string | null }>(
    manager,
    'SELECT at, band FROM assessment_latest WHERE instrument_code = :al_instrument AND year = :al_year AND worker_id = :al_worker',
    key,
  );
  const replaced = await queryNamed(
    manager,
    `INSERT INTO assessment_latest (instrument_code, year, worker_id, result_id, at, band)
     VALUES (:al_instrument, :al_year, :al_worker, :al_result, :al_at, :al_band)
     ON CONFLICT (instrument_code, year, worker_id) DO UPDATE SET result_id = excluded.result_id, at = excluded.at, band = excluded.band
     WHERE excluded.at >= assessment_latest.at
     RETURNING worker_id`,
    { ...key, al_result: result.id, al_at: dbTime(result.createdAt), al_band: result.band },
  );
  if (replaced.length === 0) return; // an older result: the latest, and so the counts, stay
  const fact = (at: Date, band: string | null) => ({ instrumentCode: result.instrumentCode, year, at, band });
  await applyCountDeltas(manager, [
    ...(previous ? [countDelta(profile, fact(fromDbTime(previous.at), previous.band), -1)] : []),
    countDelta(profile, fact(result.createdAt, result.band), 1),
  ]);
}

/** The UTC calendar year of a timestamp column, in SQL. */
export function sqlUtcYear(dialect: Dialect, column: string): string {
  return dialect === 'postgres' ? `CAST(EXTRACT(YEAR FROM ${column} AT TIME ZONE 'UTC') AS integer)` : `CAST(strftime('%Y', ${column}) AS integer)`;
}

/** Inserts each worker's latest result per instrument and year, from the results that `where` selects. */
function insertLatestSql(dialect: Dialect, where = ''): string {
  const year = sqlUtcYear(dialect, 'ar.created_at');
  return `INSERT INTO assessment_latest (instrument_code, year, worker_id, result_id, at, band)
     SELECT x.instrument_code, x.year, x.worker_id, x.id, x.created_at, x.band FROM (
       SELECT ar.instrument_code, ${year} AS year, ar.worker_id, ar.id, ar.created_at, ar.band,
         ROW_NUMBER() OVER (PARTITION BY ar.instrument_code, ${year}, ar.worker_id ORDER BY ar.created_at DESC, ar.id DESC) AS rn
       FROM assessment_results ar ${where}
     ) x WHERE x.rn = 1`;
}

/** Rebuilds the whole summary from the results, set-based (seeds that insert results by SQL; the migration's backfill). */
export function rebuildLatestSql(dialect: Dialect): string[] {
  return ['DELETE FROM assessment_latest', insertLatestSql(dialect)];
}

/** Rebuilds these workers' rows of the summary from their results (after a merge moved results between them). */
export async function rebuildLatestOf(manager: EntityManager, workerIds: readonly string[]): Promise<void> {
  if (workerIds.length === 0) return;
  await queryNamed(manager, 'DELETE FROM assessment_latest WHERE worker_id IN (:...al_workers)', { al_workers: workerIds });
  await queryNamed(manager, insertLatestSql(DIALECT, 'WHERE ar.worker_id IN (:...al_workers)'), { al_workers: workerIds });
}

export async function rebuildLatest(manager: EntityManager): Promise<void> {
  for (const statement of rebuildLatestSql(DIALECT)) await manager.query(statement);
}
