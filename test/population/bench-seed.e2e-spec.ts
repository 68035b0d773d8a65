import { seedAssessments, type SeedDatabase, type SeedSummary } from '../../bench/scenarios/assessments.js';
import { dialectOf } from '../../src/platform/database/dialect.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';

const DATA_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='; // TestApp's
const DAY = 24 * 3600_000;

/**
 * The bench seeding function (bench/scenarios/assessments.ts) on a real, migrated database of each dialect, and the
 * set-based paths it exists to measure: the record of the worker with 50 results, a submission by a seeded worker,
 * and campaign reminders to more workers than one delivery batch (500).
 */
describe('bench seeding for the assessments scenarios', () => {
  let t: TestApp;
  let seeded: SeedSummary;
  let counsellor: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.admin();
    const db: SeedDatabase = { dialect: dialectOf(t.databaseUrl), query: (sql, params) => t.sql(sql, params) };
    seeded = await seedAssessments(db, { workers: 1_200, results: 6_000, accounts: 1_100, dataKey: DATA_KEY, chunk: 1_000 });
    counsellor = await t.createUser(admin.token, 'counsellor', seeded.unitId);
  });
  afterAll(() => t.close());

  it('inserts the workers, consents, accounts and results asked for', async () => {
    const count = async (sql: string) => Number((await t.sql<{ n: number }>(sql, [seeded.unitId]))[0].n);
    expect(await count('SELECT COUNT(*) AS n FROM workers WHERE org_unit_id = $1')).toBe(1_200);
    expect(await count("SELECT COUNT(*) AS n FROM consents c JOIN workers w ON w.id = c.worker_id WHERE w.org_unit_id = $1 AND c.purpose = 'assessment'")).toBe(1_200);
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE org_unit_id = $1 AND role = 'worker'")).toBe(1_100);
    expect(await count('SELECT COUNT(*) AS n FROM assessment_results WHERE org_unit_id = $1')).toBe(6_000);
  });

  it('gives the record worker 50 results, in order, readable through the API', async () => {
    const record = await t.http().get(`/api/v1/workers/${seeded.recordWorkerId}/record`).set(...bearer(counsellor)).expect(200);
    const results = record.body.assessments.flatMap((a: { results: unknown[] }) => a.results);
    expect(results).toHaveLength(50);
    expect(record.body.assessments.map((a: { instrumentCode: string }) => a.instrumentCode)).toEqual(['PHQ-9', 'GAD-7', 'WHO-5']);
    const [phq9] = record.body.assessments;
    expect(phq9.results[1].change).toBe(phq9.results[1].totalScore - phq9.results[0].totalScore);
    const one = await t.http().get(`/api/v1/assessments/${phq9.results[0].id}`).set(...bearer(counsellor)).expect(200);
    expect(one.body.answers).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0]);
  });

  it('lets a seeded worker with a new account submit (consent is seeded)', async () => {
    const admin = await t.admin();
    const worker = await t.createUser(admin.token, 'worker', seeded.unitId, seeded.submitterWorkerId);
    await t.http().post('/api/v1/me/assessments').set(...bearer(worker)).send({ instrumentCode: 'PHQ-9', answers: [1, 0, 1, 0, 1, 0, 1, 0, 0] }).expect(201);
  });

  it('reminds 1,100 workers in batches of 500, once each, and counts participation by unit', async () => {
    const start = await t.advanceClock(0);
    const campaign = await t
      .http()
      .post('/api/v1/campaigns')
      .set(...bearer(counsellor))
      .send({ title: '基准测评', instrumentCodes: ['WHO-5'], opensAt: start.toISOString(), closesAt: new Date(start.getTime() + 10 * DAY).toISOString(), reminderIntervalDays: 3 })
      .expect(201);
    await t.advanceClock(3 * DAY);
    await t.runJobs();
    await t.runJobs();
    const reminded = await t.sql<{ n: number; users: number }>(
      "SELECT COUNT(*) AS n, COUNT(DISTINCT user_id) AS users FROM notifications WHERE kind = 'campaign_reminder' AND link = $1",
      [`/me/campaigns/${campaign.body.id}`],
    );
    // 1,100 seeded accounts + the submitter's account made above
    expect([Number(reminded[0].n), Number(reminded[0].users)]).toEqual([1_101, 1_101]);
    const batches = await t.sql<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE type = 'campaign.remind.deliver' AND status = 'done'");
    expect(Number(batches[0].n)).toBe(3);
    const participation = await t.http().get(`/api/v1/campaigns/${campaign.body.id}/participation`).set(...bearer(counsellor)).expect(200);
    expect(participation.body).toMatchObject({ targeted: 1_200, started: 0, completed: 0 });
  });
});
