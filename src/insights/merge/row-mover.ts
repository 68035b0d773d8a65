import type { EntityManager } from 'typeorm';
import { queryNamed } from '../../platform/database/named-query.js';
import type { MergeMove } from './worker-merge.entity.js';
import type { WorkerReference } from './worker-references.js';

/** Identifiers come from the entity metadata, never from input; quoted for both dialects. */
const q = (name: string) => `"${name}"`;

/** The condition "this row of `r` repeats, under a unique key, a row the kept profile already has". */
function conflictSql(ref: WorkerReference): string {
  if (ref.uniqueWith.length === 0) return '1 = 0';
  const exists = ref.uniqueWith.map(
    (others) => `EXISTS (SELECT 1 FROM ${q(ref.table)} s WHERE s.${q(ref.column)} = :to${others.map((c) => ` AND s.${q(c)} = r.${q(c)}`).join('')})`,
  );
  return `(${exists.join(' OR ')})`;
}

const keyColumns = (ref: WorkerReference) => ref.primaryKey.filter((c) => c !== ref.column);

/** How many of the duplicate's rows would move and how many stay (for the side-by-side review). */
export async function countRows(manager: EntityManager, ref: WorkerReference, from: string, to: string): Promise<{ moves: number; stays: number }> {
  const [row] = await queryNamed<{ total: number | string; stays: number | string }>(
    manager,
    `SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN ${conflictSql(ref)} THEN 1 ELSE 0 END), 0) AS stays FROM ${q(ref.table)} r WHERE r.${q(ref.column)} = :from`,
    { from, to },
  );
  const total = Number(row?.total ?? 0);
  const stays = Number(row?.stays ?? 0);
  return { moves: total - stays, stays };
}

/** Re-points the duplicate's rows that do not repeat one of the kept profile's; answers exactly which moved. */
export async function moveRows(manager: EntityManager, ref: WorkerReference, from: string, to: string): Promise<MergeMove> {
  const columns = keyColumns(ref);
  const select = columns.length > 0 ? columns.map((c) => `r.${q(c)} AS ${q(c)}`).join(', ') : '1 AS one';
  const rows = await queryNamed<Record<string, unknown>>(manager, `SELECT ${select} FROM ${q(ref.table)} r WHERE r.${q(ref.column)} = :from AND NOT ${conflictSql(ref)}`, { from, to });
  const keys = rows.map((row) => columns.map((c) => row[c]));
  await repoint(manager, ref, columns, keys, from, to);
  return { table: ref.table, column: ref.column, primaryKey: columns, keys };
}

/** Puts journalled rows back on the duplicate (only those still on the kept profile). */
export function restoreRows(manager: EntityManager, ref: Pick<WorkerReference, 'table' | 'column'>, move: MergeMove, from: string, to: string): Promise<void> {
  return repoint(manager, { table: ref.table, column: ref.column }, move.primaryKey, move.keys, to, from);
}

async function repoint(manager: EntityManager, ref: Pick<WorkerReference, 'table' | 'column'>, columns: string[], keys: unknown[][], from: string, to: string): Promise<void> {
  if (keys.length === 0) return;
  const update = `UPDATE ${q(ref.table)} SET ${q(ref.column)} = :to WHERE ${q(ref.column)} = :from`;
  if (columns.length === 0) {
    await queryNamed(manager, update, { from, to });
    return;
  }
  if (columns.length === 1) {
    // A single-column key: set-based, in chunks that stay under every driver's parameter limit.
    for (let i = 0; i < keys.length; i += 500) {
      await queryNamed(manager, `${update} AND ${q(columns[0])} IN (:...keys)`, { from, to, keys: keys.slice(i, i + 500).map((k) => k[0]) });
    }
    return;
  }
  for (const key of keys) {
    const params: Record<string, unknown> = { from, to };
    columns.forEach((c, i) => (params[`k${i}`] = key[i]));
    await queryNamed(manager, `${update}${columns.map((c, i) => ` AND ${q(c)} = :k${i}`).join('')}`, params);
  }
}
