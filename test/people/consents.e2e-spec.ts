import { submitOwn } from '../population/support.js';
import { TestApp, bearer } from '../support/test-app.js';

describe('consent (PIPL separate consent)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  });
  afterAll(() => t.close());

  it('lets a worker grant and withdraw; the current state is the latest and the history keeps both', async () => {
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'assessment', granted: true }).expect(201);
    await t.advanceClock(1000);
    await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'assessment', granted: false }).expect(201);
    const consents = (await t.http().get('/api/v1/me/consents').set(...bearer(worker)).expect(200)).body;
    expect(consents.current).toEqual([expect.objectContaining({ purpose: 'assessment', granted: false })]);
    expect(consents.history.map((h: { granted: boolean }) => h.granted)).toEqual([false, true]);
  });

  it('orders grants and withdrawals recorded in the same millisecond by sequence: the check and the list agree', async () => {
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    const record = (purpose: string, granted: boolean) => t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose, granted }).expect(201);
    const recorded: Array<[string, boolean]> = [];
    // The test clock stands still: every row below has the same createdAt.
    for (const granted of [true, false, true, false, true, false]) {
      await record('assessment', granted);
      await record('research', !granted);
      recorded.push(['assessment', granted], ['research', !granted]);
      const consents = (await t.http().get('/api/v1/me/consents').set(...bearer(worker)).expect(200)).body;
      expect(consents.current).toEqual(
        expect.arrayContaining([expect.objectContaining({ purpose: 'assessment', granted }), expect.objectContaining({ purpose: 'research', granted: !granted })]),
      );
      expect(consents.history.map((h: { purpose: string; granted: boolean }) => [h.purpose, h.granted])).toEqual([...recorded].reverse());
      const submitted = await submitOwn(t, worker, 'WHO-5', [3, 3, 2, 2, 2]);
      expect(submitted.status === 201 || submitted.status === 200 ? 'allowed' : submitted.body.code).toBe(granted ? 'allowed' : 'CONSENT_REQUIRED_ASSESSMENT');
    }
    const seqs = await t.sql<{ seq: number }>('SELECT seq FROM consents WHERE worker_id = $1 ORDER BY seq', [worker.workerId]);
    expect(seqs.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('keeps EAP referral consent per vendor', async () => {
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'eap_referral', granted: true, recipientId: 'vendor-a' }).expect(201);
    const missing = await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'eap_referral', granted: true }).expect(400);
    expect(missing.body.code).toBe('RECIPIENT_REQUIRED');
    const consents = (await t.http().get('/api/v1/me/consents').set(...bearer(worker)).expect(200)).body;
    expect(consents.current).toEqual([expect.objectContaining({ purpose: 'eap_referral', recipientId: 'vendor-a', granted: true })]);
  });

  it('lets a counsellor record consent given on paper, and only as such', async () => {
    const workerId = await t.createWorker(w.admin.token, w.enterpriseA);
    const notOnPaper = await t.http().post(`/api/v1/workers/${workerId}/consents`).set(...bearer(w.counsellorA)).send({ purpose: 'counselling', granted: true }).expect(400);
    expect(notOnPaper.body.code).toBe('ON_PAPER_REQUIRED');
    const recorded = await t.http().post(`/api/v1/workers/${workerId}/consents`).set(...bearer(w.counsellorA)).send({ purpose: 'counselling', granted: true, onPaper: true, note: '纸质同意书已存档' }).expect(201);
    expect(recorded.body).toMatchObject({ onPaper: true, recordedBy: w.counsellorA.id });
  });

  it('hides other workers’ consents: 404 out of scope, 403 for officials and admins', async () => {
    const workerId = await t.createWorker(w.admin.token, w.enterpriseA);
    await t.http().get(`/api/v1/workers/${workerId}/consents`).set(...bearer(w.counsellorB)).expect(404);
    await t.http().get(`/api/v1/workers/${workerId}/consents`).set(...bearer(w.official)).expect(403);
    await t.http().get(`/api/v1/workers/${workerId}/consents`).set(...bearer(w.admin)).expect(403);
  });

  it('refuses an unknown purpose (400)', async () => {
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'marketing', granted: true }).expect(400);
  });
});
