import { createHash, randomBytes } from 'node:crypto';
import { TEST_ENV, TestApp, bearer, type TestUser } from '../support/test-app.js';

const OLD_KEY = TEST_ENV.DATA_KEY;
const NEW_KEY = randomBytes(32).toString('base64');
const keyId = (key: string) => createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 8);
const TOKEN = 'metrics-token-for-the-tests-0123';

interface Status {
  currentKeyId: string;
  retiredKeyIds: string[];
  running: boolean;
  remaining: number;
  retiredKeysRemovable: boolean;
  columns: Array<{ table: string; column: string; remaining: number }>;
  progress: { rewritten: number } | null;
}

/** A database seeded under the old key is re-encrypted under the new one, then read with the old key gone. */
describe('data-key rotation', () => {
  let t: TestApp;
  let admin: TestUser;
  const workers: Array<{ id: string; phone: string; email: string; notes: string }> = [];

  beforeAll(async () => {
    t = await TestApp.start({ METRICS_TOKEN: TOKEN, KEY_ROTATION_BATCH: '5' });
    admin = await t.admin();
    const unit = await t.createUnit(admin.token, admin.orgUnitId);
    for (let i = 0; i < 8; i++) {
      const fields = { phone: `1380013800${i}`, email: `w${i}@example.org`, notes: `备注 ${i}：夜班后失眠` };
      workers.push({ id: await t.createWorker(admin.token, unit, fields), ...fields });
    }
    await t.restart({ DATA_KEY: NEW_KEY, DATA_KEYS_RETIRED: OLD_KEY });
    admin = await t.admin();
  });
  afterAll(() => t.close());

  const status = async () => (await t.http().get('/api/v1/admin/key-rotation').set(...bearer(admin)).expect(200)).body as Status;

  it('finds every encrypted column from the entity metadata and counts what is still under the retired key', async () => {
    const before = await status();
    expect(before).toMatchObject({ currentKeyId: keyId(NEW_KEY), retiredKeyIds: [keyId(OLD_KEY)], running: false, retiredKeysRemovable: false });
    const columns = before.columns.map((c) => `${c.table}.${c.column}`);
    expect(columns).toEqual(expect.arrayContaining(['workers.phone', 'workers.email', 'workers.notes', 'crisis_cases.summary', 'assessment_results.answers']));
    expect(columns.length).toBeGreaterThan(20);
    expect(before.columns.find((c) => c.table === 'workers' && c.column === 'phone')!.remaining).toBeGreaterThanOrEqual(8);
    expect(before.remaining).toBeGreaterThanOrEqual(24);
  });

  it('is for root administrators only', async () => {
    const child = await t.createUnit(admin.token, admin.orgUnitId);
    const unitAdmin = await t.createUser(admin.token, 'admin', child);
    await t.http().get('/api/v1/admin/key-rotation').set(...bearer(unitAdmin)).expect(403);
    await t.http().post('/api/v1/admin/key-rotation').set(...bearer(unitAdmin)).expect(403);
    const counsellor = await t.createUser(admin.token, 'counsellor', child);
    await t.http().get('/api/v1/admin/key-rotation').set(...bearer(counsellor)).expect(403);
  });

  it('re-encrypts everything in batches through the job queue, visible in the metrics, and says the old key can go', async () => {
    const before = await status();
    const started = (await t.http().post('/api/v1/admin/key-rotation').set(...bearer(admin)).expect(202)).body as Status;
    expect(started.running).toBe(true);
    const again = await t.http().post('/api/v1/admin/key-rotation').set(...bearer(admin)).expect(409);
    expect(again.body).toMatchObject({ code: 'KEY_ROTATION_RUNNING' });
    const scrape = async () => (await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;
    expect(await scrape()).toContain('xingang_key_rotation_running 1');

    await t.runJobs();
    const [steps] = await t.sql<{ n: number | string; done: number | string }>(
      `SELECT COUNT(*) AS n, SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done FROM jobs WHERE type = 'ops.reencrypt'`,
    );
    const batches = Math.ceil(before.remaining / 5) + 1; // full batches, then the step that finds nothing left
    expect([Number(steps.n), Number(steps.done)]).toEqual([batches, batches]);
    const after = await status();
    expect(after).toMatchObject({ running: false, remaining: 0, retiredKeysRemovable: true });
    expect(await scrape()).toContain('xingang_key_rotation_running 0');
    const [finished] = await t.sql<{ detail: string | Record<string, unknown> }>(`SELECT detail FROM audit_events WHERE action = 'key_rotation.finished'`);
    const detail = typeof finished.detail === 'string' ? (JSON.parse(finished.detail) as Record<string, unknown>) : finished.detail;
    expect(detail).toMatchObject({ rewritten: before.remaining, retiredKeyIds: [keyId(OLD_KEY)] });

    // Straight from the database: every ciphertext of every encrypted column carries the new key's id.
    for (const c of after.columns) {
      const rows = await t.sql<{ v: string }>(`SELECT "${c.column}" AS v FROM "${c.table}" WHERE "${c.column}" LIKE 'enc:%'`);
      for (const row of rows) expect(`${c.table}.${c.column} ${row.v.split(':')[2]}`).toBe(`${c.table}.${c.column} ${keyId(NEW_KEY)}`);
    }
  });

  it('starts and reads every value with the old key removed; a JWT rotation keeps signed-in users signed in', async () => {
    const tokenBefore = admin.token;
    await t.restart({ DATA_KEYS_RETIRED: '', JWT_SECRET: `${TEST_ENV.JWT_SECRET}-rotated`, JWT_SECRETS_RETIRED: TEST_ENV.JWT_SECRET });
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${tokenBefore}`).expect(200); // signed by the retired secret
    admin = await t.admin();
    expect(admin.token.split('.')[2]).not.toBe(tokenBefore.split('.')[2]);
    expect(await status()).toMatchObject({ retiredKeyIds: [], remaining: 0, retiredKeysRemovable: true });
    for (const w of workers) {
      const body = (await t.http().get(`/api/v1/workers/${w.id}`).set(...bearer(admin)).expect(200)).body as Record<string, unknown>;
      expect(body).toMatchObject({ phone: w.phone, email: w.email });
    }
  });
});
