import type { EntityManager } from 'typeorm';
import { pathWithin } from '../../people/access/org-subtree.js';

/**
 * Read-only lookups of the people tables `workers`, `org_units` and `users` by name, for work that has no signed-in
 * actor to scope by (a job, an event handler, a break-the-glass request) or that must compare two units. The same
 * practice as AccessScope and the assessments module's audience queries; nothing here writes.
 */
export interface WorkerFacts {
  id: string;
  name: string;
  orgUnitId: string;
  erased: boolean;
}

export async function workerFacts(manager: EntityManager, workerId: string): Promise<WorkerFacts | null> {
  const row = await manager
    .createQueryBuilder()
    .select(['pw.id AS id', 'pw.name AS name', 'pw.org_unit_id AS "orgUnitId"', 'pw.erased AS erased'])
    .from('workers', 'pw')
    .where('pw.id = :workerId', { workerId })
    .getRawOne<{ id: string; name: string; orgUnitId: string; erased: boolean | number }>();
  return row ? { ...row, erased: row.erased === true || row.erased === 1 } : null;
}

/** Display names of workers the caller has already been allowed to see. */
export async function workerNames(manager: EntityManager, workerIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(workerIds)];
  if (ids.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder()
    .select(['pn.id AS id', 'pn.name AS name'])
    .from('workers', 'pn')
    .where('pn.id IN (:...ids)', { ids })
    .getRawMany<{ id: string; name: string }>();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** True when `unitId` is `ancestorId` or below it. */
export async function unitWithin(manager: EntityManager, unitId: string, ancestorId: string): Promise<boolean> {
  const row = await manager
    .createQueryBuilder()
    .select('1', 'ok')
    .from('org_units', 'pu')
    .innerJoin('org_units', 'pa', 'pa.id = :ancestorId', { ancestorId })
    .where('pu.id = :unitId', { unitId })
    .andWhere(pathWithin('pu.path', 'pa.path'))
    .getRawOne<{ ok: unknown }>();
  return row !== undefined;
}

export interface StaffFacts {
  id: string;
  role: string;
  orgUnitId: string;
  active: boolean;
  email: string | null;
}

export async function userFacts(manager: EntityManager, userId: string): Promise<StaffFacts | null> {
  const row = await manager
    .createQueryBuilder()
    .select(['pu.id AS id', 'pu.role AS role', 'pu.org_unit_id AS "orgUnitId"', 'pu.active AS active', 'pu.email AS email'])
    .from('users', 'pu')
    .where('pu.id = :userId', { userId })
    .getRawOne<{ id: string; role: string; orgUnitId: string; active: boolean | number; email: string | null }>();
  return row ? { ...row, active: row.active === true || row.active === 1 } : null;
}

/** Display names of staff users (assignees, history actors), so colleagues are named, never "another colleague". */
export async function userNames(manager: EntityManager, userIds: Array<string | null | undefined>): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)))];
  if (ids.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder()
    .select(['pun.id AS id', 'pun.display_name AS name'])
    .from('users', 'pun')
    .where('pun.id IN (:...ids)', { ids })
    .getRawMany<{ id: string; name: string }>();
  return new Map(rows.map((r) => [r.id, r.name]));
}
