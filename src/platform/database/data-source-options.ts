import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { migrationsFor } from '../../../migrations/index.js';
import { projectRoot } from '../config/load-config.js';
import { dialectOf } from './dialect.js';

/** TypeORM options for a DATABASE_URL; migrations are listed explicitly, never globbed, so tests and builds agree. */
export function dataSourceOptions(url: string): DataSourceOptions {
  const dialect = dialectOf(url);
  const common = { migrations: migrationsFor(dialect), migrationsRun: false, synchronize: false, logging: false } as const;
  if (dialect === 'postgres') {
    return { type: 'postgres', url, ...common, extra: { max: 10 } };
  }
  const file = url.replace(/^sqlite:/, '');
  const database = file === ':memory:' ? file : resolve(projectRoot(), file);
  if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
  return {
    type: 'better-sqlite3',
    database,
    enableWAL: true,
    // TypeORM keeps prepared statements per SQL text, 100 by default: fewer than the app's distinct statements, so
    // the cache thrashed and hot statements were prepared again and again.
    statementCacheSize: 2000,
    ...common,
    // WAL with NORMAL sync is durable across process crashes (not power loss on the last commit).
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
    },
  };
}
