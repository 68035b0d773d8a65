import type { EntityManager } from 'typeorm';
import { DIALECT } from './dialect.js';

/**
 * Raw SQL with named parameters (`:name`, `:...list`), turned into the dialect's placeholders by the driver, for
 * set-based statements the query builder cannot write (INSERT … SELECT … RETURNING, window functions).
 */
export function queryNamed<T = Record<string, unknown>>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return manager.query<T[]>(text, values);
}

/**
 * A parameter in a SELECT list feeding an INSERT: PostgreSQL types a bare parameter there as text, which it will
 * not store in a uuid or timestamptz column without a cast; SQLite needs none.
 */
export function typedParam(name: string, type: 'uuid' | 'timestamptz'): string {
  return DIALECT === 'postgres' ? `CAST(:${name} AS ${type})` : `:${name}`;
}

/**
 * A new random (version 4) UUID per row, in SQL, for INSERT … SELECT into a table with a uuid key: PostgreSQL's
 * gen_random_uuid(); on SQLite assembled from randomblob (each call is evaluated per row).
 */
export function sqlUuid(): string {
  if (DIALECT === 'postgres') return 'gen_random_uuid()';
  return `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;
}
