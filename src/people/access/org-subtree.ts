import type { Actor } from '../../platform/auth/actor.js';
import { type SqlFragment, sqlKey } from '../../platform/database/sql-fragment.js';

/**
 * The org-subtree rule, in one place: unit D is in the subtree of unit A when D's materialised path
 * (`/root/…/A/…/D/`) starts with A's. Every query that limits rows to a part of the tree builds its clause here;
 * a lint rule (eslint.config.js, `ORG_SUBTREE_RULE`) refuses `path LIKE` anywhere else.
 *
 * The ancestor's path is bound as a parameter (`LIKE :p` with `p = '/root/…/A/%'`), never spliced into the SQL and
 * never looked up by a subquery: PostgreSQL then plans with the actual prefix and its statistics. Paths hold unit
 * ids (uuids) and slashes only, so they carry no LIKE wildcard.
 */

/** `descendantPath LIKE ancestorPath || '%'`, for two path expressions of the same statement (a join). */
export function pathWithin(descendantPath: string, ancestorPath: string): string {
  return `${descendantPath} LIKE ${ancestorPath} || '%'`;
}

/** `pathColumn` is the path of a unit in the subtree rooted at the unit whose path is `rootPath` (bound as `:key`). */
export function pathUnder(pathColumn: string, rootPath: string, key: string): SqlFragment {
  return { sql: `${pathColumn} LIKE :${sqlKey(key)}`, params: { [key]: `${rootPath}%` } };
}

/** `unitColumn` (an org-unit id) is in the subtree rooted at the unit whose path is `rootPath`. */
export function unitUnder(unitColumn: string, rootPath: string, key: string): SqlFragment {
  const alias = `${sqlKey(key)}_u`;
  const cond = pathUnder(`${alias}.path`, rootPath, key);
  return { sql: `${unitColumn} IN (SELECT ${alias}.id FROM org_units ${alias} WHERE ${cond.sql})`, params: cond.params };
}

/**
 * `unitColumn` is in the subtree of unit `unitId`, for callers that hold only the id (an actor built outside a
 * request, a unit named in the input): the root's path is read in the statement, by primary key.
 */
export function unitUnderUnit(unitColumn: string, unitId: string, key: string): SqlFragment {
  const k = sqlKey(key);
  return {
    sql: `${unitColumn} IN (SELECT ${k}_u.id FROM org_units ${k}_u WHERE ${pathWithin(`${k}_u.path`, `(SELECT ${k}_a.path FROM org_units ${k}_a WHERE ${k}_a.id = :${k}Unit)`)})`,
    params: { [`${k}Unit`]: unitId },
  };
}

/** `unitColumn` is the unit whose path is `path` or one of its ancestors (ids read from the path, no query). */
export function unitAbove(unitColumn: string, path: string, key: string): SqlFragment {
  const ids = unitAndAncestors(path);
  return { sql: ids.length > 0 ? `${unitColumn} IN (:...${sqlKey(key)}Above)` : '1 = 0', params: { [`${key}Above`]: ids } };
}

/** `unitColumn` is unit `unitId` or one of its ancestors, for callers that hold only the id. */
export function unitAboveUnit(unitColumn: string, unitId: string, key: string): SqlFragment {
  const k = sqlKey(key);
  return {
    sql: pathWithin(`(SELECT ${k}_b.path FROM org_units ${k}_b WHERE ${k}_b.id = :${k}Unit)`, `(SELECT ${k}_c.path FROM org_units ${k}_c WHERE ${k}_c.id = ${unitColumn})`),
    params: { [`${k}Unit`]: unitId },
  };
}

/** The ids of a unit and all its ancestors, read from its path (no query): the units "above" it, itself included. */
export function unitAndAncestors(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * The path of the actor's own unit, carried on the actor by the access guard (from the account's current unit).
 * Only trusted while it names the actor's unit (its last segment), so an actor copied with another `orgUnitId`
 * falls back to reading the path. Null for actors without a unit (system, vendor).
 */
export function actorUnitPath(actor: Actor): string | null {
  const path = actor.orgUnitPath;
  if (!actor.orgUnitId) return null;
  return path && path.endsWith(`/${actor.orgUnitId}/`) ? path : null;
}

/** Matches no path: the scope of an actor without a unit. */
export const NO_PATH = '\u0000';
