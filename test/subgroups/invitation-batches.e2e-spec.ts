import { seedAssessments, type SeedDatabase } from '../../bench/scenarios/assessments.js';
import { dialectOf } from '../../src/platform/database/dialect.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { activate, createProgramme, enrol, preview } from './support.js';

const DATA_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='; // TestApp's

/**
 * More workers than one invitation batch (500): one INSERT … SELECT enrols them all, and invitations go out in
 * batches through the job queue, a job per 500 rather than per worker, each worker told exactly once.
 */
describe('programme invitations at scale', () => {
  let t: TestApp;
  let counsellor: TestUser;
  let unitId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.admin();
    const db: SeedDatabase = { dialect: dialectOf(t.databaseUrl), query: (sql, params) => t.sql(sql, params) };
    unitId = (await seedAssessments(db, { workers: 1_200, results: 0, accounts: 1_100, dataKey: DATA_KEY, chunk: 1_000 })).unitId;
    counsellor = await t.createUser(admin.token, 'counsellor', unitId);
  });
  afterAll(() => t.close());

  it('enrols 1,200 in one statement and invites the 1,100 with an account in three jobs, once each', async () => {
    const programmeId = await createProgramme(t, counsellor, { orgUnitId: unitId, title: '全员关爱', eligibility: {} });
    await activate(t, counsellor, programmeId);
    expect(await preview(t, counsellor, programmeId)).toEqual({ eligible: 1_200, alreadyEnrolled: 0, toEnrol: 1_200 });
    const shift = await t.http().post('/api/v1/programmes/eligibility/preview').set(...bearer(counsellor)).send({ eligibility: { specialPost: ['shift'] } }).expect(200);
    expect(shift.body.eligible).toBe(120);
    expect(await enrol(t, counsellor, programmeId)).toBe(1_200);
    await t.runJobs();
    const count = async (sql: string, params: unknown[] = []) => Number((await t.sql<{ n: number }>(sql, params))[0].n);
    expect(await count("SELECT COUNT(*) AS n FROM jobs WHERE type = 'programme.invite'")).toBe(3);
    expect(await count("SELECT COUNT(*) AS n FROM jobs WHERE type = 'programme.invite' AND status = 'done'")).toBe(3);
    expect(await count("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'programme_invitation'")).toBe(1_100);
    expect(await count("SELECT COUNT(DISTINCT user_id) AS n FROM notifications WHERE kind = 'programme_invitation'")).toBe(1_100);
    expect(await count('SELECT COUNT(*) AS n FROM programme_enrolments WHERE programme_id = $1 AND invitation_sent_at IS NOT NULL', [programmeId])).toBe(1_100);
    await t.runJobs();
    expect(await count("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'programme_invitation'")).toBe(1_100);
  });
});
