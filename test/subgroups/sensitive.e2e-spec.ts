import { HOUR, MINUTE } from '../../src/platform/clock/clock.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { activate, createProgramme, enrol, inbox, type World } from './support.js';

const TITLE = '孕期及产假返岗女职工关爱';

/**
 * Membership of some subgroups is itself sensitive (pregnancy, a redundancy list): only counsellors and
 * supervisors in scope see who is enrolled; officials see counts only (with the default k = 10, these few are
 * withheld too); notices name neither the programme nor the subgroup.
 */
describe('sensitive programmes', () => {
  let t: TestApp;
  let w: World;
  let unitId: string;
  let programmeId: string;
  let expecting: TestUser[];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    unitId = await t.createUnit(w.admin.token, w.enterpriseA);
    expecting = [];
    for (const lifeEvents of [['pregnancy'], ['returned_from_maternity'], ['pregnancy', 'caregiver']]) {
      expecting.push(await t.createWorkerUser(w.admin.token, unitId, { gender: 'female', lifeEvents }));
    }
    await t.createWorkerUser(w.admin.token, unitId, { gender: 'female', lifeEvents: ['caregiver'] });
    programmeId = await createProgramme(t, w.counsellorA, {
      subgroup: 'women',
      orgUnitId: unitId,
      title: TITLE,
      eligibility: { gender: ['female'], lifeEvents: ['pregnancy', 'returned_from_maternity'] },
    });
    await activate(t, w.counsellorA, programmeId);
    expect(await enrol(t, w.counsellorA, programmeId)).toBe(3);
    await t.runJobs();
    await t.http().post(`/api/v1/me/programmes/${programmeId}/accept`).set(...bearer(expecting[0])).expect(200);
  });
  afterAll(() => t.close());

  it('is sensitive because of its rule', async () => {
    const programme = await t.http().get(`/api/v1/programmes/${programmeId}`).set(...bearer(w.counsellorA)).expect(200);
    expect(programme.body.sensitive).toBe(true);
  });

  it('refuses an official listing its members with 403, and an administrator too', async () => {
    const official = await t.http().get(`/api/v1/programmes/${programmeId}/enrolments`).set(...bearer(w.official)).expect(403);
    expect(official.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', permission: 'programme.members_read' });
    await t.http().get(`/api/v1/programmes/${programmeId}/enrolments`).set(...bearer(w.admin)).expect(403);
  });

  it('gives officials counts only, suppressed below k = 10, and no names', async () => {
    const dashboard = await t.http().get(`/api/v1/programmes/${programmeId}/dashboard`).set(...bearer(w.official)).expect(200);
    expect(dashboard.body.minCellSize).toBe(10);
    expect(Object.values(dashboard.body.enrolment).every((cell) => JSON.stringify(cell) === JSON.stringify({ count: null, suppressed: true, exact: false, reason: 'fewer_than_k' }))).toBe(true);
    const names = (await t.sql<{ name: string }>('SELECT name FROM workers WHERE org_unit_id = $1', [unitId])).map((r) => r.name);
    expect(names.some((name) => JSON.stringify(dashboard.body).includes(name))).toBe(false);
    const overview = await t.http().get('/api/v1/programmes/overview').set(...bearer(w.official)).expect(200);
    expect(overview.body.find((p: { id: string }) => p.id === programmeId)).toMatchObject({ sensitive: true, takingPart: { count: null, suppressed: true, exact: false, reason: 'fewer_than_k' } });
  });

  it('shows members to counsellors and supervisors in scope, auditing the ids shown; 404 outside scope', async () => {
    const listed = await t.http().get(`/api/v1/programmes/${programmeId}/enrolments`).set(...bearer(w.counsellorA)).expect(200);
    expect(listed.body.total).toBe(3);
    expect(new Set(listed.body.items.map((m: { workerId: string }) => m.workerId))).toEqual(new Set(expecting.map((x) => x.workerId)));
    await t.http().get(`/api/v1/programmes/${programmeId}/enrolments?status=accepted`).set(...bearer(w.supervisor)).expect(200);
    await t.http().get(`/api/v1/programmes/${programmeId}/enrolments`).set(...bearer(w.counsellorB)).expect(404);
    const [audit] = await t.sql<{ detail: unknown; actor_id: string }>(
      "SELECT detail, actor_id FROM audit_events WHERE action = 'programme.members_read' AND resource_id = $1 ORDER BY seq ASC LIMIT 1",
      [programmeId],
    );
    const detail = (typeof audit.detail === 'string' ? JSON.parse(audit.detail) : audit.detail) as { sensitive: boolean; workerIds: string[] };
    expect(audit.actor_id).toBe(w.counsellorA.id);
    expect(detail.sensitive).toBe(true);
    expect(detail.workerIds.sort()).toEqual(expecting.map((x) => x.workerId!).sort());
  });

  it('invites and informs without naming the programme or the subgroup', async () => {
    const [invitation] = await inbox(t, expecting[1], 'programme_invitation');
    const activity = await t
      .http()
      .post(`/api/v1/programmes/${programmeId}/activities`)
      .set(...bearer(w.counsellorA))
      .send({ kind: 'group_session', title: '孕期情绪支持小组', scheduledAt: new Date((await t.advanceClock(0)).getTime() + HOUR).toISOString() })
      .expect(201);
    await t.advanceClock(HOUR + MINUTE);
    await t.runJobs();
    const [notice] = await inbox(t, expecting[0], 'programme_activity');
    for (const message of [invitation, notice]) {
      const text = `${message.title} ${message.body}`;
      expect(text).not.toContain(TITLE);
      expect(text).not.toMatch(/孕|产假|妇女|pregnan|maternity|women/i);
    }
    // The counsellor's own task still names the activity (staff in scope may know).
    const tasks = await t.http().get('/api/v1/programme-tasks').set(...bearer(w.counsellorA)).expect(200);
    expect(tasks.body.find((x: { activityId: string }) => x.activityId === activity.body.id)).toMatchObject({ kind: 'run_session', activityTitle: '孕期情绪支持小组' });
  });

  it('appears in the worker’s record for clinical staff in scope and for the worker', async () => {
    const staff = await t.http().get(`/api/v1/workers/${expecting[0].workerId}/record`).set(...bearer(w.counsellorA)).expect(200);
    expect(staff.body.programmes).toEqual([expect.objectContaining({ programmeId, sensitive: true, status: 'accepted', subgroup: 'women' })]);
    await t.http().get(`/api/v1/workers/${expecting[0].workerId}/record`).set(...bearer(w.counsellorB)).expect(404);
    await t.http().get(`/api/v1/workers/${expecting[0].workerId}/record`).set(...bearer(w.official)).expect(403);
    const own = await t.http().get('/api/v1/me/record').set(...bearer(expecting[1])).expect(200);
    expect(own.body.programmes).toEqual([expect.objectContaining({ programmeId, status: 'invited' })]);
  });
});
