import type { DataSource, EntityMetadata } from 'typeorm';

/**
 * How a merge treats a table that points at a worker. Found from the entity metadata, never listed by hand, so a
 * module's new table is merged the day it is written:
 * - `move`: the duplicate's rows are re-pointed at the kept profile, except rows that would repeat one the kept
 *   profile already has under a unique key (the same group, course, campaign answer, latest result): those stay with
 *   the tombstone, counted as `stays` (the kept profile already holds that fact).
 * - `keep`: never moved (the audit log is an immutable, HMAC-chained history; the merge journal itself).
 * - `consents`: never moved; a merge only narrows the kept profile's consents (see WorkerMergeService).
 * - `account`: moved like `move`; a duplicate's account that cannot move (the kept profile has one) is disabled.
 */
export type MergeAction = 'move' | 'keep' | 'consents' | 'account';

/** The only tables that are not simply moved, and why (the coverage test reads this list through the preview). */
const EXCEPTIONS: Record<string, MergeAction> = {
  audit_events: 'keep',
  worker_merges: 'keep',
  consents: 'consents',
  users: 'account',
};

export interface WorkerReference {
  table: string;
  column: string;
  action: MergeAction;
  /** The primary-key columns, to journal exactly which rows moved. */
  primaryKey: string[];
  /** Unique keys that contain the worker column, as the other columns of each. */
  uniqueWith: string[][];
}

/** A column names a worker: `worker_id`, `*_worker_id`, or a relation to the workers table. */
function isWorkerColumn(metadata: EntityMetadata, column: string): boolean {
  if (/(^|_)worker_id$/.test(column)) return true;
  return metadata.foreignKeys.some((fk) => fk.referencedTablePath === 'workers' && fk.columnNames.includes(column));
}

/** Every (table, column) that points at a worker, with its merge action, primary key and unique keys. */
export function workerReferences(dataSource: DataSource): WorkerReference[] {
  const found: WorkerReference[] = [];
  for (const metadata of dataSource.entityMetadatas) {
    if (metadata.tableType !== 'regular' || metadata.tableName === 'workers') continue;
    const columns = [...new Set(metadata.columns.map((c) => c.databaseName))].filter((c) => isWorkerColumn(metadata, c));
    const primaryKey = metadata.primaryColumns.map((c) => c.databaseName);
    const uniques = [
      primaryKey,
      ...metadata.indices.filter((i) => i.isUnique).map((i) => i.columns.map((c) => c.databaseName)),
      ...metadata.uniques.map((u) => u.columns.map((c) => c.databaseName)),
    ];
    for (const column of columns) {
      found.push({
        table: metadata.tableName,
        column,
        action: EXCEPTIONS[metadata.tableName] ?? 'move',
        primaryKey,
        uniqueWith: uniques.filter((key) => key.includes(column)).map((key) => key.filter((c) => c !== column)),
      });
    }
  }
  return found.sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column));
}
