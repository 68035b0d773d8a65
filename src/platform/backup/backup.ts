import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrationsFor } from '../../../migrations/index.js';
import { projectRoot } from '../config/load-config.js';
import { dialectOf, type Dialect } from '../database/dialect.js';
import { BackupError, requirePgTool, run, sqliteFile } from './database-files.js';

/** Written beside every backup (`<backup>.json`): what it holds, from the same snapshot as the data. */
export interface BackupManifest {
  format: 'xingang-backup/1';
  dialect: Dialect;
  file: string;
  sha256: string;
  createdAt: string;
  /** The newest migration applied in the backed-up database: its schema version. */
  migration: string | null;
  migrations: string[];
  /** Rows per table at the moment of the snapshot. */
  tables: Record<string, number>;
}

/** Names of this build's migrations, in order: a backup whose schema has one not in this list is newer. */
export function knownMigrations(dialect: Dialect): string[] {
  return migrationsFor(dialect).map((M) => new M().name ?? M.name);
}

export const sha256File = (file: string) =>
  new Promise<string>((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (chunk) => hash.update(chunk)).on('end', () => done(hash.digest('hex'))).on('error', fail);
  });

const stamp = (at: Date) => at.toISOString().replace(/[-:.]/g, '');

/**
 * One consistent backup of the database at `url` while the app keeps running:
 * SQLite through the online backup API (better-sqlite3 `backup()`, copied in one step so it is one snapshot; WAL
 * lets writers go on meanwhile); PostgreSQL through `pg_dump --format=custom` reading a snapshot exported from a
 * REPEATABLE READ transaction, the same one the row counts and the migration version are read in.
 */
export async function backupDatabase(url: string, dir: string, now = new Date()): Promise<{ file: string; manifest: BackupManifest }> {
  const dialect = dialectOf(url);
  const target = resolve(projectRoot(), dir);
  await mkdir(target, { recursive: true });
  const file = join(target, `xingang-${stamp(now)}.${dialect === 'postgres' ? 'pgdump' : 'sqlite'}`);
  const facts = dialect === 'postgres' ? await dumpPostgres(url, file) : await copySqlite(url, file);
  const manifest: BackupManifest = {
    format: 'xingang-backup/1',
    dialect,
    file: basename(file),
    sha256: await sha256File(file),
    createdAt: now.toISOString(),
    migration: facts.migrations.at(-1) ?? null,
    ...facts,
  };
  await writeFile(`${file}.json`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { file, manifest };
}

interface SnapshotFacts {
  migrations: string[];
  tables: Record<string, number>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Table row counts and applied migrations, read through `query` (one snapshot). */
export async function snapshotFacts(tables: string[], query: (sql: string) => Promise<Array<Record<string, unknown>>>): Promise<SnapshotFacts> {
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) counts[table] = Number((await query(`SELECT COUNT(*) AS n FROM ${quote(table)}`))[0].n);
  const migrations = tables.includes('migrations')
    ? (await query('SELECT name FROM migrations ORDER BY timestamp, id')).map((row) => String(row.name))
    : [];
  return { migrations, tables: counts };
}

export function sqliteTables(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string }>).map((r) => r.name);
}

async function copySqlite(url: string, file: string): Promise<SnapshotFacts> {
  const source = new Database(sqliteFile(url), { readonly: true, fileMustExist: true });
  try {
    // All pages in one step: a single read transaction, so the copy is one consistent snapshot.
    await source.backup(file, { progress: () => Number.MAX_SAFE_INTEGER });
  } finally {
    source.close();
  }
  // The copy inherits WAL mode; back to a rollback journal, so the backup is one self-contained file.
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
    return await snapshotFacts(sqliteTables(copy), async (sql) => copy.prepare(sql).all() as Array<Record<string, unknown>>);
  } finally {
    copy.close();
  }
}

async function dumpPostgres(url: string, file: string): Promise<SnapshotFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = Number((await client.query<{ v: string }>('SHOW server_version_num')).rows[0].v);
    await requirePgTool('pg_dump', version);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0].id;
    const tables = (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.t);
    const facts = await snapshotFacts(tables, async (sql) => (await client.query(sql)).rows as Array<Record<string, unknown>>);
    // The dump reads the very snapshot the counts were taken in (the transaction stays open until it is done).
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${url}`], { maxBuffer: 1 << 20 });
    await client.query('COMMIT');
    return facts;
  } catch (error) {
    await rm(file, { force: true });
    throw error instanceof BackupError ? error : new BackupError(`备份失败 / Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end();
  }
}

export async function readManifest(file: string): Promise<BackupManifest> {
  const manifestFile = file.endsWith('.json') ? file : `${file}.json`;
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`找不到或无法读取备份清单 ${manifestFile} / Backup manifest missing or unreadable: ${manifestFile}`);
  }
  if (manifest.format !== 'xingang-backup/1') throw new BackupError(`未知的备份格式 / Unknown backup format in ${manifestFile}`);
  return manifest;
}

/** Keeps the newest `keep` backups in `dir` (with their manifests); returns the files deleted. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const target = resolve(projectRoot(), dir);
  const backups = (await readdir(target)).filter((name) => /^xingang-\d{8}T\d{9}Z\.(sqlite|pgdump)$/.test(name)).sort();
  const old = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of old) {
    for (const suffix of ['', '.json', '-wal', '-shm']) await rm(join(target, `${name}${suffix}`), { force: true });
  }
  return old;
}

export async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size;
}
