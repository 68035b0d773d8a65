import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { TEST_ENV, TestApp, bearer } from '../support/test-app.js';

const TOKEN = 'metrics-token-for-the-tests-0123';

function cli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'src', 'platform', script), ...args], {
      env: { ...process.env, ...TEST_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/**
 * The audit log without a global lock (issue 15): rows are written with their own MAC and no chain lock, one
 * sequencer (any instance) links them into the chain, and signed checkpoints outside the database make deleting
 * rows, the newest included, detectable.
 */
describe('audit sequencer and checkpoints', () => {
  let a: TestApp;
  let b: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  const scratch: ScratchDatabase[] = [];

  beforeAll(async () => {
    a = await TestApp.start({ METRICS_TOKEN: TOKEN });
    b = await a.sibling();
    w = await a.world();
  }, 120_000);
  afterAll(async () => {
    await b.stop();
    await a.close();
    for (const db of scratch) await db.drop();
  });

  const verify = async () => (await a.http().post('/api/v1/audit/verify').set(...bearer(w.admin)).expect(200)).body;
  const checkpoints = () =>
    readdirSync(a.checkpointDir)
      .sort()
      .flatMap((file) => readFileSync(join(a.checkpointDir, file), 'utf8').split('\n').filter(Boolean))
      .map((line) => JSON.parse(line) as { kind: string; size: number; head: string; at: string; keyId: string; sig: string });
  const pendingGauge = async () => {
    const text = (await a.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;
    return Number(/^xingang_audit_pending_rows (\S+)$/m.exec(text)?.[1]);
  };
  const readsOn = (app: TestApp, workerId: string, n: number) =>
    Promise.all(Array.from({ length: n }, () => app.http().get(`/api/v1/workers/${workerId}`).set(...bearer(w.counsellorA)).expect(200)));

  it('writes rows with a seq and their own MAC, unchained until the sequencer runs; /metrics shows the backlog', async () => {
    await a.sequenceAudit();
    expect(await pendingGauge()).toBe(0);
    const workerId = await a.createWorker(w.counsellorA.token, w.enterpriseA);
    await Promise.all([readsOn(a, workerId, 4), readsOn(b, workerId, 4)]);
    const rows = await a.sql<{ seq: string; mac: string | null; chain_index: string | null }>(
      'SELECT seq, mac, chain_index FROM audit_events WHERE worker_id = $1',
      [workerId],
    );
    expect(rows).toHaveLength(9); // the create and eight reads from two instances
    expect(rows.every((r) => r.mac?.length === 64 && r.chain_index === null)).toBe(true);
    const pending = await pendingGauge();
    expect(pending).toBeGreaterThanOrEqual(9);

    // Both instances try at once (PostgreSQL; SQLite runs one instance): one holds the sequencer's lock at a time,
    // and every row is linked once.
    const [first, second] = a.databaseUrl.startsWith('postgres')
      ? await Promise.all([a.sequenceAudit(), b.sequenceAudit()])
      : [await a.sequenceAudit(), await b.sequenceAudit()];
    expect(first.linked + second.linked).toBe(pending);
    expect(await pendingGauge()).toBe(0);
    const chain = await a.sql<{ chain_index: string; n: string }>('SELECT MAX(chain_index) AS chain_index, COUNT(*) AS n FROM audit_events');
    expect(Number(chain[0].chain_index)).toBe(Number(chain[0].n)); // 1 … n without a gap or a double
    expect(await verify()).toMatchObject({ intact: true, brokenAt: null, pending: 0 });
  });

  it('writes signed checkpoints of the head outside the database, naming the key that signed them', async () => {
    const all = checkpoints();
    expect(all.length).toBeGreaterThan(0);
    const last = all.at(-1)!;
    const [head] = await a.sql<{ hash: string }>('SELECT hash FROM audit_events WHERE chain_index = $1', [last.size]);
    expect(last).toMatchObject({ kind: 'checkpoint', head: head.hash, keyId: expect.stringMatching(/^[0-9a-f]{16}$/), sig: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const body = await verify();
    expect(body.checkpoints).toBeGreaterThan(0);
    expect(body.checkpoint.size).toBeGreaterThanOrEqual(last.size);
  });

  it('verifies incrementally from the newest checkpoint (npm run audit:verify -- --incremental)', async () => {
    const full = await verify();
    const incremental = await cli('../verify-audit-chain.js', ['--incremental'], { DATABASE_URL: a.databaseUrl, AUDIT_CHECKPOINT_DIR: a.checkpointDir });
    expect(incremental.code).toBe(0);
    const rows = Number(/(\d+) rows verified/.exec(incremental.out)?.[1]);
    expect(rows).toBeLessThan(full.rows);
  }, 120_000);

  it('refuses a checkpoint line nobody signed with the audit key', async () => {
    const file = join(a.checkpointDir, readdirSync(a.checkpointDir).sort().at(-1)!);
    const original = readFileSync(file, 'utf8');
    const forged = { ...checkpoints().at(-1)!, size: 1 };
    appendFileSync(file, `${JSON.stringify(forged)}\n`);
    expect(await verify()).toMatchObject({ intact: false, reason: 'checkpoint_unsigned' });
    rmSync(file);
    appendFileSync(file, original);
    expect((await verify()).intact).toBe(true);
  });

  it('restores a backup older than the newest checkpoint: intact, the rows written since reported as lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xingang-audit-backup-'));
    try {
      const backup = await cli('backup/backup-cli.js', ['--dir', dir], { DATABASE_URL: a.databaseUrl });
      expect(backup.code).toBe(0);
      const file = /Backup written: (\S+)/.exec(backup.out)![1];
      const workerId = await a.createWorker(w.counsellorA.token, w.enterpriseA);
      await readsOn(a, workerId, 3);
      await a.sequenceAudit(); // a checkpoint beyond the backup
      const target = await createScratchDatabase(process.env.DATABASE_URL, 'restore');
      scratch.push(target);
      // A copy of the sink: the restored database takes the original's place, which keeps running in this test.
      const sink = join(dir, 'checkpoints');
      cpSync(a.checkpointDir, sink, { recursive: true });
      const restored = await cli('backup/restore-cli.js', [file], { DATABASE_URL: target.url, AUDIT_CHECKPOINT_DIR: sink });
      expect(restored.out).toContain('Audit chain intact');
      expect(restored.out).toMatch(/checkpoints show \d+ audit rows written after this backup/);
      expect(restored.code).toBe(0);
      const last = readdirSync(sink).sort().at(-1)!;
      expect(JSON.parse(readFileSync(join(sink, last), 'utf8').trim().split('\n').at(-1)!)).toMatchObject({ kind: 'restore' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('detects the newest rows deleted, and the whole table emptied, against the last checkpoint', async () => {
    await a.sequenceAudit();
    const [{ size }] = await a.sql<{ size: string }>('SELECT MAX(chain_index) AS size FROM audit_events');
    // The tail: the newest chained rows, after which nothing is left to show a gap.
    await a.sql('DELETE FROM audit_events WHERE chain_index > $1', [Number(size) - 3]);
    const truncated = await verify();
    expect(truncated).toMatchObject({ intact: false, reason: 'truncated', brokenAt: null });
    expect(truncated.checkpoint.size).toBeGreaterThan(Number(size) - 3);
    const cli1 = await cli('../verify-audit-chain.js', [], { DATABASE_URL: a.databaseUrl, AUDIT_CHECKPOINT_DIR: a.checkpointDir });
    expect(cli1.code).toBe(1);
    expect(cli1.out).toMatch(/BROKEN at the checkpoint of \d+ rows/);

    await a.sql('DELETE FROM audit_events');
    const emptied = await verify();
    expect(emptied.intact).toBe(false);
    expect(['truncated', 'checkpoint_mismatch']).toContain(emptied.reason);
  }, 120_000);
});
