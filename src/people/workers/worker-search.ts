import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { preparedRows } from '../../platform/database/prepared-query.js';
import { num } from '../../platform/database/sql-helpers.js';
import type { AccessScope } from '../access/access-scope.service.js';
import { unitUnderUnit } from '../access/org-subtree.js';
import type { WorkerQueryDto } from './worker.dto.js';
import type { WorkerSummary } from './worker-mapper.js';

const FACTS = [
  ['gender', 'gender'],
  ['employmentStatus', 'employment_status'],
  ['specialPost', 'special_post'],
  ['cadreLevel', 'cadre_level'],
] as const;

interface SearchRow {
  id: string;
  name: string;
  orgUnitId: string;
  gender: WorkerSummary['gender'];
  birthYear: number | string | null;
  employeeNo: string | null;
  jobTitle: string | null;
  total: number | string;
}

/**
 * The worker search as one prepared statement: the page and the total of all matches together (`COUNT(*) OVER ()`),
 * the actor's scope in the WHERE clause. The SQL has one shape per combination of filters present (so each shape
 * is prepared once); the values are always parameters. A page past the last match returns no row to carry the
 * total, so only then is it counted on its own.
 */
export async function searchWorkers(
  manager: EntityManager,
  actor: Actor,
  query: WorkerQueryDto,
  scope: AccessScope,
  page: number,
  pageSize: number,
): Promise<{ rows: WorkerSummary[]; total: number }> {
  const where = ['w.erased = :erased'];
  const params: Record<string, unknown> = { erased: false, limit: pageSize, offset: (page - 1) * pageSize };
  const add = (fragment: { sql: string; params: Record<string, unknown> }) => {
    where.push(fragment.sql);
    Object.assign(params, fragment.params);
  };
  if (actor.role === 'worker') add({ sql: 'w.id = :own', params: { own: actor.workerId ?? '' } });
  else add(scope.unitScope(actor, 'w.org_unit_id'));
  if (query.orgUnitId) add(unitUnderUnit('w.org_unit_id', query.orgUnitId, 'filterUnit'));
  if (query.q) {
    // Name prefix as an index range (surname first is how names are looked up), or an exact employee number.
    const q = query.q.trim();
    add({ sql: '((w.name >= :q AND w.name < :qEnd) OR w.employee_no = :q)', params: { q, qEnd: `${q}\u{10FFFF}` } });
  }
  for (const [fact, column] of FACTS) {
    if (query[fact]) add({ sql: `w.${column} = :${fact}`, params: { [fact]: query[fact] } });
  }
  const from = `FROM workers w WHERE ${where.join(' AND ')}`;
  const rows = await preparedRows<SearchRow>(
    manager,
    `SELECT w.id AS id, w.name AS name, w.org_unit_id AS "orgUnitId", w.gender AS gender, w.birth_year AS "birthYear",
       w.employee_no AS "employeeNo", w.job_title AS "jobTitle", COUNT(*) OVER () AS total
     ${from} ORDER BY w.name ASC, w.id ASC LIMIT :limit OFFSET :offset`,
    params,
  );
  const total = rows.length > 0 ? num(rows[0].total) : page === 1 ? 0 : num((await preparedRows<{ n: unknown }>(manager, `SELECT COUNT(*) AS n ${from}`, params))[0].n);
  return {
    total,
    rows: rows.map((r) => ({ id: r.id, name: r.name, orgUnitId: r.orgUnitId, gender: r.gender, birthYear: r.birthYear === null ? null : Number(r.birthYear), employeeNo: r.employeeNo, jobTitle: r.jobTitle })),
  };
}
