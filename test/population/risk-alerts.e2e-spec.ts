import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { consent, notificationsOf, PHQ9, submitOwn } from './support.js';

const EVENT_JOB = 'event:assessment.crisis>population.notify-counsellors';
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

describe('crisis results: the assessment.crisis event, notifications and risk alerts (风险提示)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let workerA: TestUser;
  let workerB: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    workerA = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name: '危机测试甲' });
    workerB = await t.createWorkerUser(w.admin.token, w.enterpriseB, { name: '危机测试乙' });
    await consent(t, workerA);
    await consent(t, workerB);
  });
  afterAll(() => t.close());

  it('writes the event into the outbox with the result, in the contract shape, keyed by the result id', async () => {
    const result = await submitOwn(t, workerA, 'PHQ-9', PHQ9.item9Only).expect(201);
    const jobs = await t.sql<{ payload: unknown; dedupe_key: string; status: string }>(
      'SELECT payload, dedupe_key, status FROM jobs WHERE type = $1 AND dedupe_key LIKE $2',
      [EVENT_JOB, `%${result.body.id}`],
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0].status).toBe('pending');
    expect(jobs[0].dedupe_key).toBe(`${EVENT_JOB}:${result.body.id}`);
    const payload = json(jobs[0].payload);
    expect(payload).toEqual({
      event: 'assessment.crisis',
      resultId: result.body.id,
      workerId: workerA.workerId,
      orgUnitId: w.enterpriseA,
      instrumentCode: 'PHQ-9',
      reasons: ['item_9_above_0'],
      occurredAt: result.body.createdAt,
      // What 点 needs to triage without reading 面: the level the instrument's rules chose, and why, in words.
      level: 'urgent',
      instrumentVersion: '1.0.0',
      instrumentName: { zh: expect.stringContaining('PHQ-9'), en: expect.stringContaining('PHQ-9') },
      total: 1,
      band: 'minimal',
      bandLabel: { zh: expect.any(String), en: expect.any(String) },
      triggers: [
        expect.objectContaining({ rule: 'item_9_above_0', level: 'urgent', answerValue: 1, answerLabel: { zh: '好几天', en: 'Several days' } }),
      ],
    });
    await t.runJobs();
  });

  it('publishes nothing for a result that is not a crisis', async () => {
    const before = await t.sql<{ n: number }>('SELECT COUNT(*) AS n FROM jobs WHERE type = $1', [EVENT_JOB]);
    await submitOwn(t, workerA, 'PHQ-9', [3, 3, 3, 3, 3, 3, 1, 0, 0]).expect(201); // 19, item 9 = 0
    const after = await t.sql<{ n: number }>('SELECT COUNT(*) AS n FROM jobs WHERE type = $1', [EVENT_JOB]);
    expect(Number(after[0].n)).toBe(Number(before[0].n));
  });

  it('notifies the counsellors of the worker\'s own unit once, after commit, and nobody else', async () => {
    const before = (await notificationsOf(t, w.counsellorA, 'risk_alert')).length;
    await submitOwn(t, workerA, 'K10', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]).expect(201); // 30
    expect(await notificationsOf(t, w.counsellorA, 'risk_alert')).toHaveLength(before);
    await t.runJobs();
    await t.runJobs();
    const after = await notificationsOf(t, w.counsellorA, 'risk_alert');
    expect(after).toHaveLength(before + 1);
    expect(after[0].body).not.toContain('危机测试甲');
    expect(after[0].link).toMatch(/^\/risk-alerts\//);
    expect(await notificationsOf(t, w.counsellorB, 'risk_alert')).toHaveLength(0);
    expect(await notificationsOf(t, w.supervisor, 'risk_alert')).toHaveLength(0);
  });

  it('goes up to the nearest unit that has counsellors or supervisors', async () => {
    const workshop = await t.createUnit(w.admin.token, w.enterpriseA, '一车间');
    const inWorkshop = await t.createWorkerUser(w.admin.token, workshop);
    await consent(t, inWorkshop);
    const enterpriseC = await t.createUnit(w.admin.token, w.city, '无心理服务人员的企业工会');
    const inC = await t.createWorkerUser(w.admin.token, enterpriseC);
    await consent(t, inC);
    const [a, s] = [(await notificationsOf(t, w.counsellorA, 'risk_alert')).length, (await notificationsOf(t, w.supervisor, 'risk_alert')).length];
    await submitOwn(t, inWorkshop, 'GAD-7', [3, 3, 3, 3, 3, 0, 0]).expect(201);
    await submitOwn(t, inC, 'K6', [3, 3, 3, 3, 1, 0]).expect(201);
    await t.runJobs();
    expect(await notificationsOf(t, w.counsellorA, 'risk_alert')).toHaveLength(a + 1);
    expect(await notificationsOf(t, w.supervisor, 'risk_alert')).toHaveLength(s + 1);
  });

  it('shows alerts with who, what and when, in scope only', async () => {
    await t.advanceClock(60_000); // the manual clock stands still: move it so "newest first" means something
    const fromB = await submitOwn(t, workerB, 'PCL-5', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 0, 0, 0]).expect(201); // 33
    const listA = await t.http().get('/api/v1/risk-alerts').set(...bearer(w.counsellorA)).expect(200);
    const itemsA = listA.body.items as Array<Record<string, unknown>>;
    expect(itemsA.length).toBeGreaterThanOrEqual(3);
    expect(itemsA.every((a) => a.workerId !== workerB.workerId)).toBe(true);
    const k10 = itemsA.find((a) => a.instrumentCode === 'K10')!;
    expect(k10).toMatchObject({ workerId: workerA.workerId, workerName: '危机测试甲', orgUnitId: w.enterpriseA, band: 'very_high', totalScore: 30, reasons: ['total_at_least_30'], acknowledgedAt: null });
    expect(typeof k10.occurredAt).toBe('string');

    const listB = await t.http().get('/api/v1/risk-alerts').set(...bearer(w.counsellorB)).expect(200);
    expect(listB.body.items.map((a: { resultId: string }) => a.resultId)).toEqual([fromB.body.id]);
    expect(listB.body.items[0]).toMatchObject({ workerName: '危机测试乙', band: 'probable_ptsd', reasons: ['total_at_least_33'] });

    const listSupervisor = await t.http().get('/api/v1/risk-alerts').query({ pageSize: 100 }).set(...bearer(w.supervisor)).expect(200);
    const ids = listSupervisor.body.items.map((a: { resultId: string }) => a.resultId);
    expect(ids).toContain(fromB.body.id);
    expect(ids).toContain(k10.resultId);
    // newest first
    expect(listSupervisor.body.items[0].resultId).toBe(fromB.body.id);

    await t.http().get('/api/v1/risk-alerts').set(...bearer(workerA)).expect(403);
  });

  it('acknowledges an alert in scope (404 outside scope or for a result that is not a crisis) and filters on it', async () => {
    const crisis = await submitOwn(t, workerA, 'PHQ-9', PHQ9.severe).expect(201);
    const calm = await submitOwn(t, workerA, 'PHQ-9', PHQ9.minimal).expect(201);
    await t.http().post(`/api/v1/risk-alerts/${crisis.body.id}/acknowledge`).set(...bearer(w.counsellorB)).expect(404);
    await t.http().post(`/api/v1/risk-alerts/${calm.body.id}/acknowledge`).set(...bearer(w.counsellorA)).expect(404);
    const acked = await t.http().post(`/api/v1/risk-alerts/${crisis.body.id}/acknowledge`).set(...bearer(w.counsellorA)).expect(200);
    expect(acked.body).toMatchObject({ resultId: crisis.body.id, acknowledgedBy: w.counsellorA.id, reasons: ['total_at_least_20'] });
    const again = await t.http().post(`/api/v1/risk-alerts/${crisis.body.id}/acknowledge`).set(...bearer(w.supervisor)).expect(200);
    expect(again.body.acknowledgedBy).toBe(w.counsellorA.id);
    const open = await t.http().get('/api/v1/risk-alerts').query({ acknowledged: false, pageSize: 100 }).set(...bearer(w.counsellorA)).expect(200);
    expect(open.body.items.map((a: { resultId: string }) => a.resultId)).not.toContain(crisis.body.id);
    const done = await t.http().get('/api/v1/risk-alerts').query({ acknowledged: true }).set(...bearer(w.counsellorA)).expect(200);
    expect(done.body.items.map((a: { resultId: string }) => a.resultId)).toEqual([crisis.body.id]);
  });

  it('audits every list read with the worker ids shown', async () => {
    await t.http().get('/api/v1/risk-alerts').set(...bearer(w.counsellorB)).expect(200);
    const rows = await t.sql<{ detail: unknown }>("SELECT detail FROM audit_events WHERE action = 'risk_alert.list' AND actor_id = $1", [w.counsellorB.id]);
    expect(rows.length).toBeGreaterThan(0);
    expect(json(rows[rows.length - 1].detail).workerIds).toEqual([workerB.workerId]);
  });
});
