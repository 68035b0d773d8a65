import type { EntityManager } from 'typeorm';
import { DIALECT } from './dialect.js';

export interface StatementResult<T> {
  rows: T[];
  /** Rows changed by an INSERT, UPDATE or DELETE (both drivers report it). */
  affected: number;
}

/**
 * Raw SQL with named parameters that answers both the rows it returned and how many rows it changed: a guarded
 * UPDATE (a lease, a capacity, a quota) must know whether it matched.
 */
export async function runStatement<T = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  params: Record<string, unknown> = {},
): Promise<StatementResult<T>> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(text, values, true);
    return { rows: (result.records ?? []) as T[], affected: Number(result.affected ?? result.records?.length ?? 0) };
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/** The database's own clock, so every instance agrees on when a lease runs out. */
export const DB_NOW = DIALECT === 'postgres' ? 'now()' : "strftime('%Y-%m-%d %H:%M:%f', 'now')";

/** The database's clock `ms` milliseconds from now (ms is a config integer, spliced after a check). */
export function dbNowPlus(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new Error(`not an integer: ${ms}`);
  return DIALECT === 'postgres' ? `(now() + interval '${ms} milliseconds')` : `strftime('%Y-%m-%d %H:%M:%f', 'now', '${ms >= 0 ? '+' : ''}${ms / 1000} seconds')`;
}
