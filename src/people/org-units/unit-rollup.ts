import type { EntityManager } from 'typeorm';
import { DIALECT } from '../../platform/database/dialect.js';
import { queryNamed } from '../../platform/database/named-query.js';
import { pathWithin, unitAndAncestors } from '../access/org-subtree.js';

/**
 * Pre-aggregated counts over the unit tree (the dashboards' population and screening counts): every count is kept
 * twice over the tree, once as the unit's own workers (`scope = 'direct'`) and once in the subtree row of the unit
 * and of each of its ancestors (`scope = 'subtree'`), so a dashboard reads only the rows of the units it shows (the
 * children of the unit asked for, and the units on the path to it), never a row per worker.
 *
 * Writes are atomic increments (`n = n + excluded.n`), never read-modify-write, so two instances counting workers of
 * one unit at once both land. The rows of one statement are merged and sorted by key first: PostgreSQL refuses to
 * touch a row twice in one upsert, and two transactions that lock rows in the same order cannot deadlock.
 */
export interface RollupTable {
  name: string;
  /** The primary key, `unit_id` and `scope` included, in its order. */
  key: readonly string[];
}

export type Coordinates = Record<string, string | number>;

/** A change of count at one worker's unit: expanded to the unit's direct row and every subtree row above it. */
export interface CountDelta {
  unitId: string;
  at: Coordinates;
  n: number;
  key: number;
}

interface Row {
  values: Coordinates;
  n: number;
  key: number;
}

const CHUNK = 300;

/**
 * The unit and its ancestors (root first), read with a share lock on PostgreSQL: a concurrent move of the subtree
 * (which updates this row's path) waits for this transaction, and this one reads the path after a move commits, so
 * counts never land on the ancestors a unit just left. SQLite has one writer at a time.
 */
export async function lockUnitLine(manager: EntityManager, unitId: string): Promise<string[]> {
  const lock = DIALECT === 'postgres' ? ' FOR SHARE' : '';
  const [row] = await queryNamed<{ path: string }>(manager, `SELECT path FROM org_units WHERE id = :ru_unit${lock}`, { ru_unit: unitId });
  if (!row) throw new Error(`org unit ${unitId} not found`);
  return unitAndAncestors(row.path);
}

/** Applies count changes at workers' units to the unit's direct row and to the subtree rows of it and its ancestors. */
export async function applyDeltas(manager: EntityManager, table: RollupTable, deltas: readonly CountDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const lines = new Map<string, string[]>();
  for (const unitId of [...new Set(deltas.map((d) => d.unitId))].sort()) lines.set(unitId, await lockUnitLine(manager, unitId));
  const rows: Row[] = [];
  for (const delta of deltas) {
    rows.push({ values: { ...delta.at, unit_id: delta.unitId, scope: 'direct' }, n: delta.n, key: delta.key });
    for (const unit of lines.get(delta.unitId) ?? []) rows.push({ values: { ...delta.at, unit_id: unit, scope: 'subtree' }, n: delta.n, key: delta.key });
  }
  await upsertRows(manager, table, rows);
}

/** Merges rows with the same key, drops those that cancel out, and adds them in key order, a few hundred a statement. */
async function upsertRows(manager: EntityManager, table: RollupTable, rows: readonly Row[]): Promise<void> {
  const merged = new Map<string, Row>();
  for (const row of rows) {
    const id = table.key.map((column) => String(row.values[column])).join('\u0000');
    const seen = merged.get(id);
    if (seen) {
      seen.n += row.n;
      seen.key += row.key;
    } else merged.set(id, { ...row });
  }
  const ordered = [...merged.entries()]
    .filter(([, row]) => row.n !== 0 || row.key !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
  const columns = [...table.key, 'n', 'key_sum'];
  for (let i = 0; i < ordered.length; i += CHUNK) {
    const params: Record<string, unknown> = {};
    const tuples = ordered.slice(i, i + CHUNK).map((row, r) => {
      const values: Coordinates = { ...row.values, n: row.n, key_sum: row.key };
      const placeholders = columns.map((column, c) => {
        params[`ru_${r}_${c}`] = values[column];
        return `:ru_${r}_${c}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await queryNamed(
      manager,
      `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (${table.key.join(', ')}) DO UPDATE SET n = ${table.name}.n + excluded.n, key_sum = ${table.name}.key_sum + excluded.key_sum`,
      params,
    );
  }
}

/**
 * A unit moved (its path and its subtree's were just updated in this transaction): its subtree totals leave the
 * subtree rows of the ancestors it left and join those of its new ancestors. Read after the paths' update, which
 * waited for every transaction counting in the subtree (they hold a share lock on their unit's row).
 */
export async function moveSubtree(manager: EntityManager, table: RollupTable, unitId: string, oldPath: string, newPath: string): Promise<void> {
  const before = unitAndAncestors(oldPath).filter((id) => id !== unitId);
  const after = unitAndAncestors(newPath).filter((id) => id !== unitId);
  const leaving = before.filter((id) => !after.includes(id));
  const joining = after.filter((id) => !before.includes(id));
  const dims = table.key.filter((c) => c !== 'unit_id' && c !== 'scope');
  const totals = await queryNamed<Record<string, unknown>>(
    manager,
    `SELECT ${[...dims, 'n', 'key_sum'].join(', ')} FROM ${table.name} WHERE unit_id = :ru_unit AND scope = 'subtree'`,
    { ru_unit: unitId },
  );
  const rows: Row[] = [];
  for (const total of totals) {
    const at = Object.fromEntries(dims.map((d) => [d, total[d] as string | number]));
    const n = Number(total.n);
    const key = Number(total.key_sum);
    for (const unit of leaving) rows.push({ values: { ...at, unit_id: unit, scope: 'subtree' }, n: -n, key: -key });
    for (const unit of joining) rows.push({ values: { ...at, unit_id: unit, scope: 'subtree' }, n, key });
  }
  await upsertRows(manager, table, rows);
}

/** Rebuild: the subtree rows from the direct rows (run after filling the direct rows), set-based. */
export function rollupSql(table: RollupTable): string {
  const dims = table.key.filter((c) => c !== 'unit_id' && c !== 'scope');
  const d = dims.map((c) => `d.${c}`).join(', ');
  return `INSERT INTO ${table.name} (${[...dims, 'unit_id', 'scope', 'n', 'key_sum'].join(', ')})
    SELECT ${d}, a.id, 'subtree', SUM(d.n), SUM(d.key_sum)
    FROM ${table.name} d JOIN org_units u ON u.id = d.unit_id JOIN org_units a ON ${pathWithin('u.path', 'a.path')}
    WHERE d.scope = 'direct'
    GROUP BY ${d}, a.id`;
}
