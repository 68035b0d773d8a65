import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { consent, submitOwn } from './support.js';

const DAY = 24 * 3600_000;

describe('the psychological record (心理档案)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;

  /** Answers one instrument a day later than the last, so the series has an order. */
  const later = async (code: string, answers: number[]) => {
    await t.advanceClock(DAY);
    return (await submitOwn(t, worker, code, answers).expect(201)).body.id as string;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name: '档案测试' });
    await consent(t, worker);
    await later('PHQ-9', [3, 3, 3, 3, 3, 3, 2, 0, 0]); // 20
    await later('GAD-7', [2, 2, 2, 2, 2, 1, 1]); // 12
    await later('PHQ-9', [2, 2, 2, 2, 2, 2, 2, 0, 0]); // 14: −6, reliable improvement
    await later('WHO-5', [2, 2, 2, 2, 2]); // 10 → 40 %
    await later('GAD-7', [2, 2, 1, 1, 1, 1, 0]); // 8: −4, reliable
    await later('PHQ-9', [2, 2, 2, 2, 2, 2, 1, 0, 0]); // 13: −1, not reliable
    await later('WHO-5', [3, 3, 3, 2, 2]); // 13 → 52 %: +12 points, reliable improvement
    await later('CBI', [75, 75, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 100, 0, 0, 0, 0, 0, 0]);
  });
  afterAll(() => t.close());

  it('gives a counsellor in scope every result over time per instrument, with change and reliable change, plus consents', async () => {
    const record = await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.counsellorA)).expect(200);
    expect(record.body.worker).toMatchObject({ id: worker.workerId, name: '档案测试', orgUnitId: w.enterpriseA });
    expect(record.body.assessments.map((a: { instrumentCode: string }) => a.instrumentCode)).toEqual(['PHQ-9', 'GAD-7', 'WHO-5', 'CBI']);
    const [phq9, gad7, who5, cbi] = record.body.assessments;
    const series = (a: { results: Array<Record<string, unknown>> }, ...keys: string[]) => a.results.map((r) => keys.map((k) => r[k]));
    expect(series(phq9, 'totalScore', 'band', 'change', 'reliableChange', 'direction', 'crisis')).toEqual([
      [20, 'severe', null, null, null, true],
      [14, 'moderate', -6, true, 'improved', false],
      [13, 'moderate', -1, false, 'improved', false],
    ]);
    expect(phq9.results[1].bandLabel).toEqual({ zh: '中度抑郁症状', en: 'Moderate depression' });
    expect(series(gad7, 'totalScore', 'change', 'reliableChange')).toEqual([[12, null, null], [8, -4, true]]);
    expect(series(who5, 'percentScore', 'band', 'change', 'reliableChange', 'direction')).toEqual([
      [40, 'poor', null, null, null],
      [52, 'adequate', 12, true, 'improved'],
    ]);
    expect(cbi.results[0]).toMatchObject({ totalScore: null, subscales: { personal: 58.33, work: 42.86, client: 0 }, change: null });
    // oldest first within an instrument
    const times = phq9.results.map((r: { at: string }) => Date.parse(r.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(record.body.consents.current).toEqual([expect.objectContaining({ purpose: 'assessment', granted: true })]);
  });

  it('audits every read of another worker\'s record, with the worker id', async () => {
    const before = await t.sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'record.read' AND worker_id = $1", [worker.workerId]);
    await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.supervisor)).expect(200);
    const after = await t.sql<{ n: number; actor: string }>(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'record.read' AND worker_id = $1",
      [worker.workerId],
    );
    expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);
    const [last] = await t.sql<{ actor_id: string }>("SELECT actor_id FROM audit_events WHERE action = 'record.read' ORDER BY seq DESC LIMIT 1");
    expect(last.actor_id).toBe(w.supervisor.id);
  });

  it('answers 404 outside scope, 403 to officials, and 403 to a worker on the staff route', async () => {
    await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.counsellorB)).expect(404);
    await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.official)).expect(403);
    await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(worker)).expect(403);
    await t.http().get('/api/v1/me/record').set(...bearer(w.official)).expect(403);
  });

  it('shows the worker their own record in plain language: kind descriptions, no clinical labels or crisis flags', async () => {
    const mine = await t.http().get('/api/v1/me/record').set(...bearer(worker)).expect(200);
    const [phq9, , who5, cbi] = mine.body.assessments;
    expect(phq9.name.zh).toContain('PHQ-9');
    expect(phq9.results[0]).not.toHaveProperty('band');
    expect(phq9.results[0]).not.toHaveProperty('crisis');
    expect(phq9.results[0].summary.zh).toContain('请尽快寻求专业帮助');
    expect(phq9.results[0].changeSummary).toBeNull();
    expect(phq9.results[1].changeSummary).toEqual({ zh: '和上次相比有明显好转。', en: 'A clear improvement since last time.' });
    expect(phq9.results[2].changeSummary.zh).toBe('和上次相比变化不大。');
    expect(who5.results[1]).toMatchObject({ percentScore: 52, changeSummary: { zh: '和上次相比有明显好转。' } });
    expect(cbi.results[0].summary.zh).toContain('个人倦怠：');
    const text = JSON.stringify(mine.body);
    expect(text).not.toMatch(/depression|severe|抑郁症状|moderately/i);
    expect(mine.body.consents.current[0]).toMatchObject({ purpose: 'assessment', granted: true });
  });

  it('is empty for a worker with no results', async () => {
    const fresh = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    expect((await t.http().get('/api/v1/me/record').set(...bearer(fresh)).expect(200)).body.assessments).toEqual([]);
  });
});
