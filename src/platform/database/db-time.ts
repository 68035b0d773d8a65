import { DIALECT } from './dialect.js';

/** A Date as a raw-SQL parameter: PostgreSQL binds Dates; SQLite compares TypeORM's UTC datetime text. */
export function dbTime(date: Date): Date | string {
  if (DIALECT === 'postgres') return date;
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** Positional placeholder n (1-based) in the current dialect. */
export const param = (n: number) => (DIALECT === 'postgres' ? `$${n}` : '?');
