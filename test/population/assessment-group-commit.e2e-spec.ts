import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { consent, PHQ9 } from './support.js';

/**
 * Concurrent submits are group-committed on SQLite (one transaction, each submit in its own savepoint) and run in
 * their own transactions on PostgreSQL: either way a submit that fails fails alone, every other one commits with its
 * audit row, and none is answered 201 before its COMMIT, so a crash loses nothing that was answered.
 */
describe('POST /me/assessments: group commit of concurrent submits', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let workers: TestUser[];
  let unconsented: TestUser;

  const submit = (worker: TestUser, answers: number[]) =>
    fetch(`${t.url}/api/v1/me/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: bearer(worker)[1] },
      body: JSON.stringify({ instrumentCode: 'PHQ-9', answers }),
    });
  const submitAudits = (ids: string[]) =>
    t.sql<{ resource_id: string; worker_id: string }>(
      `SELECT resource_id, worker_id FROM audit_events WHERE action = 'assessment.submit' AND resource_id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`,
      ids,
    );

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    workers = [];
    for (let i = 0; i < 10; i++) {
      const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      await consent(t, worker);
      workers.push(worker);
    }
    unconsented = await t.createWorkerUser(w.admin.token, w.enterpriseA);
  });
  afterAll(() => t.close());

  it('one submit failing in the middle of a group fails alone; the others commit, each with its audit row', async () => {
    const senders = [...workers.slice(0, 5), unconsented, ...workers.slice(5)];
    // A crisis answer in the group too: its event must be written exactly as for a lone submit.
    const responses = await Promise.all(senders.map((worker, i) => submit(worker, i === 2 ? PHQ9.item9Only : PHQ9.moderate)));
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ id?: string; code?: string; crisis?: boolean; totalScore?: number; band?: string }>));

    expect(responses[5].status).toBe(403);
    expect(bodies[5].code).toBe('CONSENT_REQUIRED_ASSESSMENT');
    const ok = bodies.filter((_, i) => i !== 5);
    expect(responses.filter((_, i) => i !== 5).map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(ok.map((b) => b.totalScore)).toEqual([12, 12, 1, 12, 12, 12, 12, 12, 12, 12]);
    expect(ok[2].crisis).toBe(true);

    const ids = ok.map((b) => b.id!);
    const stored = await t.sql<{ id: string; worker_id: string }>(`SELECT id, worker_id FROM assessment_results WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`, ids);
    expect(stored).toHaveLength(10);
    const audits = await submitAudits(ids);
    expect(audits.map((a) => a.resource_id).sort()).toEqual([...ids].sort());
    // The refused submit left nothing: no result, no submit audit row.
    expect(await t.sql(`SELECT id FROM assessment_results WHERE worker_id = $1`, [unconsented.workerId])).toHaveLength(0);
    expect(await t.sql(`SELECT seq FROM audit_events WHERE action = 'assessment.submit' AND worker_id = $1`, [unconsented.workerId])).toHaveLength(0);
    // The crisis submit's outbox event, as for a lone submit (one per subscriber, keyed by the result).
    const events = await t.sql<{ dedupe_key: string }>(`SELECT dedupe_key FROM jobs WHERE dedupe_key LIKE $1`, [`event:assessment.crisis>%:${ids[2]}`]);
    expect(events.length).toBeGreaterThan(0);
    await t.sequenceAudit();
    const verify = await t.http().post('/api/v1/audit/verify').set(...bearer(w.admin)).expect(200);
    expect(verify.body).toMatchObject({ intact: true, brokenAt: null });
  });

  it('killed in the middle of a group: every submit answered 201 survives, with its audit row', async () => {
    const answered: string[] = [];
    const crash: { killed?: Promise<void> } = {};
    const attempts = workers.flatMap((worker) => [worker, worker, worker]).map(async (worker) => {
      try {
        const response = await submit(worker, PHQ9.minimal);
        if (response.status === 201) {
          answered.push(((await response.json()) as { id: string }).id);
          crash.killed ??= t.kill(); // SIGKILL as soon as the first answer is out: later groups are in flight
        }
      } catch {
        // the connection died with the process: not answered, so nothing was promised
      }
    });
    await Promise.all(attempts);
    await crash.killed;
    await t.restart();

    expect(answered.length).toBeGreaterThan(0);
    const stored = await t.sql<{ id: string }>(`SELECT id FROM assessment_results WHERE id IN (${answered.map((_, i) => `$${i + 1}`).join(', ')})`, answered);
    expect(stored.map((r) => r.id).sort()).toEqual([...answered].sort());
    expect((await submitAudits(answered)).map((a) => a.resource_id).sort()).toEqual([...answered].sort());
    // Nothing half-written either: every stored minimal result (answered or not) has its audit row.
    const all = await t.sql<{ id: string }>(`SELECT id FROM assessment_results WHERE total_score = 0 AND worker_id IN (${workers.map((_, i) => `$${i + 1}`).join(', ')})`, workers.map((x) => x.workerId));
    expect((await submitAudits(all.map((r) => r.id))).length).toBe(all.length);
  });
});
