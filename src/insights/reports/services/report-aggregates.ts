import type { EntityManager } from 'typeorm';
import { queryNamed } from '../../../platform/database/named-query.js';
import { ageBandOf } from '../../../people/workers/age-band.js';
import type { Fact } from '../domain/cube.js';
import { countFacts, type CountRequest } from './report-counts.js';
import type { UnitTree } from './report-scope.js';

export interface CellRequest extends CountRequest {
  /** The instrument whose bands are pre-aggregated in assessment_counts (screening, trends; not a subscale). */
  counted: string | null;
}

interface UnitRows {
  sql: string;
  params: Record<string, unknown>;
  bucketOf: (unitId: string, scope: string) => string;
}

/** The rows of the buckets a dashboard shows: the direct rows of the units on the path, the subtree rows of the children off it. */
function unitRows(tree: UnitTree): UnitRows {
  const direct: string[] = [];
  const subtree: string[] = [];
  const codes = new Map<string, string>();
  for (const bucket of tree.buckets()) {
    (bucket.kind === 'direct' ? direct : subtree).push(bucket.unit.id);
    codes.set(`${bucket.kind}:${bucket.unit.id}`, bucket.code);
  }
  const clauses = [`(scope = 'direct' AND unit_id IN (:...ra_direct))`, ...(subtree.length > 0 ? [`(scope = 'subtree' AND unit_id IN (:...ra_subtree))`] : [])];
  return {
    sql: `(${clauses.join(' OR ')})`,
    params: { ra_direct: direct, ...(subtree.length > 0 ? { ra_subtree: subtree } : {}) },
    bucketOf: (unitId, scope) => {
      const code = codes.get(`${scope}:${unitId}`);
      if (!code) throw new Error(`unexpected count row ${scope} ${unitId}`);
      return code;
    },
  };
}

/**
 * A dashboard's grouped counts, the same rows `countFacts` gives (same leaves, counts and key sums, so the same
 * published figures), read from the pre-aggregated counts instead of a pass over every worker of the scope:
 * - screening and trends: assessment_counts (workers by the band and quarter of their latest result of the year);
 * - the other dashboards: the facts of the year joined to their workers only (few rows);
 * - workers without a fact (not screened, no case …): the population (population_counts) minus those with one.
 * A subgroup filter (membership is not pre-aggregated) falls back to the pass over the workers.
 */
export async function countCells(manager: EntityManager, request: CellRequest): Promise<Fact[]> {
  const { measure } = request;
  if (request.members || (measure.none && measure.quarters)) return countFacts(manager, request);
  const rows = unitRows(request.tree);
  const withFact = request.counted ? await screeningCounts(manager, request, request.counted, rows) : await countFacts(manager, { ...request, withFactOnly: true });
  if (!measure.none) return withFact;
  const residual = await population(manager, request.year, rows);
  for (const fact of withFact) {
    const cell = residual.get(fact.leaves.slice(0, 3).join('|'));
    if (!cell) throw outOfStep();
    cell.n -= fact.n;
    cell.key -= fact.key;
  }
  const none: Fact[] = [];
  for (const [at, cell] of residual) {
    if (cell.n < 0) throw outOfStep();
    if (cell.n > 0) none.push({ leaves: [...at.split('|'), measure.none], n: cell.n, key: cell.key });
  }
  return [...withFact, ...none];
}

async function screeningCounts(manager: EntityManager, request: CellRequest, instrument: string, rows: UnitRows): Promise<Fact[]> {
  const quarter = request.measure.quarters ? ', quarter' : '';
  const found = await queryNamed<Record<string, unknown>>(
    manager,
    `SELECT unit_id, scope, gender, age_band, band${quarter}, SUM(n) AS n, SUM(key_sum) AS rk FROM assessment_counts
     WHERE instrument_code = :ra_instrument AND year = :ra_year AND ${rows.sql}
     GROUP BY unit_id, scope, gender, age_band, band${quarter}`,
    { ra_instrument: instrument, ra_year: Math.trunc(request.year), ...rows.params },
  );
  return found
    .filter((r) => Number(r.n) !== 0)
    .map((r) => ({
      leaves: [
        rows.bucketOf(String(r.unit_id), String(r.scope)),
        String(r.gender),
        String(r.age_band),
        ...(request.measure.quarters ? [`q${Number(r.quarter)}`] : []),
        String(r.band),
      ],
      n: Number(r.n),
      key: Number(r.rk),
    }));
}

/** Workers per bucket, gender and age band in `year` (erased ones too), with their key sums. */
async function population(manager: EntityManager, year: number, rows: UnitRows): Promise<Map<string, { n: number; key: number }>> {
  const found = await queryNamed<Record<string, unknown>>(manager, `SELECT unit_id, scope, gender, birth_year, n, key_sum FROM population_counts WHERE ${rows.sql}`, rows.params);
  const cells = new Map<string, { n: number; key: number }>();
  for (const r of found) {
    const birthYear = Number(r.birth_year);
    const at = [rows.bucketOf(String(r.unit_id), String(r.scope)), String(r.gender), ageBandOf(Math.trunc(year), birthYear === 0 ? null : birthYear)].join('|');
    const cell = cells.get(at) ?? { n: 0, key: 0 };
    cell.n += Number(r.n);
    cell.key += Number(r.key_sum);
    cells.set(at, cell);
  }
  return cells;
}

const outOfStep = () => new Error('pre-aggregated counts are out of step with the facts: run `npm run insights:rebuild`');
