import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import request from 'supertest';

const DEMO = join(process.cwd(), 'dist', 'scripts', 'demo.js');
const PASSWORD = 'Xingang-Demo-2026';

/**
 * `npm run demo` seeds every tier: the built demo script (dist/scripts/demo.js), with the smallest population it
 * allows (720 workers), on a database file of its own, then counts what each tier holds and signs in as the demo
 * accounts. The demo is SQLite only, whatever DATABASE_URL the suite runs with.
 */
describe('the demo seed', () => {
  let child: ChildProcess;
  let url = '';
  let output = '';
  const dir = mkdtempSync(join(tmpdir(), 'xingang-demo-'));
  let db: BetterSqlite3.Database;
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const tokenOf = async (username: string) =>
    ((await request(url).post('/api/v1/auth/login').send({ username, password: PASSWORD }).expect(200)).body as { accessToken: string }).accessToken;

  beforeAll(async () => {
    // A DATABASE_URL left in the shell (the PostgreSQL run of the suite sets one) must not reach the demo's entities.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DEMO_WORKERS: '720', DEMO_DATABASE: join(dir, 'demo.sqlite') };
    child = spawn(process.execPath, [DEMO], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /XINGANG_DEMO_READY (\S+)/.exec(output);
        if (ready) resolve(ready[1]);
      });
      child.once('exit', (code) => reject(new Error(`the demo exited with ${code} before it was ready:\n${output}`)));
    });
    const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    db = new Database(join(dir, 'demo.sqlite'), { readonly: true });
  }, 300_000); // seeding 720 workers through the API; generous for a busy 2-core CI machine

  afterAll(async () => {
    db?.close();
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds people and the 面 tier', () => {
    // The roster (plus five profiles the administrator added: the duplicates), and three new-form workers who joined
    // from the demo's link (one confirmed, two waiting).
    expect(count("SELECT COUNT(*) AS n FROM workers WHERE occupation_group = 'employee'")).toBe(720 + 5);
    expect(count("SELECT COUNT(*) AS n FROM workers WHERE occupation_group <> 'employee' AND phone_hash IS NOT NULL")).toBe(3);
    expect(count("SELECT COUNT(*) AS n FROM join_requests WHERE status = 'pending'")).toBe(2);
    expect(count('SELECT COUNT(*) AS n FROM assessment_results')).toBeGreaterThan(100);
    expect(count("SELECT COUNT(*) AS n FROM assessment_results WHERE created_at < datetime('now', '-150 days')")).toBeGreaterThan(0);
    const tables = ['screening_campaigns', 'edu_courses', 'edu_events', 'edu_event_registrations', 'peer_groups', 'counselling_slots', 'counselling_appointments'];
    expect(tables.filter((table) => count(`SELECT COUNT(*) AS n FROM ${table}`) === 0)).toEqual([]);
  });

  it('seeds the 点 tier: duty roster, cases in every state, referrals with follow-ups, an incident', () => {
    expect(count('SELECT COUNT(*) AS n FROM duty_shifts')).toBe(48);
    const states = db.prepare('SELECT state, COUNT(*) AS n FROM crisis_cases GROUP BY state').all() as Array<{ state: string; n: number }>;
    expect(Object.fromEntries(states.map((s) => [s.state, s.n]))).toEqual(
      expect.objectContaining({ open: expect.any(Number), acknowledged: 1, referred: 2, monitoring: 1, closed: 1 }) as Record<string, number>,
    );
    expect(count("SELECT COUNT(*) AS n FROM crisis_cases WHERE source_type = 'assessment'")).toBe(3);
    expect(count("SELECT COUNT(*) AS n FROM crisis_cases WHERE source_type = 'service_desk'")).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM crisis_cases WHERE state = 'open' AND due_at < datetime('now') AND escalation_step > 0")).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM referrals WHERE provider_type IN ('hospital', 'eap_vendor') AND sent_at IS NOT NULL")).toBe(2);
    expect(count('SELECT COUNT(*) AS n FROM referral_follow_ups WHERE completed_at IS NOT NULL')).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM critical_incidents')).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM incident_attendance')).toBeGreaterThan(10);
  });

  it('seeds the 线 tier, the service desk and EAP', () => {
    expect(count('SELECT COUNT(DISTINCT subgroup_code) AS n FROM care_programmes')).toBe(4);
    expect(count("SELECT COUNT(*) AS n FROM programme_enrolments WHERE status = 'accepted'")).toBeGreaterThan(20);
    expect(count('SELECT COUNT(*) AS n FROM programme_attendance')).toBeGreaterThan(10);
    expect(count('SELECT COUNT(*) AS n FROM training_attendance')).toBeGreaterThan(5);
    expect(count("SELECT COUNT(*) AS n FROM certifications WHERE source = 'course'")).toBe(1);
    const statuses = db.prepare('SELECT status, COUNT(*) AS n FROM desk_requests GROUP BY status').all() as Array<{ status: string; n: number }>;
    expect(statuses.map((s) => s.status).sort()).toEqual(expect.arrayContaining(['closed', 'forwarded', 'in_progress', 'new', 'resolved']));
    expect(count('SELECT COUNT(*) AS n FROM desk_requests WHERE supervision_level > 0')).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM eap_vendors')).toBe(2);
    expect(count('SELECT COUNT(*) AS n FROM eap_contracts')).toBe(3);
    expect(count("SELECT COUNT(*) AS n FROM eap_referrals WHERE status = 'attended'")).toBe(1);
    // Each vendor: an active key and a revoked one, a webhook endpoint (the first active, the second disabled), an
    // inbound secret; the first vendor's endpoint has failed deliveries of the referral sent to it.
    expect(count('SELECT COUNT(*) AS n FROM eap_api_keys WHERE revoked_at IS NULL')).toBe(2);
    expect(count('SELECT COUNT(*) AS n FROM eap_api_keys WHERE revoked_at IS NOT NULL')).toBe(2);
    expect(count("SELECT COUNT(*) AS n FROM eap_webhook_endpoints WHERE status = 'active'")).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM eap_webhook_endpoints WHERE status = 'disabled'")).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM eap_vendors WHERE inbound_secrets IS NOT NULL')).toBe(2);
    expect(count('SELECT COUNT(*) AS n FROM eap_webhook_deliveries')).toBeGreaterThanOrEqual(3);
    expect(count('SELECT COUNT(*) AS n FROM desk_routing_rules')).toBe(3);
  });

  it('serves it to the demo accounts', async () => {
    const counsellor = await tokenOf('counsellor');
    const queue = await request(url).get('/api/v1/crisis-cases').set('Authorization', `Bearer ${counsellor}`).expect(200);
    expect((queue.body as { items: Array<{ overdue: boolean }> }).items.some((c) => c.overdue)).toBe(true);
    const worker = await tokenOf('worker');
    const programmes = await request(url).get('/api/v1/me/programmes').set('Authorization', `Bearer ${worker}`).expect(200);
    expect((programmes.body as unknown[]).length).toBeGreaterThan(0);
    const official = await tokenOf('official');
    await request(url).get('/api/v1/crisis-cases').set('Authorization', `Bearer ${official}`).expect(403);
  });

  it('fills the desk figures, the duplicates and the merges for the administrator and the supervisor', async () => {
    const admin = await tokenOf('admin');
    const get = async (path: string, token = admin) => (await request(url).get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).expect(200)).body as unknown;
    const pairs = (await get('/worker-duplicates')) as Array<{ a: { name: string }; reasons: string[] }>;
    expect(pairs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ a: expect.objectContaining({ name: expect.stringContaining('王小川') }), reasons: ['phone'] }),
        expect.objectContaining({ a: expect.objectContaining({ name: '张丽华' }), reasons: ['name_birth_year'] }),
      ]),
    );
    // The merged desk profile is a tombstone: its pair is no longer a duplicate, and the merge can still be undone.
    expect(pairs.some((p) => p.a.name === '李建军')).toBe(false);
    const merges = (await get('/worker-merges')) as Array<{ keepName: string; state: string; canUndo: boolean }>;
    expect(merges).toEqual([expect.objectContaining({ keepName: '李建军', state: 'merged', canUndo: true })]);
    expect(count("SELECT COUNT(*) AS n FROM worker_merges WHERE state = 'merged'")).toBe(1);
    const rules = (await get('/desk/routing-rules')) as unknown[];
    expect(rules).toHaveLength(3);
    // The figures page: the settled calls of the past weeks count for the first city's district that took them.
    const figures = (await get('/desk/figures', await tokenOf('supervisor'))) as { rows: Array<{ requests: { value: number | null }; resolved: { value: number | null } }> };
    expect(figures.rows.some((row) => (row.requests.value ?? 0) > 10 && (row.resolved.value ?? 0) > 10)).toBe(true);
  });
});
