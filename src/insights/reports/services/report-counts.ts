import type { EntityManager } from 'typeorm';
import { dbTime } from '../../../platform/database/db-time.js';
import { queryNamed } from '../../../platform/database/named-query.js';
import type { SqlFragment } from '../../../platform/database/sql-fragment.js';
import type { Fact } from '../domain/cube.js';
import type { MeasureDefinition } from '../domain/report-definitions.js';
import type { UnitTree } from './report-scope.js';
import { pathUnder } from '../../../people/access/org-subtree.js';
import { sqlAgeBand } from '../../../people/workers/age-band.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CountRequest {
  tree: UnitTree;
  facts: SqlFragment;
  measure: MeasureDefinition;
  year: number;
  /** Workers of a subgroup: adds the membership dimension (`yes` / `no`). */
  members: SqlFragment | null;
  /**
   * Only the workers with a fact (the dashboards add those without one from the pre-aggregated population,
   * report-aggregates.ts), so the statement reads the facts and their workers, not every worker of the scope.
   */
  withFactOnly?: boolean;
}

/**
 * One set-based statement: every worker of the scope (erased ones too, so a deletion leaves the aggregates as they
 * were) with their latest fact of the year, counted per unit bucket, gender, age band, [quarter], [membership] and
 * category, with the sum of their record keys (the cell key of cell-key perturbation). Returns at most buckets × 4 × 5 × 4 × 2 × categories rows, never a row per worker.
 */
export async function countFacts(manager: EntityManager, request: CountRequest): Promise<Fact[]> {
  const { tree, facts, measure, year, members } = request;
  const root = pathUnder('u.path', tree.root.path, 'rc_root');
  const params: Record<string, unknown> = { ...facts.params, ...(members?.params ?? {}), ...root.params };
  const whens = tree.buckets().map((bucket, i) => {
    if (!UUID.test(bucket.unit.id)) throw new Error(`unexpected unit id ${bucket.unit.id}`);
    if (bucket.kind === 'direct') {
      params[`rc_b${i}`] = bucket.unit.id;
      return `WHEN w.org_unit_id = :rc_b${i} THEN '${bucket.code}'`;
    }
    const under = pathUnder('u.path', bucket.unit.path, `rc_b${i}`);
    Object.assign(params, under.params);
    return `WHEN ${under.sql} THEN '${bucket.code}'`;
  });
  const y = Math.trunc(year);
  const age = sqlAgeBand(String(y), 'w.birth_year');
  const columns = [`CASE ${whens.join(' ')} END`, 'w.gender', age];
  if (measure.quarters) {
    for (const q of [2, 3, 4]) params[`rc_q${q}`] = dbTime(new Date(Date.UTC(y, (q - 1) * 3, 1)));
    columns.push(`CASE WHEN f.at < :rc_q2 THEN 'q1' WHEN f.at < :rc_q3 THEN 'q2' WHEN f.at < :rc_q4 THEN 'q3' ELSE 'q4' END`);
  }
  if (members) columns.push(`CASE WHEN w.id IN (${members.sql}) THEN 'yes' ELSE 'no' END`);
  columns.push(measure.none ? `COALESCE(f.category, '${measure.none}')` : 'f.category');
  // A fragment that is already one row per worker (a maintained summary) skips the window over the year's facts.
  const latest = facts.onePerWorker
    ? facts.sql
    : `SELECT lf.worker_id, lf.at, lf.category FROM (
      SELECT x.worker_id, x.at, x.category, ROW_NUMBER() OVER (PARTITION BY x.worker_id ORDER BY x.at DESC) AS rn FROM (${facts.sql}) x
    ) lf WHERE lf.rn = 1`;
  const from = request.withFactOnly
    ? `(${latest}) f JOIN workers w ON w.id = f.worker_id JOIN org_units u ON u.id = w.org_unit_id`
    : `workers w JOIN org_units u ON u.id = w.org_unit_id ${measure.none ? 'LEFT JOIN' : 'JOIN'} (${latest}) f ON f.worker_id = w.id`;
  const sql = `SELECT ${columns.map((c, i) => `${c} AS d${i}`).join(', ')}, COUNT(*) AS n, SUM(w.record_key) AS rk
    FROM ${from}
    WHERE ${root.sql}
    GROUP BY ${columns.map((_, i) => i + 1).join(', ')}`;
  const rows = await queryNamed<Record<string, unknown>>(manager, sql, params);
  return rows.map((row) => ({ leaves: columns.map((_, i) => String(row[`d${i}`])), n: Number(row.n), key: Number(row.rk ?? 0) }));
}
