import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TestApp, bearer } from '../support/test-app.js';

const run = promisify(execFile);

describe('audit trail (HMAC chain)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  });
  afterAll(() => t.close());

  const verifyCli = async () => {
    const env = { ...process.env, DATABASE_URL: t.databaseUrl, AUDIT_KEY: 'test-audit-key-that-is-long-enough-0123456789', JWT_SECRET: 'x'.repeat(40), DATA_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=', ADMIN_PASSWORD: 'Admin-Password-1', NODE_ENV: 'test', AUDIT_CHECKPOINT_DIR: t.checkpointDir };
    try {
      const { stdout } = await run(process.execPath, ['dist/src/verify-audit-chain.js'], { env });
      return { code: 0, output: stdout };
    } catch (error) {
      const failed = error as { code: number; stderr: string };
      return { code: failed.code, output: failed.stderr };
    }
  };

  it('records every read of a worker’s record: who, role, what, which worker, outcome', async () => {
    const workerId = await t.createWorker(w.counsellorA.token, w.enterpriseA);
    await t.http().get(`/api/v1/workers/${workerId}`).set(...bearer(w.counsellorA)).expect(200);
    const rows = await t.sql<{ actor_id: string; actor_role: string; action: string; outcome: string; ip: string }>(
      "SELECT actor_id, actor_role, action, outcome, ip FROM audit_events WHERE worker_id = $1 AND action = 'worker.read'",
      [workerId],
    );
    expect(rows).toEqual([expect.objectContaining({ actor_id: w.counsellorA.id, actor_role: 'counsellor', outcome: 'success' })]);
    expect(rows[0].ip).toBeTruthy();
  });

  it('verifies intact through the API (root admins only) and the CLI', async () => {
    const api = await t.http().post('/api/v1/audit/verify').set(...bearer(w.admin)).expect(200);
    expect(api.body).toMatchObject({ intact: true, brokenAt: null });
    expect(api.body.rows).toBeGreaterThan(5);
    const cli = await verifyCli();
    expect(cli.code).toBe(0);
    const subAdmin = await t.createUser(w.admin.token, 'admin', w.city);
    await t.http().post('/api/v1/audit/verify').set(...bearer(subAdmin)).expect(403);
    await t.http().post('/api/v1/audit/verify').set(...bearer(w.counsellorA)).expect(403);
  });

  it('lets the root admin search the log by worker', async () => {
    const workerId = await t.createWorker(w.counsellorA.token, w.enterpriseA);
    await t.http().get(`/api/v1/workers/${workerId}`).set(...bearer(w.counsellorA)).expect(200);
    const events = await t.http().get('/api/v1/audit/events').query({ workerId }).set(...bearer(w.admin)).expect(200);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual(['worker.read', 'worker.create']);
  });

  it('detects an edited row and a deleted row', async () => {
    const [{ seq }] = await t.sql<{ seq: number }>("SELECT seq FROM audit_events WHERE action = 'worker.read' ORDER BY seq LIMIT 1");
    await t.sql("UPDATE audit_events SET actor_role = 'admin' WHERE seq = $1", [seq]);
    const edited = await t.http().post('/api/v1/audit/verify').set(...bearer(w.admin)).expect(200);
    expect(edited.body).toMatchObject({ intact: false, brokenAt: Number(seq), reason: 'hash_mismatch' });
    const cli = await verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.output).toContain(`seq ${seq}`);

    await t.sql("UPDATE audit_events SET actor_role = 'counsellor' WHERE seq = $1", [seq]);
    expect((await t.http().post('/api/v1/audit/verify').set(...bearer(w.admin)).expect(200)).body.intact).toBe(true);
    await t.sql('DELETE FROM audit_events WHERE seq = $1', [seq]);
    const deleted = await t.http().post('/api/v1/audit/verify').set(...bearer(w.admin)).expect(200);
    expect(deleted.body).toMatchObject({ intact: false, brokenAt: Number(seq), reason: 'gap' });
  });
});
