import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { dialectOf } from '../../src/platform/database/dialect.js';
import type { BackupManifest } from '../../src/platform/backup/backup.js';
import { TEST_ENV, TestApp } from '../support/test-app.js';

const CLI = (name: string) => join(process.cwd(), 'dist', 'src', 'platform', 'backup', `${name}-cli.js`);

function cli(name: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI(name), ...args], { env: { ...process.env, ...TEST_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** Every table's row count, read straight from the database. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (dialectOf(url) === 'postgres') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const { t } of (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows) {
        counts[t] = Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${t}"`)).rows[0].n);
      }
    } finally {
      await client.end();
    }
    return counts;
  }
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  const db = new Database(url.replace(/^sqlite:/, ''), { readonly: true });
  try {
    for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string }>) {
      counts[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
  } finally {
    db.close();
  }
  return counts;
}

describe('backup and restore', () => {
  let t: TestApp;
  let dir: string;
  const scratch: ScratchDatabase[] = [];
  const fresh = async () => {
    const db = await createScratchDatabase(process.env.DATABASE_URL, 'restore');
    scratch.push(db);
    return db;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xingang-backups-'));
    // Every second, so the scheduled-backup test need not wait long; its jobs wait for runJobs() (no runner in tests).
    t = await TestApp.start({ BACKUP_SCHEDULE: '* * * * * *', BACKUP_DIR: join(dir, 'scheduled'), BACKUP_KEEP: '2' });
  });
  afterAll(async () => {
    await t.close();
    for (const db of scratch) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  let backupFile: string;
  let manifest: BackupManifest;

  it('backs up the running app under writes: one snapshot, with its schema version and row counts', async () => {
    const admin = await t.admin();
    const unit = await t.createUnit(admin.token, admin.orgUnitId);
    let writes = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await t.createWorker(admin.token, unit, { phone: '13800138000' });
        writes++;
      }
    })();
    while (writes < 3) await new Promise((resolve) => setImmediate(resolve));
    const before = writes;
    const result = await cli('backup', ['--dir', dir], { DATABASE_URL: t.databaseUrl });
    const duringOrAfter = writes;
    while (writes < duringOrAfter + 3) await new Promise((resolve) => setImmediate(resolve));
    writing = false;
    await writer;

    expect(result).toMatchObject({ code: 0 });
    backupFile = /Backup written: (\S+)/.exec(result.out)![1];
    manifest = JSON.parse(readFileSync(`${backupFile}.json`, 'utf8')) as BackupManifest;
    expect(manifest.dialect).toBe(dialectOf(t.databaseUrl));
    expect(manifest.migration).toBe(manifest.migrations.at(-1));
    const inUnit = (await t.sql<{ n: number | string }>('SELECT COUNT(*) AS n FROM workers WHERE org_unit_id = $1', [unit]))[0];
    const otherWorkers = (await rowCounts(t.databaseUrl)).workers - Number(inUnit.n);
    // The snapshot holds the workers written before it began, not the ones written after it ended.
    expect(manifest.tables.workers - otherWorkers).toBeGreaterThanOrEqual(before);
    expect(manifest.tables.workers - otherWorkers).toBeLessThan(writes);
    expect(Object.keys(manifest.tables)).toEqual(Object.keys(await rowCounts(t.databaseUrl)).sort());
  });

  it('restores into a fresh database: every table as backed up, the audit chain verified', async () => {
    const target = await fresh();
    const result = await cli('restore', [backupFile], { DATABASE_URL: target.url });
    expect(result.out).toContain('Audit chain intact');
    expect(result.code).toBe(0);
    expect(await rowCounts(target.url)).toEqual(manifest.tables);
    expect(manifest.tables.audit_events).toBeGreaterThan(0);
  });

  it('refuses to restore over a database that is not empty', async () => {
    const result = await cli('restore', [backupFile], { DATABASE_URL: t.databaseUrl });
    expect(result.code).toBe(1);
    expect(result.out).toContain('not empty');
  });

  it('refuses a backup from a newer schema, and a damaged file, before touching the target', async () => {
    const target = await fresh();
    const newer = join(dir, 'newer', 'xingang-newer.backup');
    rmSync(join(dir, 'newer'), { recursive: true, force: true });
    mkdirSync(join(dir, 'newer'));
    copyFileSync(backupFile, newer);
    writeFileSync(`${newer}.json`, JSON.stringify({ ...manifest, migrations: [...manifest.migrations, 'FromTheFuture9999999999999'] }));
    const refused = await cli('restore', [newer], { DATABASE_URL: target.url });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('newer than this build');

    const damaged = Buffer.from(readFileSync(backupFile));
    damaged[damaged.length >> 1] ^= 0xff;
    writeFileSync(newer, damaged);
    writeFileSync(`${newer}.json`, JSON.stringify(manifest));
    const broken = await cli('restore', [newer], { DATABASE_URL: target.url });
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('damaged');
    // Untouched: no tables on PostgreSQL, no file on SQLite.
    if (dialectOf(target.url) === 'postgres') expect(await rowCounts(target.url)).toEqual({});
    else expect(existsSync(target.url.replace(/^sqlite:/, ''))).toBe(false);
  });

  it('takes scheduled backups through the job queue, one per slot, keeping the newest BACKUP_KEEP', async () => {
    await t.sql(`DELETE FROM jobs WHERE type = 'ops.backup'`); // the backlog of the tests above
    const queued = async () => (await t.sql<{ n: number | string }>(`SELECT COUNT(*) AS n FROM jobs WHERE type = 'ops.backup'`))[0].n;
    while (Number(await queued()) < 3) await new Promise((resolve) => setTimeout(resolve, 100));
    await t.restart({ BACKUP_SCHEDULE: '' }); // the timer off, so running the queue does not chase new slots
    const slots = await t.sql<{ dedupe_key: string }>(`SELECT dedupe_key FROM jobs WHERE type = 'ops.backup'`);
    expect(new Set(slots.map((s) => s.dedupe_key)).size).toBe(slots.length);
    await t.runJobs();
    const kept = readdirSync(join(dir, 'scheduled')).sort();
    expect(kept.filter((name) => !name.endsWith('.json'))).toHaveLength(2);
    expect(kept.filter((name) => name.endsWith('.json'))).toHaveLength(2);
  });
});
