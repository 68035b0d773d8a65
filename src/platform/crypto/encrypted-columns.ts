import type { DataSource } from 'typeorm';
import { encrypted, encryptedJson } from './field-cipher.js';

export interface EncryptedColumn {
  table: string;
  column: string;
  primaryKey: string[];
}

/**
 * Every column stored through the `encrypted` or `encryptedJson` transformer, found in TypeORM's entity metadata, so
 * a new sensitive column is rotated the day it is declared, with no list to keep up to date.
 */
export function encryptedColumns(dataSource: DataSource): EncryptedColumn[] {
  const found: EncryptedColumn[] = [];
  for (const entity of dataSource.entityMetadatas) {
    if (entity.tableType !== 'regular') continue;
    for (const column of entity.columns) {
      const transformers = Array.isArray(column.transformer) ? column.transformer : [column.transformer];
      if (!transformers.some((t) => t === encrypted || t === encryptedJson)) continue;
      found.push({ table: entity.tableName, column: column.databaseName, primaryKey: entity.primaryColumns.map((p) => p.databaseName) });
    }
  }
  return found.sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}
