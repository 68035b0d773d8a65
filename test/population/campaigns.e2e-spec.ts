import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { consent, notificationsOf, PHQ9, submitOwn } from './support.js';

const DAY = 24 * 3600_000;
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

describe('screening campaigns (测评活动)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let workshop: string;
  let a1: TestUser; // female, enterprise A: starts (PHQ-9 only)
  let a2: TestUser; // male, enterprise A: filtered out
  let a3: TestUser; // female, enterprise A: completes both
  let a4: string; // female, enterprise A, no account: targeted, cannot be reminded
  let a5: TestUser; // female, workshop under enterprise A: targeted through the subtree, never answers
  let b1: TestUser; // female, enterprise B: not targeted
  let campaign: { id: string; status: string };

  const now = async () => t.advanceClock(0);
  const reminders = (user: TestUser) => notificationsOf(t, user, 'campaign_reminder');

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    workshop = await t.createUnit(w.admin.token, w.enterpriseA, '二车间');
    [a1, a2, a3, a5, b1] = await Promise.all([
      t.createWorkerUser(w.admin.token, w.enterpriseA, { gender: 'female', birthYear: 1985 }),
      t.createWorkerUser(w.admin.token, w.enterpriseA, { gender: 'male', birthYear: 1990 }),
      t.createWorkerUser(w.admin.token, w.enterpriseA, { gender: 'female', birthYear: 1980 }),
      t.createWorkerUser(w.admin.token, workshop, { gender: 'female', birthYear: 1995 }),
      t.createWorkerUser(w.admin.token, w.enterpriseB, { gender: 'female', birthYear: 1985 }),
    ]);
    a4 = await t.createWorker(w.admin.token, w.enterpriseA, { gender: 'female' });
    for (const worker of [a1, a2, a3, a5, b1]) await consent(t, worker);
  });
  afterAll(() => t.close());

  describe('launching', () => {
    const body = async (extra: Record<string, unknown> = {}) => {
      const start = await now();
      return {
        title: '2026 年度职工心理健康测评',
        instrumentCodes: ['PHQ-9', 'GAD-7'],
        targetUnitIds: [w.enterpriseA],
        filters: { gender: ['female'] },
        opensAt: new Date(start.getTime() - 3600_000).toISOString(),
        closesAt: new Date(start.getTime() + 10 * DAY).toISOString(),
        reminderIntervalDays: 3,
        ...extra,
      };
    };

    it('lets a supervisor launch one for units in their subtree (201, open)', async () => {
      const response = await t.http().post('/api/v1/campaigns').set(...bearer(w.supervisor)).send(await body()).expect(201);
      campaign = response.body;
      expect(response.body).toMatchObject({ status: 'open', orgUnitId: w.city, targetUnitIds: [w.enterpriseA], filters: { gender: ['female'] }, instrumentCodes: ['PHQ-9', 'GAD-7'] });
      const audit = await t.sql<{ action: string }>('SELECT action FROM audit_events WHERE resource_id = $1', [campaign.id]);
      expect(audit).toEqual([{ action: 'campaign.create' }]);
    });

    it('refuses an unknown instrument, dates the wrong way round, a bad filter', async () => {
      expect((await t.http().post('/api/v1/campaigns').set(...bearer(w.supervisor)).send(await body({ instrumentCodes: ['SCL-90'] })).expect(400)).body.code).toBe('UNKNOWN_INSTRUMENT');
      const start = await now();
      const backwards = await body({ opensAt: new Date(start.getTime() + DAY).toISOString(), closesAt: start.toISOString() });
      expect((await t.http().post('/api/v1/campaigns').set(...bearer(w.supervisor)).send(backwards).expect(400)).body.code).toBe('CAMPAIGN_DATES_INVALID');
      expect((await t.http().post('/api/v1/campaigns').set(...bearer(w.supervisor)).send(await body({ filters: { gender: ['robot'] } })).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect(
        (await t.http().post('/api/v1/campaigns').set(...bearer(w.supervisor)).send(await body({ filters: { birthYearFrom: 1990, birthYearTo: 1980 } })).expect(400)).body.code,
      ).toBe('CAMPAIGN_FILTER_INVALID');
    });

    it('answers 404 for a target unit outside scope; 403 for officials, workers and admins', async () => {
      await t.http().post('/api/v1/campaigns').set(...bearer(w.counsellorA)).send(await body({ targetUnitIds: [w.enterpriseB] })).expect(404);
      await t.http().post('/api/v1/campaigns').set(...bearer(w.official)).send(await body()).expect(403);
      await t.http().post('/api/v1/campaigns').set(...bearer(a1)).send(await body()).expect(403);
      await t.http().post('/api/v1/campaigns').set(...bearer(w.admin)).send(await body()).expect(403);
    });

    it('is visible to staff below and above the launching unit, not to a sibling subtree', async () => {
      await t.http().get(`/api/v1/campaigns/${campaign.id}`).set(...bearer(w.counsellorA)).expect(200);
      const other = await t.http().post('/api/v1/campaigns').set(...bearer(w.counsellorA)).send(await body({ title: 'A 企业内部测评' })).expect(201);
      await t.http().get(`/api/v1/campaigns/${other.body.id}`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().get(`/api/v1/campaigns/${other.body.id}`).set(...bearer(w.supervisor)).expect(200);
      const list = await t.http().get('/api/v1/campaigns').set(...bearer(w.counsellorB)).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([campaign.id]);
      await t.http().post(`/api/v1/campaigns/${other.body.id}/close`).set(...bearer(w.counsellorA)).expect(200);
    });
  });

  describe('answering', () => {
    it('shows a worker the open campaigns that reach them', async () => {
      const mine = await t.http().get('/api/v1/me/campaigns').set(...bearer(a1)).expect(200);
      expect(mine.body).toEqual([
        expect.objectContaining({
          id: campaign.id,
          completed: false,
          instruments: [expect.objectContaining({ code: 'PHQ-9', completed: false }), expect.objectContaining({ code: 'GAD-7', completed: false })],
        }),
      ]);
      expect((await t.http().get('/api/v1/me/campaigns').set(...bearer(a5)).expect(200)).body).toHaveLength(1); // subtree
      expect((await t.http().get('/api/v1/me/campaigns').set(...bearer(a2)).expect(200)).body).toEqual([]); // filtered out
      expect((await t.http().get('/api/v1/me/campaigns').set(...bearer(b1)).expect(200)).body).toEqual([]); // not targeted
      await t.http().get('/api/v1/me/campaigns').set(...bearer(w.counsellorA)).expect(403);
    });

    it('takes answers with a campaignId and marks them done', async () => {
      await submitOwn(t, a3, 'PHQ-9', PHQ9.minimal, { campaignId: campaign.id }).expect(201);
      await submitOwn(t, a3, 'GAD-7', [0, 0, 0, 0, 0, 0, 0], { campaignId: campaign.id }).expect(201);
      const stored = await submitOwn(t, a1, 'PHQ-9', PHQ9.moderate, { campaignId: campaign.id }).expect(201);
      expect(stored.body.campaignId).toBe(campaign.id);
      const mine = await t.http().get('/api/v1/me/campaigns').set(...bearer(a3)).expect(200);
      expect(mine.body[0].completed).toBe(true);
    });

    it('refuses a second answer with the same instrument, an instrument outside the campaign, a worker it does not reach', async () => {
      expect((await submitOwn(t, a3, 'PHQ-9', PHQ9.minimal, { campaignId: campaign.id }).expect(409)).body.code).toBe('CAMPAIGN_ALREADY_ANSWERED');
      expect((await submitOwn(t, a1, 'K10', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { campaignId: campaign.id }).expect(400)).body.code).toBe('INSTRUMENT_NOT_IN_CAMPAIGN');
      await submitOwn(t, a2, 'PHQ-9', PHQ9.minimal, { campaignId: campaign.id }).expect(404);
      await submitOwn(t, b1, 'PHQ-9', PHQ9.minimal, { campaignId: campaign.id }).expect(404);
    });
  });

  describe('participation and results', () => {
    it('counts targeted, started and completed workers per unit (GROUP BY), within the viewer\'s scope', async () => {
      const response = await t.http().get(`/api/v1/campaigns/${campaign.id}/participation`).set(...bearer(w.supervisor)).expect(200);
      const byUnit = Object.fromEntries(response.body.units.map((u: { orgUnitId: string }) => [u.orgUnitId, u]));
      expect(byUnit[w.enterpriseA]).toMatchObject({ targeted: 3, started: 2, completed: 1 }); // a1, a3, a4
      expect(byUnit[workshop]).toMatchObject({ name: '二车间', targeted: 1, started: 0, completed: 0 }); // a5
      expect(response.body).toMatchObject({ targeted: 4, started: 2, completed: 1 });
      const fromA = await t.http().get(`/api/v1/campaigns/${campaign.id}/participation`).set(...bearer(w.counsellorA)).expect(200);
      expect(fromA.body).toMatchObject({ targeted: 4, started: 2, completed: 1 });
      const fromB = await t.http().get(`/api/v1/campaigns/${campaign.id}/participation`).set(...bearer(w.counsellorB)).expect(200);
      expect(fromB.body).toMatchObject({ units: [], targeted: 0 });
      expect(a4).toBeDefined();
    });

    it('shows individual results only to staff in scope (audited); officials and workers get 403', async () => {
      const fromA = await t.http().get(`/api/v1/campaigns/${campaign.id}/results`).set(...bearer(w.counsellorA)).expect(200);
      expect(fromA.body.total).toBe(3);
      expect(fromA.body.items.map((i: { workerId: string }) => i.workerId).sort()).toEqual([a1.workerId, a3.workerId, a3.workerId].sort());
      expect(fromA.body.items[0].result).toHaveProperty('band');
      expect((await t.http().get(`/api/v1/campaigns/${campaign.id}/results`).set(...bearer(w.counsellorB)).expect(200)).body.total).toBe(0);
      await t.http().get(`/api/v1/campaigns/${campaign.id}/results`).set(...bearer(w.official)).expect(403);
      await t.http().get(`/api/v1/campaigns/${campaign.id}/participation`).set(...bearer(w.official)).expect(403);
      await t.http().get(`/api/v1/campaigns/${campaign.id}/results`).set(...bearer(a1)).expect(403);
      const audit = await t.sql<{ detail: unknown }>("SELECT detail FROM audit_events WHERE action = 'campaign.results.read' AND actor_id = $1", [w.counsellorA.id]);
      expect(json(audit[0].detail)).toMatchObject({ results: 3 });
    });
  });

  describe('reminders through the job queue', () => {
    it('reminds, every 3 days, those with an account who have not finished; once per worker per round', async () => {
      await t.runJobs();
      expect(await reminders(a1)).toHaveLength(0); // nothing before the first interval

      await t.advanceClock(3 * DAY);
      await t.runJobs();
      await t.runJobs();
      expect(await reminders(a1)).toHaveLength(1); // started, not finished
      expect(await reminders(a5)).toHaveLength(1); // never answered
      expect(await reminders(a3)).toHaveLength(0); // finished
      expect(await reminders(a2)).toHaveLength(0); // filtered out
      expect(await reminders(b1)).toHaveLength(0); // not targeted
      const [note] = await reminders(a1);
      expect(note.title).toContain('2026 年度职工心理健康测评');
      expect(note.link).toBe(`/me/campaigns/${campaign.id}`);
      const rows = await t.sql<{ n: number }>('SELECT COUNT(*) AS n FROM campaign_reminders WHERE campaign_id = $1 AND round = 1', [campaign.id]);
      expect(Number(rows[0].n)).toBe(2);

      await submitOwn(t, a1, 'GAD-7', [1, 1, 1, 1, 1, 1, 1], { campaignId: campaign.id }).expect(201);
      await t.advanceClock(3 * DAY);
      await t.runJobs();
      expect(await reminders(a1)).toHaveLength(1); // finished since
      expect(await reminders(a5)).toHaveLength(2);
    });

    it('stops when the campaign is closed, by its launching unit only', async () => {
      const refused = await t.http().post(`/api/v1/campaigns/${campaign.id}/close`).set(...bearer(w.counsellorA)).expect(403);
      expect(refused.body.code).toBe('CAMPAIGN_NOT_MANAGED');
      const closed = await t.http().post(`/api/v1/campaigns/${campaign.id}/close`).set(...bearer(w.supervisor)).expect(200);
      expect(closed.body.status).toBe('closed');
      await t.http().post(`/api/v1/campaigns/${campaign.id}/close`).set(...bearer(w.supervisor)).expect(409);
      expect((await submitOwn(t, a5, 'PHQ-9', PHQ9.minimal, { campaignId: campaign.id }).expect(409)).body.code).toBe('CAMPAIGN_NOT_OPEN');
      expect((await t.http().get('/api/v1/me/campaigns').set(...bearer(a5)).expect(200)).body).toEqual([]);
      await t.advanceClock(3 * DAY);
      await t.runJobs();
      expect(await reminders(a5)).toHaveLength(2);
    });
  });
});
