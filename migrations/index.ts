import type { MigrationInterface } from 'typeorm';
import type { Dialect } from '../src/platform/database/dialect.js';
import { postgresMigrations } from './postgres/index.js';
import { sqliteMigrations } from './sqlite/index.js';

type MigrationClass = new () => MigrationInterface;

/** One generated set per dialect (see scripts/migration-tool.ts), listed in order. */
export function migrationsFor(dialect: Dialect): MigrationClass[] {
  return dialect === 'postgres' ? postgresMigrations : sqliteMigrations;
}
