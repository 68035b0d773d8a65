import { Column, UpdateDateColumn, type ColumnOptions } from 'typeorm';
import { DIALECT } from './dialect.js';

const TIMESTAMP = DIALECT === 'postgres' ? 'timestamptz' : 'datetime';
const JSON_TYPE = DIALECT === 'postgres' ? 'jsonb' : 'simple-json';

/** A point in time, timezone-aware on PostgreSQL. */
export const TimestampColumn = (options: ColumnOptions = {}) => Column({ type: TIMESTAMP, ...options });
/** Set by the service from the injected Clock (millisecond precision on both dialects, and testable). */
export const CreatedAtColumn = () => Column({ type: TIMESTAMP, name: 'created_at' });
export const UpdatedAtColumn = () => UpdateDateColumn({ type: TIMESTAMP, name: 'updated_at' });
/** Structured data: jsonb on PostgreSQL, JSON text on SQLite. */
export const JsonColumn = (options: ColumnOptions = {}) => Column({ type: JSON_TYPE, ...options });
/** A foreign key or id reference; uuid on PostgreSQL, text on SQLite. */
export const IdColumn = (options: ColumnOptions = {}) => Column({ type: 'uuid', ...options });
