import { QueryFailedError, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { DIALECT } from './dialect.js';

/**
 * Row lock for read-decide-write sequences (capacity, waiting lists). PostgreSQL runs transactions concurrently and
 * needs FOR UPDATE; on SQLite the Transactions service already runs them one at a time and the driver has no locks.
 */
export function forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return DIALECT === 'postgres' ? qb.setLock('pessimistic_write') : qb;
}

/**
 * Serialises transactions about one thing that has no row to lock yet (e.g. a counsellor's calendar before a new,
 * non-overlapping slot is inserted): a PostgreSQL transaction-scoped advisory lock on the key's hash. SQLite already
 * runs write transactions one at a time.
 */
export async function lockKey(manager: EntityManager, key: string): Promise<void> {
  if (DIALECT === 'postgres') await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/** True when `error` is a unique-index violation of the named index (PostgreSQL) or on the named column (SQLite). */
export function isUniqueViolationOf(error: unknown, indexName: string, table: string, column: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  if (driverError?.code === '23505') return driverError.constraint === indexName;
  return error.message.includes('UNIQUE constraint failed') && error.message.includes(`${table}.${column}`);
}

/** Percent, one decimal; null when there is nothing to divide. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** Aggregates come back as strings on PostgreSQL (bigint, numeric) and numbers on SQLite. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
