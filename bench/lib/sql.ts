import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { dialectOf } from '../../src/platform/database/dialect.js';

/** Raw SQL on the bench database, for seeding at scale with multi-row inserts. */
export interface Sql {
  dialect: 'postgres' | 'sqlite';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Inserts rows in chunks of multi-row INSERTs, inside one transaction per chunk. */
  insert(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  close(): Promise<void>;
}

/** SQLite stores TypeORM datetimes as 'YYYY-MM-DD HH:MM:SS.SSS' text; PostgreSQL takes a Date. */
export const sqlTime = (dialect: Sql['dialect'], date: Date): unknown =>
  dialect === 'postgres' ? date : date.toISOString().replace('T', ' ').replace('Z', '');

export async function connect(url: string): Promise<Sql> {
  if (dialectOf(url) === 'postgres') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      dialect: 'postgres',
      query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
      insert: async (table, columns, rows) => {
        const perChunk = Math.max(1, Math.floor(60000 / columns.length));
        for (let i = 0; i < rows.length; i += perChunk) {
          const chunk = rows.slice(i, i + perChunk);
          const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(',')})`).join(',');
          await client.query(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${values}`, chunk.flat());
        }
      },
      close: () => client.end(),
    };
  }
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  const db = new Database(url.replace(/^sqlite:/, ''));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const toSqlite = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v instanceof Date ? sqlTime('sqlite', v) : v);
  return {
    dialect: 'sqlite',
    query: async <T>(text: string, params: unknown[] = []) => {
      const statement = db.prepare(text.replace(/\$\d+/g, '?'));
      return (statement.reader ? statement.all(...params.map(toSqlite)) : (statement.run(...params.map(toSqlite)), [])) as T[];
    },
    insert: async (table, columns, rows) => {
      const perChunk = Math.max(1, Math.floor(30000 / columns.length));
      const insertMany = db.transaction((chunk: unknown[][]) => {
        const values = chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',');
        db.prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${values}`).run(...chunk.flat().map(toSqlite));
      });
      for (let i = 0; i < rows.length; i += perChunk) insertMany(rows.slice(i, i + perChunk));
    },
    close: async () => void db.close(),
  };
}
