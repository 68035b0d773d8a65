import { DAY, HOUR, MINUTE } from '../../src/platform/clock/clock.js';
import { consent, submitOwn } from '../population/support.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { activate, createProgramme, enrol, inbox, type World } from './support.js';

const WHO5_LOW = [2, 2, 2, 2, 2]; // raw 10 → 40 %
const WHO5_HIGHER = [3, 3, 3, 3, 3]; // raw 15 → 60 %
const PHQ9 = [1, 1, 1, 1, 0, 0, 0, 0, 0]; // total 4
const hidden = { count: null, suppressed: true, exact: false, reason: 'fewer_than_k' };
interface Cell {
  count: number | null;
  suppressed: boolean;
  exact: boolean;
  reason: string | null;
}
/** A perturbed count of `truth` workers with k = 5: withheld under k, else within the stated ±20 and at least k. */
function near(cell: Cell, truth: number): void {
  expect(cell.exact).toBe(false);
  if (truth < 5 || cell.suppressed) {
    expect(cell).toEqual(hidden);
    return;
  }
  expect(Math.abs((cell.count as number) - truth)).toBeLessThanOrEqual(20);
  expect(cell.count).toBeGreaterThanOrEqual(5);
}

/**
 * Running a programme: a plan of activities (a screening launches a campaign; education links a course; group
 * sessions and check-ins are the programme's own), tasks for the responsible counsellor when each is due,
 * attendance, screening results linked to the programme, and the suppressed dashboard (k = 5 here).
 */
