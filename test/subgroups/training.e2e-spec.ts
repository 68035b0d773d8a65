import { DAY, HOUR } from '../../src/platform/clock/clock.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { inbox, type World } from './support.js';

interface Certification {
  id: string;
  userId: string;
  type: string;
  state: string;
  expiresAt: string;
  expiryFlaggedAt: string | null;
}

/**
 * 干部培养 · 培养懂心理学的工会干部: courses for union cadres and counsellors, sessions with attendance,
 * assessments, continuing-education hours per year, certifications with expiry flagged to the supervisor through a
 * durable job (also after a crash and restart).
 */
describe('cadre and counsellor training (干部培养)', () => {
  let t: TestApp;
  let w: World;
  let counsellorC: TestUser; // enterprise A, never attends
  let courseId: string;
  let sessions: string[];

  const setClock = (at: Date) => t.http().post('/api/v1/test/clock').send({ set: at.toISOString() }).expect(200);
  const now = () => t.advanceClock(0);
  const inHours = async (hours: number) => new Date((await now()).getTime() + hours * HOUR).toISOString();
  const certifications = async (query = '') => (await t.http().get(`/api/v1/certifications${query}`).set(...bearer(w.supervisor)).expect(200)).body as Certification[];
  const issue = (body: Record<string, unknown>) => t.http().post('/api/v1/certifications').set(...bearer(w.supervisor)).send(body);

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    counsellorC = await t.createUser(w.admin.token, 'counsellor', w.enterpriseA);
  });
  afterAll(() => t.close());

  it('offers the catalogue of the seed: three psychologies, four teaching methods', async () => {
    const catalogue = await t.http().get('/api/v1/training/catalogue').set(...bearer(w.official)).expect(200);
    expect(catalogue.body.topics.map((x: { zh: string }) => x.zh)).toEqual(['社会心理学', '积极心理学', '应用心理学']);
    expect(catalogue.body.methods.map((x: { zh: string }) => x.zh)).toEqual(['研究式', '案例式', '体验式', '模拟式']);
    expect(catalogue.body.certificationTypes.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(['crisis_intervention', 'counselling_basic', 'group_facilitation']));
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await t.http().get('/api/v1/training/catalogue').set(...bearer(worker)).expect(403);
  });

  describe('courses and sessions', () => {
    const course = {
      title: '心理危机干预实务（案例与模拟演练）',
      topic: 'applied_psychology',
      methods: ['case', 'simulation'],
      audience: 'counsellors',
      passingScore: 70,
      certificationType: 'crisis_intervention',
      certificationMonths: 12,
    };

    it('lets a supervisor create a certifying course; counsellors and officials may not', async () => {
      const incomplete = await t.http().post('/api/v1/training/courses').set(...bearer(w.supervisor)).send({ ...course, certificationMonths: undefined }).expect(400);
      expect(incomplete.body.code).toBe('CERTIFICATION_MONTHS_REQUIRED');
      await t.http().post('/api/v1/training/courses').set(...bearer(w.counsellorA)).send(course).expect(403);
      await t.http().post('/api/v1/training/courses').set(...bearer(w.official)).send(course).expect(403);
      const created = await t.http().post('/api/v1/training/courses').set(...bearer(w.supervisor)).send(course).expect(201);
      courseId = created.body.id;
      expect(created.body).toMatchObject({ orgUnitId: w.city, status: 'active', certificationType: 'crisis_intervention', sessions: [] });
    });

    it('adds sessions taught by the course’s methods, with their continuing-education hours', async () => {
      const bad = await t.http().post(`/api/v1/training/courses/${courseId}/sessions`).set(...bearer(w.supervisor)).send({ title: '讲授', method: 'study', startsAt: await inHours(2), endsAt: await inHours(3), ceHours: 1 }).expect(400);
      expect(bad.body.code).toBe('METHOD_NOT_IN_COURSE');
      const backwards = await t.http().post(`/api/v1/training/courses/${courseId}/sessions`).set(...bearer(w.supervisor)).send({ title: '案例', method: 'case', startsAt: await inHours(3), endsAt: await inHours(2), ceHours: 1 }).expect(400);
      expect(backwards.body.code).toBe('SESSION_TIMES_INVALID');
      sessions = [];
      for (const [title, method, start, hours] of [
        ['危机案例研讨', 'case', 2, 1.5],
        ['危机干预模拟演练', 'simulation', 26, 3],
      ] as const) {
        const response = await t.http().post(`/api/v1/training/courses/${courseId}/sessions`).set(...bearer(w.supervisor)).send({ title, method, startsAt: await inHours(start), endsAt: await inHours(start + hours), ceHours: hours }).expect(201);
        sessions.push(response.body.id);
      }
    });

    it('shows a course to its unit’s subtree and below, not to a sibling branch', async () => {
      const listed = await t.http().get('/api/v1/training/courses').set(...bearer(w.counsellorA)).expect(200);
      expect(listed.body.find((c: { id: string }) => c.id === courseId).sessions).toHaveLength(2);
      const other = await t.http().post('/api/v1/training/courses').set(...bearer(w.admin)).send({ title: '企业B工会干部积极心理学', topic: 'positive_psychology', methods: ['experiential'], audience: 'union_cadres', orgUnitId: w.enterpriseB }).expect(201);
      await t.http().get(`/api/v1/training/courses/${other.body.id}`).set(...bearer(w.counsellorA)).expect(404);
      await t.http().get(`/api/v1/training/courses/${other.body.id}`).set(...bearer(w.counsellorB)).expect(200);
    });
  });

  describe('attendance, assessment and hours', () => {
    it('records attendance once a session has started, for staff accounts in scope only', async () => {
      const attendance = (sessionId: string, body: Record<string, unknown>) => t.http().put(`/api/v1/training/sessions/${sessionId}/attendance`).set(...bearer(w.supervisor)).send(body);
      const early = await attendance(sessions[0], { present: [w.counsellorA.id] }).expect(409);
      expect(early.body.code).toBe('SESSION_NOT_STARTED');
      await t.advanceClock(2 * HOUR);
      const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      const notStaff = await attendance(sessions[0], { present: [worker.id] }).expect(400);
      expect(notStaff.body.code).toBe('TRAINEE_NOT_STAFF');
      const otherCity = await t.createUnit(w.admin.token, w.admin.orgUnitId);
      const stranger = await t.createUser(w.admin.token, 'counsellor', otherCity);
      await attendance(sessions[0], { present: [stranger.id] }).expect(404);
      await attendance(sessions[0], { present: [w.counsellorA.id, w.counsellorB.id, w.official.id], absent: [counsellorC.id] }).expect(200);
      await t.advanceClock(DAY);
      const second = await attendance(sessions[1], { present: [w.counsellorA.id], absent: [w.counsellorB.id] }).expect(200);
      expect(second.body).toEqual({ sessionId: sessions[1], present: 1, absent: 1 });
    });

    it('assesses only those who attended; a pass issues the course’s certification', async () => {
      const assess = (userId: string, score: number) => t.http().post(`/api/v1/training/courses/${courseId}/assessments`).set(...bearer(w.supervisor)).send({ userId, score });
      expect((await assess(counsellorC.id, 90).expect(409)).body.code).toBe('TRAINING_NOT_ATTENDED');
      const failed = await assess(w.counsellorA.id, 69).expect(201);
      expect(failed.body).toMatchObject({ passed: false, certification: null });
      await t.advanceClock(60_000);
      const passed = await assess(w.counsellorA.id, 70).expect(201);
      expect(passed.body).toMatchObject({ passed: true, certification: { type: 'crisis_intervention', state: 'current', userId: w.counsellorA.id, courseId } });
      const issued = new Date(passed.body.certification.issuedAt);
      expect(new Date(passed.body.certification.expiresAt).getUTCFullYear()).toBe(issued.getUTCFullYear() + 1);
    });

    it('reports continuing-education hours per person per year, zero included; officials have their own only', async () => {
      const report = await t.http().get('/api/v1/training/ce-hours?year=2026').set(...bearer(w.supervisor)).expect(200);
      const hours = new Map(report.body.items.map((row: { userId: string; hours: number }) => [row.userId, row.hours]));
      expect(hours.get(w.counsellorA.id)).toBe(4.5);
      expect(hours.get(w.counsellorB.id)).toBe(1.5);
      expect(hours.get(w.official.id)).toBe(1.5);
      expect(hours.get(counsellorC.id)).toBe(0);
      expect((await t.http().get('/api/v1/training/ce-hours?year=2025').set(...bearer(w.supervisor)).expect(200)).body.items.every((row: { hours: number }) => row.hours === 0)).toBe(true);
      await t.http().get('/api/v1/training/ce-hours').set(...bearer(w.official)).expect(403);
      await t.http().get('/api/v1/training/ce-hours').set(...bearer(w.counsellorA)).expect(403);
      const own = await t.http().get('/api/v1/me/training?year=2026').set(...bearer(w.official)).expect(200);
      expect(own.body).toMatchObject({ year: 2026, ceHours: 1.5, certifications: [] });
      const mine = await t.http().get('/api/v1/me/training').set(...bearer(w.counsellorA)).expect(200);
      expect(mine.body).toMatchObject({ year: 2026, ceHours: 4.5 });
      expect(mine.body.assessments.map((a: { passed: boolean }) => a.passed)).toEqual([true, false]);
      expect(mine.body.certifications.map((c: { type: string; state: string }) => `${c.type}:${c.state}`)).toEqual(['crisis_intervention:current']);
    });

    it('lists who is certified now for crisis cases (the query the individual tier relies on)', async () => {
      const staff = await t.http().get('/api/v1/certifications/certified-staff?type=crisis_intervention').set(...bearer(w.supervisor)).expect(200);
      expect(staff.body.map((s: { userId: string }) => s.userId)).toEqual([w.counsellorA.id]);
      await t.http().get('/api/v1/certifications/certified-staff?type=group_facilitation').set(...bearer(w.supervisor)).expect(200, []);
      await t.http().get('/api/v1/certifications/certified-staff?type=crisis_intervention').set(...bearer(w.counsellorA)).expect(403);
    });
  });

  describe('certifications and their expiry', () => {
    let basic: Certification;

    it('records an outside certificate, refusing future dates and worker accounts', async () => {
      expect((await issue({ userId: w.counsellorB.id, type: 'counselling_basic', validMonths: 1, issuedAt: await inHours(24) }).expect(400)).body.code).toBe('CERTIFICATION_DATE_INVALID');
      const worker = await t.createWorkerUser(w.admin.token, w.enterpriseB);
      expect((await issue({ userId: worker.id, type: 'counselling_basic', validMonths: 1 }).expect(400)).body.code).toBe('TRAINEE_NOT_STAFF');
      await t.http().post('/api/v1/certifications').set(...bearer(w.counsellorA)).send({ userId: w.counsellorB.id, type: 'counselling_basic', validMonths: 1 }).expect(403);
      basic = (await issue({ userId: w.counsellorB.id, type: 'counselling_basic', validMonths: 1 }).expect(201)).body;
      expect(basic.state).toBe('expiring');
    });

    it('revokes once; a revoked certification is never flagged', async () => {
      const facilitation = (await issue({ userId: w.counsellorB.id, type: 'group_facilitation', validMonths: 1 }).expect(201)).body as Certification;
      const revoked = await t.http().post(`/api/v1/certifications/${facilitation.id}/revoke`).set(...bearer(w.supervisor)).expect(200);
      expect(revoked.body.state).toBe('revoked');
      expect((await t.http().post(`/api/v1/certifications/${facilitation.id}/revoke`).set(...bearer(w.supervisor)).expect(409)).body.code).toBe('CERTIFICATION_REVOKED');
    });

    it('flags an expired certification to the holder’s supervisor through the job queue, once', async () => {
      await t.runJobs();
      expect(await inbox(t, w.supervisor, 'certification_expired')).toHaveLength(0);
      await t.advanceClock(32 * DAY);
      await t.runJobs();
      const [flag, ...more] = await inbox(t, w.supervisor, 'certification_expired');
      expect(more).toHaveLength(0);
      expect(flag.title).toContain('心理咨询基础');
      expect(flag.link).toBe(`/certifications?userId=${w.counsellorB.id}`);
      expect(await inbox(t, w.counsellorB, 'certification_expired')).toHaveLength(1);
      const listed = (await certifications(`?userId=${w.counsellorB.id}`)).find((c) => c.id === basic.id)!;
      expect(listed.state).toBe('expired');
      expect(listed.expiryFlaggedAt).not.toBeNull();
      await t.runJobs();
      expect(await inbox(t, w.supervisor, 'certification_expired')).toHaveLength(1);
      // The crisis certification (12 months) is still current.
      expect((await certifications('?type=crisis_intervention&state=current')).map((c) => c.userId)).toEqual([w.counsellorA.id]);
    });

    it('does not flag a certification renewed before it expired', async () => {
      const old = (await issue({ userId: w.counsellorA.id, type: 'group_facilitation', validMonths: 1 }).expect(201)).body as Certification;
      await t.advanceClock(20 * DAY);
      await issue({ userId: w.counsellorA.id, type: 'group_facilitation', validMonths: 12 }).expect(201);
      await t.advanceClock(15 * DAY);
      await t.runJobs();
      expect((await certifications(`?userId=${w.counsellorA.id}&type=group_facilitation`)).find((c) => c.id === old.id)).toMatchObject({ state: 'expired', expiryFlaggedAt: null });
      expect(await inbox(t, w.counsellorA, 'certification_expired')).toHaveLength(0);
    });

    it('flags at expiry after a crash and restart: the job is in the database, not in memory', async () => {
      const cadre = (await issue({ userId: w.official.id, type: 'cadre_psychology', validMonths: 1 }).expect(201)).body as Certification;
      await t.kill();
      await t.restart();
      // The restarted app's clock starts again at the test start; move it past the expiry.
      await setClock(new Date(new Date(cadre.expiresAt).getTime() + HOUR));
      await t.runJobs();
      const flags = (await inbox(t, w.supervisor, 'certification_expired')).filter((n) => n.link === `/certifications?userId=${w.official.id}`);
      expect(flags).toHaveLength(1);
      expect((await certifications(`?userId=${w.official.id}`))[0]).toMatchObject({ id: cadre.id, state: 'expired' });
    });
  });

  describe('continuing-education years follow Beijing time', () => {
    it('counts a session starting at 01:00 on 1 January Beijing time in the new year', async () => {
      const course = await t.http().post('/api/v1/training/courses').set(...bearer(w.supervisor)).send({ title: '社会心理学与“以职工为中心”', topic: 'social_psychology', methods: ['study'], audience: 'union_cadres' }).expect(201);
      const startsAt = new Date('2027-12-31T17:00:00.000Z'); // 2028-01-01 01:00 in Beijing
      const session = await t.http().post(`/api/v1/training/courses/${course.body.id}/sessions`).set(...bearer(w.supervisor)).send({ title: '新年第一课', method: 'study', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(), ceHours: 2 }).expect(201);
      await setClock(new Date(startsAt.getTime() + HOUR));
      await t.http().put(`/api/v1/training/sessions/${session.body.id}/attendance`).set(...bearer(w.supervisor)).send({ present: [w.official.id] }).expect(200);
      expect((await t.http().get('/api/v1/me/training?year=2028').set(...bearer(w.official)).expect(200)).body.ceHours).toBe(2);
      expect((await t.http().get('/api/v1/me/training?year=2027').set(...bearer(w.official)).expect(200)).body.ceHours).toBe(0);
      expect((await t.http().get('/api/v1/me/training').set(...bearer(w.official)).expect(200)).body.year).toBe(2028);
    });
  });
});
