import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { dialectOf } from '../database/dialect.js';
import { knownMigrations, readManifest, sha256File, snapshotFacts, sqliteTables, type BackupManifest } from './backup.js';
import { BackupError, requirePgTool, run, sqliteFile } from './database-files.js';

export interface RestoreResult {
  manifest: BackupManifest;
  tables: Record<string, number>;
}

/**
 * Restores a backup into the database at `url` (which must be empty unless `replace`), after checking the file
 * against its manifest and refusing a schema newer than this build knows; then checks every table's row count
 * against the manifest. The audit chain is verified by the caller (restore-cli), through the app.
 */
export async function restoreDatabase(backupFile: string, url: string, replace = false): Promise<RestoreResult> {
  const file = resolve(backupFile.replace(/\.json$/, ''));
  const manifest = await readManifest(file);
  const dialect = dialectOf(url);
  if (manifest.dialect !== dialect) {
    throw new BackupError(`备份来自 ${manifest.dialect}，目标为 ${dialect} / The backup is of ${manifest.dialect}, the target is ${dialect}`);
  }
  if (!existsSync(file) || (await sha256File(file)) !== manifest.sha256) {
    throw new BackupError(`备份文件缺失或与清单不符（已损坏？） / Backup file missing or not the one its manifest describes (damaged?): ${file}`);
  }
  refuseNewerSchema(manifest.migrations, dialect);
  const facts = dialect === 'postgres' ? await restorePostgres(file, url, replace) : await restoreSqlite(file, url, replace);
  refuseNewerSchema(facts.migrations, dialect);
  const differ = Object.keys({ ...manifest.tables, ...facts.tables }).filter((t) => manifest.tables[t] !== facts.tables[t]);
  if (differ.length > 0) {
    throw new BackupError(`恢复后的行数与备份不符 / Row counts differ from the backup in: ${differ.map((t) => `${t} (${facts.tables[t]} ≠ ${manifest.tables[t]})`).join(', ')}`);
  }
  return { manifest, tables: facts.tables };
}

function refuseNewerSchema(migrations: string[], dialect: 'postgres' | 'sqlite'): void {
  const known = new Set(knownMigrations(dialect));
  const unknown = migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `备份的数据库结构比本版本新（${unknown.join(', ')}），请先升级应用再恢复 / The backup's schema is newer than this build (${unknown.join(', ')}): upgrade the app first, then restore`,
    );
  }
}

async function restoreSqlite(file: string, url: string, replace: boolean) {
  const target = sqliteFile(url);
  if (existsSync(target)) {
    const existing = new Database(target, { readonly: true });
    const tables = sqliteTables(existing);
    existing.close();
    if (tables.length > 0 && !replace) {
      throw new BackupError(`目标数据库非空：${target}（停止应用后加 --replace 覆盖） / The target database is not empty: ${target} (stop the app, then pass --replace)`);
    }
    for (const suffix of ['', '-wal', '-shm']) await rm(`${target}${suffix}`, { force: true });
  }
  if (!existsSync(dirname(target))) throw new BackupError(`目录不存在 / No such directory: ${dirname(target)}`);
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const restored = new Database(target, { readonly: true });
  try {
    return await snapshotFacts(sqliteTables(restored), async (sql) => restored.prepare(sql).all() as Array<Record<string, unknown>>);
  } finally {
    restored.close();
  }
}

async function restorePostgres(file: string, url: string, replace: boolean) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = Number((await client.query<{ v: string }>('SHOW server_version_num')).rows[0].v);
    await requirePgTool('pg_restore', version);
    const existing = (await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1`)).rowCount ?? 0;
    if (existing > 0 && !replace) {
      throw new BackupError('目标数据库非空（停止应用后加 --replace 覆盖） / The target database is not empty (stop the app, then pass --replace)');
    }
    const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`];
    if (replace) args.push('--clean', '--if-exists');
    try {
      await run('pg_restore', [...args, file], { maxBuffer: 1 << 20 });
    } catch (error) {
      throw new BackupError(`pg_restore 失败 / pg_restore failed: ${(error as { stderr?: string }).stderr?.trim() ?? String(error)}`);
    }
    const tables = (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.t);
    return await snapshotFacts(tables, async (sql) => (await client.query(sql)).rows as Array<Record<string, unknown>>);
  } finally {
    await client.end();
  }
}