describe('care programmes (线): activities, tasks, attendance, dashboard', () => {
  let t: TestApp;
  let w: World;
  let unitId: string;
  let programmeId: string;
  let takingPart: TestUser[]; // 10 accept
  let silent: TestUser[]; // 6 never answer their invitation
  let courseId: string;
  const activity: Record<string, { id: string; campaignId: string | null }> = {};

  const inHours = async (hours: number) => new Date((await t.advanceClock(0)).getTime() + hours * HOUR).toISOString();
  const plan = (body: Record<string, unknown>, user: TestUser = w.counsellorA) => t.http().post(`/api/v1/programmes/${programmeId}/activities`).set(...bearer(user)).send(body);
  const tasksOf = async (user: TestUser, status = 'open') =>
    (await t.http().get(`/api/v1/programme-tasks?status=${status}`).set(...bearer(user)).expect(200)).body as Array<{
      id: string;
      kind: string;
      workerId: string | null;
      workerName: string | null;
      activityId: string;
      status: string;
    }>;
  const dashboard = async (user: TestUser = w.counsellorA) => (await t.http().get(`/api/v1/programmes/${programmeId}/dashboard`).set(...bearer(user)).expect(200)).body;

  beforeAll(async () => {
    t = await TestApp.start({ REPORTING_MIN_CELL: '5' });
    w = await t.world();
    unitId = await t.createUnit(w.admin.token, w.enterpriseA, '三号井');
    const workers: TestUser[] = [];
    for (let i = 0; i < 16; i++) workers.push(await t.createWorkerUser(w.admin.token, unitId, { specialPost: 'shift', gender: i % 2 ? 'male' : 'female' }));
    takingPart = workers.slice(0, 10);
    silent = workers.slice(10);
    for (const worker of workers) await consent(t, worker);
    programmeId = await createProgramme(t, w.counsellorA, {
      orgUnitId: unitId,
      title: '井下倒班职工心理关爱',
      eligibility: { specialPost: ['shift'] },
      outcomeInstruments: ['WHO-5', 'PHQ-9'],
    });
    await activate(t, w.counsellorA, programmeId);
    expect(await enrol(t, w.counsellorA, programmeId)).toBe(16);
    await t.runJobs();
    for (const worker of takingPart) await t.http().post(`/api/v1/me/programmes/${programmeId}/accept`).set(...bearer(worker)).expect(200);

    const course = await t.http().post('/api/v1/education/courses').set(...bearer(w.counsellorA)).send({ title: '倒班与睡眠', orgUnitId: unitId }).expect(201);
    courseId = course.body.id;
    await t.http().post(`/api/v1/education/courses/${courseId}/lessons`).set(...bearer(w.counsellorA)).send({ title: '睡眠节律', kind: 'text', body: '……' }).expect(201);
  });
  afterAll(() => t.close());

  describe('planning', () => {
    it('refuses activities in the past, with the wrong fields, or with a responsible person out of reach', async () => {
      const past = await plan({ kind: 'group_session', title: '团体辅导', scheduledAt: new Date((await t.advanceClock(0)).getTime() - MINUTE).toISOString() }).expect(400);
      expect(past.body.code).toBe('ACTIVITY_IN_PAST');
      const at = await inHours(1);
      for (const body of [
        { kind: 'screening', title: '筛查', scheduledAt: at },
        { kind: 'screening', title: '筛查', scheduledAt: at, instrumentCodes: ['WHO-5'], courseId },
        { kind: 'education', title: '课程', scheduledAt: at },
        { kind: 'education', title: '课程', scheduledAt: at, courseId, eventId: courseId },
        { kind: 'check_in', title: '访谈', scheduledAt: at, instrumentCodes: ['WHO-5'] },
      ]) {
        expect((await plan(body).expect(400)).body.code).toBe('ACTIVITY_FIELDS_INVALID');
      }
      const unknown = await plan({ kind: 'screening', title: '筛查', scheduledAt: at, instrumentCodes: ['SCL-90'] }).expect(400);
      expect(unknown.body.code).toBe('UNKNOWN_INSTRUMENT');
      for (const responsibleId of [w.counsellorB.id, takingPart[0].id, w.official.id]) {
        expect((await plan({ kind: 'group_session', title: '团体辅导', scheduledAt: at, responsibleId }).expect(400)).body.code).toBe('RESPONSIBLE_NOT_ELIGIBLE');
      }
      const draftCourse = await plan({ kind: 'education', title: '课程', scheduledAt: at, courseId }).expect(409);
      expect(draftCourse.body.code).toBe('EDUCATION_NOT_LINKABLE');
      const elsewhere = await t.http().post('/api/v1/education/courses').set(...bearer(w.counsellorB)).send({ title: '别处的课', orgUnitId: w.enterpriseB }).expect(201);
      await plan({ kind: 'education', title: '课程', scheduledAt: at, courseId: elsewhere.body.id }).expect(404);
      await plan({ kind: 'group_session', title: '团体辅导', scheduledAt: at }, w.counsellorB).expect(404);
    });

    it('plans a baseline screening that launches a campaign narrowed by the rule, without campaign reminders', async () => {
      const response = await plan({ kind: 'screening', title: '心理健康筛查（基线）', scheduledAt: await inHours(1), instrumentCodes: ['WHO-5', 'PHQ-9'], windowDays: 7 }).expect(201);
      expect(response.body).toMatchObject({ kind: 'screening', phase: 'baseline', status: 'scheduled', responsibleId: w.counsellorA.id, instrumentCodes: ['WHO-5', 'PHQ-9'] });
      activity.baseline = response.body;
      const campaign = await t.http().get(`/api/v1/campaigns/${response.body.campaignId}`).set(...bearer(w.counsellorA)).expect(200);
      expect(campaign.body).toMatchObject({ status: 'scheduled', targetUnitIds: [unitId], filters: { specialPost: ['shift'] }, reminderIntervalDays: 0 });
    });

    it('plans check-ins (a supervisor responsible), a group session, linked education and a follow-up screening', async () => {
      activity.checkIn = (await plan({ kind: 'check_in', title: '个别访谈', scheduledAt: await inHours(2), responsibleId: w.supervisor.id }).expect(201)).body;
      activity.session = (await plan({ kind: 'group_session', title: '减压团体辅导', scheduledAt: await inHours(3) }).expect(201)).body;
      await t.http().post(`/api/v1/education/courses/${courseId}/status`).set(...bearer(w.counsellorA)).send({ status: 'published' }).expect(200);
      activity.course = (await plan({ kind: 'education', title: '睡眠课程', scheduledAt: await inHours(4), courseId }).expect(201)).body;
      const followUp = await plan({ kind: 'screening', title: '心理健康筛查（随访）', scheduledAt: await inHours(10 * 24), instrumentCodes: ['WHO-5', 'PHQ-9'] }).expect(201);
      expect(followUp.body.phase).toBe('follow_up');
      activity.followUp = followUp.body;
      const cancelled = (await plan({ kind: 'group_session', title: '取消的活动', scheduledAt: await inHours(5) }).expect(201)).body;
      await t.http().post(`/api/v1/programmes/${programmeId}/activities/${cancelled.id}/cancel`).set(...bearer(w.counsellorA)).expect(200);
      const again = await t.http().post(`/api/v1/programmes/${programmeId}/activities/${cancelled.id}/cancel`).set(...bearer(w.counsellorA)).expect(409);
      expect(again.body.code).toBe('ILLEGAL_TRANSITION');
      const listed = await t.http().get(`/api/v1/programmes/${programmeId}/activities`).set(...bearer(w.counsellorA)).expect(200);
      expect(listed.body.map((a: { kind: string; status: string }) => `${a.kind}:${a.status}`)).toEqual([
        'screening:scheduled',
        'check_in:scheduled',
        'group_session:scheduled',
        'education:scheduled',
        'group_session:cancelled',
        'screening:scheduled',
      ]);
    });
  });

  describe('when activities fall due', () => {
    it('starts the screening: a task for its counsellor, a notice to those taking part only, the campaign open to them', async () => {
      await t.advanceClock(HOUR + MINUTE);
      await t.runJobs();
      const tasks = await tasksOf(w.counsellorA);
      expect(tasks.filter((task) => task.activityId === activity.baseline.id).map((task) => task.kind)).toEqual(['review_screening']);
      const [notice] = await inbox(t, takingPart[0], 'programme_activity');
      expect(notice.link).toBe(`/me/campaigns/${activity.baseline.campaignId}`);
      expect(await inbox(t, silent[0], 'programme_activity')).toHaveLength(0);
      const mine = await t.http().get('/api/v1/me/programmes').set(...bearer(takingPart[0])).expect(200);
      expect(mine.body[0].activities.map((a: { kind: string }) => a.kind)).toEqual(['screening', 'check_in', 'group_session', 'education', 'screening']);
      const open = await t.http().get('/api/v1/me/campaigns').set(...bearer(takingPart[0])).expect(200);
      expect(open.body.map((c: { id: string }) => c.id)).toContain(activity.baseline.campaignId);
      // Baseline answers: WHO-5 from all ten, PHQ-9 from four.
      for (const [i, worker] of takingPart.entries()) {
        await submitOwn(t, worker, 'WHO-5', WHO5_LOW, { campaignId: activity.baseline.campaignId }).expect(201);
        if (i < 4) await submitOwn(t, worker, 'PHQ-9', PHQ9, { campaignId: activity.baseline.campaignId }).expect(201);
      }
    });

    it('gives the responsible supervisor one check-in per worker taking part, by name', async () => {
      await t.advanceClock(HOUR);
      await t.runJobs();
      const checkIns = (await tasksOf(w.supervisor)).filter((task) => task.activityId === activity.checkIn.id);
      expect(checkIns).toHaveLength(10);
      expect(new Set(checkIns.map((task) => task.workerId))).toEqual(new Set(takingPart.map((worker) => worker.workerId)));
      expect(checkIns.every((task) => task.kind === 'check_in' && task.workerName)).toBe(true);
      expect(await inbox(t, w.supervisor, 'programme_task')).toHaveLength(1);
      const audited = await t.sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'programme.tasks_read' AND actor_id = $1", [w.supervisor.id]);
      expect(Number(audited[0].n)).toBeGreaterThanOrEqual(1);
    });

    it('closes a check-in with an outcome that records attendance; only its assignee; only once', async () => {
      const [task] = (await tasksOf(w.supervisor)).filter((x) => x.activityId === activity.checkIn.id && x.workerId === takingPart[0].workerId);
      const wrong = await t.http().post(`/api/v1/programme-tasks/${task.id}/complete`).set(...bearer(w.supervisor)).send({ outcome: 'done' }).expect(400);
      expect(wrong.body.code).toBe('TASK_OUTCOME_INVALID');
      await t.http().post(`/api/v1/programme-tasks/${task.id}/complete`).set(...bearer(w.counsellorA)).send({ outcome: 'attended' }).expect(404);
      const done = await t.http().post(`/api/v1/programme-tasks/${task.id}/complete`).set(...bearer(w.supervisor)).send({ outcome: 'attended', note: '睡眠改善，继续观察' }).expect(200);
      expect(done.body).toMatchObject({ status: 'done', outcome: 'attended', workerId: takingPart[0].workerId });
      const twice = await t.http().post(`/api/v1/programme-tasks/${task.id}/complete`).set(...bearer(w.supervisor)).send({ outcome: 'no_show' }).expect(409);
      expect(twice.body.code).toBe('ILLEGAL_TRANSITION');
      const [row] = await t.sql<{ note: string }>('SELECT note FROM programme_tasks WHERE id = $1', [task.id]);
      expect(row.note).toMatch(/^enc:v1:/);
      const [attendance] = await t.sql<{ status: string }>('SELECT status FROM programme_attendance WHERE activity_id = $1 AND worker_id = $2', [activity.checkIn.id, takingPart[0].workerId]);
      expect(attendance.status).toBe('present');
      expect((await tasksOf(w.supervisor, 'done')).map((x) => x.id)).toEqual([task.id]);
    });

    it('records group-session attendance once it has started, for workers taking part only', async () => {
      const attendance = (body: Record<string, unknown>) => t.http().put(`/api/v1/programmes/${programmeId}/activities/${activity.session.id}/attendance`).set(...bearer(w.counsellorA)).send(body);
      const early = await attendance({ present: [takingPart[0].workerId] }).expect(409);
      expect(early.body.code).toBe('ACTIVITY_NOT_STARTED');
      await t.advanceClock(HOUR);
      await t.runJobs();
      const outsider = await attendance({ present: [takingPart[0].workerId, silent[0].workerId] }).expect(400);
      expect(outsider.body).toMatchObject({ code: 'NOT_TAKING_PART', workerIds: [silent[0].workerId] });
      const recorded = await attendance({ present: takingPart.slice(0, 5).map((x) => x.workerId), absent: takingPart.slice(5).map((x) => x.workerId) }).expect(200);
      expect(recorded.body).toEqual({ present: 5, absent: 5 });
      const checkIn = await t.http().put(`/api/v1/programmes/${programmeId}/activities/${activity.checkIn.id}/attendance`).set(...bearer(w.counsellorA)).send({ present: [] }).expect(400);
      expect(checkIn.body.code).toBe('ACTIVITY_NOT_ATTENDABLE');
    });

    it('counts linked education from the education module (workers enrolled in the course)', async () => {
      await t.advanceClock(HOUR);
      await t.runJobs();
      await t.http().post(`/api/v1/me/courses/${courseId}/enrol`).set(...bearer(takingPart[0])).expect(200);
    });
  });

  describe('dashboard', () => {
    it('links follow-up results to the programme and shows means only over at least k workers', async () => {
      await t.advanceClock(10 * DAY);
      await t.runJobs();
      for (const [i, worker] of takingPart.entries()) {
        if (i < 6) await submitOwn(t, worker, 'WHO-5', WHO5_HIGHER, { campaignId: activity.followUp.campaignId }).expect(201);
        if (i < 4) await submitOwn(t, worker, 'PHQ-9', PHQ9, { campaignId: activity.followUp.campaignId }).expect(201);
      }
      // Answers outside the programme's campaigns are not the programme's outcome.
      await submitOwn(t, takingPart[9], 'WHO-5', [0, 0, 0, 0, 0]).expect(201);
      const body = await dashboard();
      expect(body.minCellSize).toBe(5);
      const [who5, phq9] = body.outcomes;
      expect(who5).toMatchObject({ instrumentCode: 'WHO-5', scale: 'percent', higherIsBetter: true });
      // 10 measured (mean 40), 6 at follow-up (60), change 20: shown over k = 5 or more, perturbed (5 % per noise unit).
      for (const [cell, mean, n] of [[who5.before, 40, 10], [who5.after, 60, 6], [who5.change, 20, 6]] as const) {
        expect(cell.suppressed).toBe(false);
        expect(Math.abs(cell.mean - mean)).toBeLessThanOrEqual(mean * 0.05 * 20);
        near(cell.n, n);
      }
      // PHQ-9: 4 measured, fewer than k: no mean.
      expect(phq9.before).toEqual({ n: hidden, mean: null, suppressed: true });
      expect(phq9.change).toEqual({ n: hidden, mean: null, suppressed: true });
    });

    it('perturbs every enrolment count by its workers\' keys and withholds those under k, so subtraction recovers nothing exact', async () => {
      const { enrolment } = await dashboard();
      // invited 6, accepted 10, declined/withdrawn/completed 0.
      near(enrolment.total, 16);
      near(enrolment.takingPart, 10);
      near(enrolment.notTakingPart, 6);
      near(enrolment.invited, 6);
      near(enrolment.accepted, 10);
      for (const zero of [enrolment.declined, enrolment.withdrawn, enrolment.completed]) expect(zero).toEqual(hidden);
      // The same workers are the same cell: accepted (nobody completed) is taking part, with the same number.
      expect(enrolment.accepted).toEqual(enrolment.takingPart);
      expect(enrolment.invited).toEqual(enrolment.notTakingPart);
    });

    it('shows participation per activity perturbed, withheld under k', async () => {
      const { participation } = await dashboard();
      const byId = new Map<string, Cell>(participation.activities.map((a: { activityId: string; participants: Cell }) => [a.activityId, a.participants]));
      near(byId.get(activity.session.id)!, 5); // 5 present
      expect(byId.get(activity.checkIn.id)).toEqual(hidden); // 1 reached
      near(byId.get(activity.baseline.id)!, 10); // all 10 answered: the same workers as those taking part
      expect(byId.get(activity.baseline.id)).toEqual((await dashboard()).enrolment.takingPart);
      expect(byId.get(activity.course.id)).toEqual(hidden); // 1 enrolled
      near(participation.anyActivity, 10);
      expect(participation.activities).toHaveLength(5); // the cancelled one is left out
    });

    it('is the same aggregate for an official in scope, with no names; officials see no individual route', async () => {
      const mine = await dashboard();
      const official = await dashboard(w.official);
      expect({ ...official, generatedAt: null }).toEqual({ ...mine, generatedAt: null });
      const names = (await t.sql<{ name: string }>('SELECT name FROM workers WHERE org_unit_id = $1', [unitId])).map((r) => r.name);
      expect(names.some((name) => JSON.stringify(official).includes(name))).toBe(false);
      const overview = await t.http().get('/api/v1/programmes/overview').set(...bearer(w.official)).expect(200);
      // The overview's count is the same workers as the dashboard's "taking part": the same number.
      expect(overview.body.find((p: { id: string }) => p.id === programmeId)).toMatchObject({ takingPart: mine.enrolment.takingPart, sensitive: false });
      await t.http().get(`/api/v1/programmes/${programmeId}`).set(...bearer(w.official)).expect(403);
      await t.http().get(`/api/v1/programmes/${programmeId}/enrolments`).set(...bearer(w.official)).expect(403);
      await t.http().get(`/api/v1/programmes/${programmeId}/activities`).set(...bearer(w.official)).expect(403);
      await t.http().get('/api/v1/programme-tasks').set(...bearer(w.official)).expect(403);
      await t.http().get(`/api/v1/programmes/${programmeId}/dashboard`).set(...bearer(w.counsellorB)).expect(404);
    });
  });

  describe('the record (心理档案)', () => {
    it('shows the enrolment, with sessions attended, to staff in scope and to the worker', async () => {
      const staff = await t.http().get(`/api/v1/workers/${takingPart[0].workerId}/record`).set(...bearer(w.counsellorA)).expect(200);
      expect(staff.body.programmes).toEqual([
        expect.objectContaining({ programmeId, title: '井下倒班职工心理关爱', subgroup: 'special_posts', status: 'accepted', source: 'bulk', sessionsAttended: 2 }),
      ]);
      const own = await t.http().get('/api/v1/me/record').set(...bearer(takingPart[0])).expect(200);
      expect(own.body.programmes.map((p: { programmeId: string }) => p.programmeId)).toEqual([programmeId]);
    });
  });
});
