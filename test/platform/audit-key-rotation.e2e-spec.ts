import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyId } from '../../src/platform/audit/audit-chain.js';
import { TEST_ENV, TestApp, bearer } from '../support/test-app.js';

const OLD_KEY = TEST_ENV.AUDIT_KEY;
const NEW_KEY = 'rotated-audit-key-that-is-long-enough-9876543210';

/** `npm run audit:verify` with the given keys. */
function verifyCli(app: TestApp, keys: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'src', 'verify-audit-chain.js')], {
      env: { ...process.env, ...TEST_ENV, DATABASE_URL: app.databaseUrl, AUDIT_CHECKPOINT_DIR: app.checkpointDir, AUDIT_KEYS_RETIRED: '', ...keys },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/**
 * Rotating AUDIT_KEY: every row and checkpoint names the key that made its MAC or signature, new ones use AUDIT_KEY,
 * and AUDIT_KEYS_RETIRED keeps the old ones verifiable; without the old key, verification names the first row it
 * cannot check.
 */
describe('audit key rotation', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let firstSeq: number;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  }, 120_000);
  afterAll(() => t.close());

  const verify = async () => (await t.http().post('/api/v1/audit/verify').set(...bearer(w.admin)).expect(200)).body;
  const activity = async () => {
    const workerId = await t.createWorker(w.counsellorA.token, w.enterpriseA);
    for (let i = 0; i < 3; i++) await t.http().get(`/api/v1/workers/${workerId}`).set(...bearer(w.counsellorA)).expect(200);
    return workerId;
  };
  const keysOf = async (workerId: string) =>
    (await t.sql<{ key_id: string }>('SELECT DISTINCT key_id FROM audit_events WHERE worker_id = $1', [workerId])).map((r) => r.key_id);

  it('rotates between two batches of activity: rows and checkpoints name their key, and all of it verifies', async () => {
    const before = await activity();
    await t.sequenceAudit(); // a checkpoint signed with the old key
    const unchained = await activity(); // committed under the old key, linked only after the switch
    await t.restart({ AUDIT_KEY: NEW_KEY, AUDIT_KEYS_RETIRED: OLD_KEY });
    const after = await activity();
    await t.sequenceAudit();

    expect(await keysOf(before)).toEqual([keyId(OLD_KEY)]);
    expect(await keysOf(unchained)).toEqual([keyId(OLD_KEY)]);
    expect(await keysOf(after)).toEqual([keyId(NEW_KEY)]);
    const signers = readdirSync(t.checkpointDir).flatMap((file) =>
      readFileSync(join(t.checkpointDir, file), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { keyId: string }).keyId),
    );
    expect(new Set(signers)).toEqual(new Set([keyId(OLD_KEY), keyId(NEW_KEY)]));

    expect(await verify()).toMatchObject({ intact: true, brokenAt: null, reason: null, pending: 0 });
    const cli = await verifyCli(t, { AUDIT_KEY: NEW_KEY, AUDIT_KEYS_RETIRED: OLD_KEY });
    expect(cli.out).toContain('Audit chain intact');
    expect(cli.code).toBe(0);
    [{ seq: firstSeq }] = (await t.sql<{ seq: string }>('SELECT MIN(seq) AS seq FROM audit_events')).map((r) => ({ seq: Number(r.seq) }));
  }, 120_000);

  it('detects a tampered row signed with the old key', async () => {
    const [{ seq }] = await t.sql<{ seq: string }>("SELECT seq FROM audit_events WHERE key_id = $1 AND action = 'worker.read' ORDER BY seq LIMIT 1", [keyId(OLD_KEY)]);
    await t.sql("UPDATE audit_events SET outcome = 'denied' WHERE seq = $1", [seq]);
    expect(await verify()).toMatchObject({ intact: false, brokenAt: Number(seq), reason: 'hash_mismatch' });
    // Relabelling it with the current key does not help: its MAC was not made with that key.
    await t.sql("UPDATE audit_events SET outcome = 'success', key_id = $1 WHERE seq = $2", [keyId(NEW_KEY), seq]);
    expect(await verify()).toMatchObject({ intact: false, brokenAt: Number(seq), reason: 'hash_mismatch' });
    await t.sql('UPDATE audit_events SET key_id = $1 WHERE seq = $2', [keyId(OLD_KEY), seq]);
    expect((await verify()).intact).toBe(true);
  });

  it('without the old key in the ring, names the first row it cannot check (CLI and API)', async () => {
    const cli = await verifyCli(t, { AUDIT_KEY: NEW_KEY });
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`seq ${firstSeq}`);
    expect(cli.out).toContain(keyId(OLD_KEY));
    expect(cli.out).toContain('unknown_key');

    await t.restart({ AUDIT_KEYS_RETIRED: '' });
    expect(await verify()).toMatchObject({ intact: false, brokenAt: firstSeq, reason: 'unknown_key', keyId: keyId(OLD_KEY) });
    await t.restart({ AUDIT_KEYS_RETIRED: OLD_KEY });
    expect((await verify()).intact).toBe(true);
  }, 120_000);
});
