import { dialectOf } from '../../src/platform/database/dialect.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { consent, consentOnPaper, PHQ9, submitOwn } from './support.js';

describe('self-assessments and counsellor-entered assessments (面 · 心理测评)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await consent(t, worker);
  });
  afterAll(() => t.close());

  describe('instrument library', () => {
    it('lists exactly the shipped instruments (the ten of issue #3, DASS-21, AUDIT and AUDIT-C), for workers and staff', async () => {
      const list = await t.http().get('/api/v1/instruments').set(...bearer(worker)).expect(200);
      expect(list.body.map((i: { code: string }) => i.code)).toEqual(['PHQ-9', 'PHQ-2', 'GAD-7', 'GAD-2', 'WHO-5', 'K10', 'K6', 'PSS-10', 'CBI', 'PCL-5', 'DASS-21', 'AUDIT', 'AUDIT-C']);
      await t.http().get('/api/v1/instruments').set(...bearer(w.counsellorA)).expect(200);
    });

    it('describes one instrument with items, bands and their sources, crisis rules and licence', async () => {
      const phq9 = await t.http().get('/api/v1/instruments/PHQ-9').set(...bearer(w.counsellorA)).expect(200);
      expect(phq9.body.items).toHaveLength(9);
      expect(phq9.body.items[8].text.zh).toContain('伤害自己');
      expect(phq9.body.bands.map((b: { code: string }) => b.code)).toEqual(['minimal', 'mild', 'moderate', 'moderately_severe', 'severe']);
      expect(phq9.body.bands[0].source).toMatch(/Kroenke/);
      expect(phq9.body.crisisRules.map((r: { code: string }) => r.code)).toEqual(['item_9_above_0', 'total_at_least_20']);
      expect(phq9.body.licence.summary).toMatch(/No permission required/);
      expect(phq9.body.translation.status).toBe('commonly_used_unverified');
      const pss = await t.http().get('/api/v1/instruments/PSS-10').set(...bearer(worker)).expect(200);
      expect(pss.body.items.filter((i: { reverse: boolean }) => i.reverse).map((i: { number: number }) => i.number)).toEqual([4, 5, 7, 8]);
    });

    it('answers 404 for an unknown code, and does not ship SCL-90', async () => {
      await t.http().get('/api/v1/instruments/SCL-90').set(...bearer(worker)).expect(404);
    });

    it('gives officials nothing from the population tier', async () => {
      await t.http().get('/api/v1/instruments').set(...bearer(w.official)).expect(403);
    });
  });

  describe('a worker submitting their own', () => {
    it('answers 201 with the scored result and stores version, answers and result together', async () => {
      const response = await submitOwn(t, worker, 'PHQ-9', PHQ9.moderate).expect(201);
      expect(response.body).toMatchObject({
        workerId: worker.workerId,
        instrumentCode: 'PHQ-9',
        instrumentVersion: '1.0.0',
        totalScore: 12,
        band: 'moderate',
        crisis: false,
        percentScore: null,
        subscales: null,
        source: 'self',
      });
      expect(response.body).not.toHaveProperty('help');
      expect(response.body).not.toHaveProperty('crisisReasons');
      const [row] = await t.sql<{ instrument_version: string; total_score: number; band: string; answers: string }>(
        'SELECT instrument_version, total_score, band, answers FROM assessment_results WHERE id = $1',
        [response.body.id],
      );
      expect(row).toMatchObject({ instrument_version: '1.0.0', total_score: 12, band: 'moderate' });
      // the item answers are encrypted at rest
      expect(row.answers).toMatch(/^enc:v1:[0-9a-f]{8}:/);
      expect(row.answers).not.toContain('[2,2');
    });

    it('scores WHO-5 with a percentage and CBI with subscale means and no total', async () => {
      const who5 = await submitOwn(t, worker, 'WHO-5', [3, 3, 2, 2, 2]).expect(201);
      expect(who5.body).toMatchObject({ totalScore: 12, percentScore: 48, band: 'poor', crisis: false });
      const cbi = await submitOwn(t, worker, 'CBI', [75, 75, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 100, 0, 0, 0, 0, 0, 0]).expect(201);
      expect(cbi.body).toMatchObject({
        totalScore: null,
        band: null,
        subscales: { personal: 58.33, work: 42.86, client: 0 },
        subscaleBands: { personal: 'high', work: 'low', client: 'low' },
      });
      const pss = await submitOwn(t, worker, 'PSS-10', [0, 0, 0, 4, 4, 0, 4, 4, 0, 0]).expect(201);
      expect(pss.body).toMatchObject({ totalScore: 0, band: 'low' });
    });

    it('refuses a wrong number of answers with 400 naming the item', async () => {
      const short = await submitOwn(t, worker, 'PHQ-9', [0, 0, 0, 0, 0, 0, 0]).expect(400);
      expect(short.body).toMatchObject({ code: 'ANSWER_MISSING', item: 8, expected: 9, received: 7 });
      expect(short.body.message).toContain('第 8 题');
      expect(short.body.message).toContain('item 8');
      const long = await submitOwn(t, worker, 'GAD-2', [0, 0, 1]).expect(400);
      expect(long.body).toMatchObject({ code: 'ANSWER_EXTRA', item: 3 });
    });

    it('refuses a value outside an item\'s options with 400 naming the item and the allowed values', async () => {
      const bad = await submitOwn(t, worker, 'K10', [1, 1, 1, 1, 1, 6, 1, 1, 1, 1]).expect(400);
      expect(bad.body).toMatchObject({ code: 'ANSWER_INVALID', item: 6, value: 6, allowed: [1, 2, 3, 4, 5] });
      const text = await submitOwn(t, worker, 'PHQ-2', [0, 'often']).expect(400);
      expect(text.body).toMatchObject({ code: 'ANSWER_INVALID', item: 2 });
    });

    it('refuses an unknown instrument with 400, and a malformed body with 400', async () => {
      const unknown = await submitOwn(t, worker, 'SCL-90', [0]).expect(400);
      expect(unknown.body).toMatchObject({ code: 'UNKNOWN_INSTRUMENT', instrumentCode: 'SCL-90' });
      const noAnswers = await t.http().post('/api/v1/me/assessments').set(...bearer(worker)).send({ instrumentCode: 'PHQ-9' }).expect(400);
      expect(noAnswers.body.message).toContain('answers');
      await t.http().post('/api/v1/me/assessments').set(...bearer(worker)).send({ instrumentCode: 'PHQ-9', answers: PHQ9.minimal, workerId: w.enterpriseA }).expect(400);
    });

    it('stores nothing for a refused submission', async () => {
      const before = await t.sql<{ n: number }>('SELECT COUNT(*) AS n FROM assessment_results WHERE worker_id = $1', [worker.workerId]);
      await submitOwn(t, worker, 'PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 4]).expect(400);
      const after = await t.sql<{ n: number }>('SELECT COUNT(*) AS n FROM assessment_results WHERE worker_id = $1', [worker.workerId]);
      expect(Number(after[0].n)).toBe(Number(before[0].n));
    });

    it('refuses with 403 CONSENT_REQUIRED_ASSESSMENT without consent, and after consent is withdrawn', async () => {
      const other = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      const refused = await submitOwn(t, other, 'PHQ-9', PHQ9.minimal).expect(403);
      expect(refused.body.code).toBe('CONSENT_REQUIRED_ASSESSMENT');
      await consent(t, other);
      await submitOwn(t, other, 'PHQ-9', PHQ9.minimal).expect(201);
      await t.http().post('/api/v1/me/consents').set(...bearer(other)).send({ purpose: 'assessment', granted: false }).expect(201);
      await submitOwn(t, other, 'PHQ-9', PHQ9.minimal).expect(403);
    });

    it('with a crisis result, carries help: a supportive message (zh first) and the configured help lines, no clinical label', async () => {
      const response = await submitOwn(t, worker, 'PHQ-9', PHQ9.item9Only).expect(201);
      expect(response.body).toMatchObject({ crisis: true, totalScore: 1, band: 'minimal' });
      expect(Object.keys(response.body.help)).toEqual(['zh', 'en', 'lines']);
      expect(response.body.help.lines.map((l: { number: string }) => l.number)).toEqual(['12351', '12356']);
      expect(response.body.help.zh).toContain('12351');
      expect(`${response.body.help.zh}${response.body.help.en}`).not.toMatch(/抑郁|depress/i);
    });

    it('a worker cannot use the staff route, not even for themselves', async () => {
      const other = await t.createWorker(w.admin.token, w.enterpriseA);
      await t.http().post(`/api/v1/workers/${other}/assessments`).set(...bearer(worker)).send({ instrumentCode: 'PHQ-2', answers: [0, 0] }).expect(403);
      await t.http().post(`/api/v1/workers/${worker.workerId}/assessments`).set(...bearer(worker)).send({ instrumentCode: 'PHQ-2', answers: [0, 0] }).expect(403);
    });

    it('staff have no /me/assessments (no worker profile and no permission)', async () => {
      await submitOwn(t, w.counsellorA, 'PHQ-2', [0, 0]).expect(403);
    });
  });

  describe('a counsellor entering one for a worker', () => {
    it('answers 201 for a worker in scope, with the crisis reasons, and audits it', async () => {
      const id = await t.createWorker(w.counsellorA.token, w.enterpriseA);
      await consentOnPaper(t, w.counsellorA, id);
      const response = await t
        .http()
        .post(`/api/v1/workers/${id}/assessments`)
        .set(...bearer(w.counsellorA))
        .send({ instrumentCode: 'GAD-7', answers: [3, 3, 3, 2, 2, 1, 1] })
        .expect(201);
      expect(response.body).toMatchObject({ workerId: id, totalScore: 15, band: 'severe', crisis: true, crisisReasons: ['total_at_least_15'], source: 'staff' });
      expect(response.body).not.toHaveProperty('help');
      const audit = await t.sql<{ action: string; actor_id: string }>("SELECT action, actor_id FROM audit_events WHERE resource_id = $1", [response.body.id]);
      expect(audit).toEqual([{ action: 'assessment.submit', actor_id: w.counsellorA.id }]);
    });

    it('lets a supervisor of the parent unit enter one for a worker of either enterprise', async () => {
      const id = await t.createWorker(w.counsellorB.token, w.enterpriseB);
      await consentOnPaper(t, w.counsellorB, id);
      await t.http().post(`/api/v1/workers/${id}/assessments`).set(...bearer(w.supervisor)).send({ instrumentCode: 'PHQ-2', answers: [1, 1] }).expect(201);
    });

    it('answers 404 for a worker outside scope, before looking at consent', async () => {
      const id = await t.createWorker(w.counsellorB.token, w.enterpriseB);
      const response = await t.http().post(`/api/v1/workers/${id}/assessments`).set(...bearer(w.counsellorA)).send({ instrumentCode: 'PHQ-2', answers: [0, 0] }).expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });

    it('answers 403 without the worker\'s consent', async () => {
      const id = await t.createWorker(w.counsellorA.token, w.enterpriseA);
      const response = await t.http().post(`/api/v1/workers/${id}/assessments`).set(...bearer(w.counsellorA)).send({ instrumentCode: 'PHQ-2', answers: [0, 0] }).expect(403);
      expect(response.body.code).toBe('CONSENT_REQUIRED_ASSESSMENT');
    });

    it('refuses officials (403) on every individual route', async () => {
      const id = await t.createWorker(w.counsellorA.token, w.enterpriseA);
      await t.http().post(`/api/v1/workers/${id}/assessments`).set(...bearer(w.official)).send({ instrumentCode: 'PHQ-2', answers: [0, 0] }).expect(403);
      const own = await submitOwn(t, worker, 'PHQ-2', [0, 0]).expect(201);
      await t.http().get(`/api/v1/assessments/${own.body.id}`).set(...bearer(w.official)).expect(403);
      await t.http().get('/api/v1/risk-alerts').set(...bearer(w.official)).expect(403);
      await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.official)).expect(403);
    });

    it('admins enter nothing clinical', async () => {
      await t.http().post(`/api/v1/workers/${worker.workerId}/assessments`).set(...bearer(w.admin)).send({ instrumentCode: 'PHQ-2', answers: [0, 0] }).expect(403);
    });
  });

  describe('reading one result with its answers', () => {
    it('gives staff in scope the decrypted answers (audited) and 404 out of scope; workers have no such route', async () => {
      const own = await submitOwn(t, worker, 'GAD-2', [1, 2]).expect(201);
      const read = await t.http().get(`/api/v1/assessments/${own.body.id}`).set(...bearer(w.counsellorA)).expect(200);
      expect(read.body).toMatchObject({ answers: [1, 2], totalScore: 3, band: 'positive', enteredBy: worker.id });
      await t.http().get(`/api/v1/assessments/${own.body.id}`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().get(`/api/v1/assessments/${own.body.id}`).set(...bearer(worker)).expect(403);
      const audit = await t.sql<{ action: string }>("SELECT action FROM audit_events WHERE resource_id = $1 AND action = 'assessment.read'", [own.body.id]);
      expect(audit).toHaveLength(1);
    });
  });

  describe("the dashboards' latest-result summary (assessment_latest)", () => {
    const latestOf = (workerId: string | null) =>
      t.sql<{ instrument_code: string; year: number; result_id: string; band: string | null }>(
        'SELECT instrument_code, year, result_id, band FROM assessment_latest WHERE worker_id = $1 ORDER BY instrument_code',
        [workerId],
      );

    it('keeps one row per instrument and year, the latest result, for submissions by the worker and by staff alike', async () => {
      const other = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      await consent(t, other);
      const first = await submitOwn(t, other, 'PHQ-9', PHQ9.minimal).expect(201);
      const year = new Date(first.body.createdAt).getUTCFullYear();
      expect(await latestOf(other.workerId)).toEqual([{ instrument_code: 'PHQ-9', year, result_id: first.body.id, band: 'minimal' }]);
      await t.advanceClock(60_000);
      const second = await t
        .http()
        .post(`/api/v1/workers/${other.workerId}/assessments`)
        .set(...bearer(w.counsellorA))
        .send({ instrumentCode: 'PHQ-9', answers: PHQ9.moderate })
        .expect(201);
      const gad = await submitOwn(t, other, 'GAD-7', [0, 0, 0, 0, 0, 0, 0]).expect(201);
      expect((await latestOf(other.workerId)).map((r) => ({ ...r, year: Number(r.year) }))).toEqual([
        { instrument_code: 'GAD-7', year, result_id: gad.body.id, band: 'minimal' },
        { instrument_code: 'PHQ-9', year, result_id: second.body.id, band: 'moderate' },
      ]);
    });

    it('the upsert statement never lets an older result replace a later one, on either database', async () => {
      const other = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      await consent(t, other);
      const result = await submitOwn(t, other, 'PHQ-9', PHQ9.moderate).expect(201);
      const year = new Date(result.body.createdAt).getUTCFullYear();
      const at = new Date(Date.UTC(year, 0, 1, 0, 0, 1)).toISOString();
      const older = dialectOf(process.env.DATABASE_URL) === 'postgres' ? at : at.replace('T', ' ').replace('Z', '');
      await t.sql(
        `INSERT INTO assessment_latest (instrument_code, year, worker_id, result_id, at, band) VALUES ('PHQ-9', $1, $2, $3, $4, 'minimal')
         ON CONFLICT (instrument_code, year, worker_id) DO UPDATE SET result_id = excluded.result_id, at = excluded.at, band = excluded.band
         WHERE excluded.at >= assessment_latest.at`,
        [year, other.workerId, '00000000-0000-4000-8000-000000000001', older],
      );
      expect(await latestOf(other.workerId)).toEqual([expect.objectContaining({ result_id: result.body.id, band: 'moderate' })]);
    });
  });
});
