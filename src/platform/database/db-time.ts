import { DIALECT } from './dialect.js';

/** A Date as a raw-SQL parameter: PostgreSQL binds Dates; SQLite compares TypeORM's UTC datetime text. */
export function dbTime(date: Date): Date | string {
  if (DIALECT === 'postgres') return date;
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** Positional placeholder n (1-based) in the current dialect. */
export const param = (n: number) => (DIALECT === 'postgres' ? `$${n}` : '?');

/** A timestamp read by raw SQL: PostgreSQL gives a Date; SQLite the UTC datetime text TypeORM wrote. */
export function fromDbTime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/** A JSON column read by raw SQL: jsonb arrives parsed on PostgreSQL, as text on SQLite. */
export function fromDbJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : (value ?? null);
}
