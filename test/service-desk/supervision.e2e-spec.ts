import { bearer, TestApp, type TestUser } from '../support/test-app.js';
import { askOnline, view, type World } from './support.js';

const HOUR = 3600_000;

describe('service desk: supervision (随时督办) through the job queue, across a crash', () => {
  let t: TestApp;
  let w: World;
  let worker: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    // Other tiers react to the new workers (e.g. care programmes' auto-enrolment): let them finish first.
    await t.runJobs();
  });
  afterAll(() => t.close());

  const supervisedBy = async (user: TestUser) =>
    ((await t.http().get('/api/v1/desk/supervision').set(...bearer(user)).expect(200)).body as { items: Array<{ id: string; supervisionLevel: number; supervisingUnitId: string; overdue: boolean }> }).items;

  it('an overdue request is flagged, listed for the supervising unit and escalated up the tree, after a restart', async () => {
    // Wednesday 10:00 Beijing: to be answered by 11:00.
    const request = await askOnline(t, worker);
    expect(await t.runJobs()).toBe(0); // nothing is due yet

    // The app dies before the deadline and is down when it passes.
    await t.kill();
    await t.restart();
    await t.advanceClock(2 * HOUR); // 12:00 Beijing, an hour past the deadline
    await t.runJobs();

    const supervised = await view(t, w.supervisor, request.id);
    expect(supervised).toMatchObject({ supervisionLevel: 1, supervisingUnitId: w.city });
    expect(supervised.trail.find((e) => e.kind === 'supervised')).toMatchObject({ toUnitId: w.city, detail: { level: 1, overdue: ['answer'] } });
    expect(await supervisedBy(w.supervisor)).toContainEqual(expect.objectContaining({ id: request.id, supervisionLevel: 1, supervisingUnitId: w.city, overdue: true }));
    const inbox = (await t.http().get('/api/v1/me/notifications').set(...bearer(w.supervisor)).expect(200)).body as { items: Array<{ kind: string; body: string }> };
    expect(inbox.items.find((n) => n.kind === 'desk.request_supervised')?.body).toContain(supervised.reference);
    // Counsellors do not supervise; the overdue flag shows in the desk's own queue.
    await t.http().get('/api/v1/desk/supervision').set(...bearer(w.counsellorA)).expect(403);
    const overdueQueue = (await t.http().get('/api/v1/desk/requests').query({ overdue: 'true' }).set(...bearer(w.counsellorA)).expect(200)).body as { items: Array<{ id: string }> };
    expect(overdueQueue.items.map((i) => i.id)).toContain(request.id);

    // Still unanswered four working hours later (16:00): escalated to the unit above the city.
    await t.advanceClock(3 * HOUR);
    await t.runJobs();
    expect((await view(t, w.supervisor, request.id)).supervisionLevel).toBe(1); // not yet (15:00)
    await t.kill();
    await t.restart();
    await t.advanceClock(6 * HOUR); // 16:00 Beijing after the restart's clock reset
    await t.runJobs();
    const escalated = await view(t, w.supervisor, request.id);
    expect(escalated).toMatchObject({ supervisionLevel: 2, supervisingUnitId: w.admin.orgUnitId });
    expect(escalated.trail.filter((e) => e.kind === 'escalated')).toEqual([expect.objectContaining({ fromUnitId: w.city, toUnitId: w.admin.orgUnitId })]);
    // Now the root supervises it: it leaves the city's list.
    expect((await supervisedBy(w.supervisor)).map((i) => i.id)).not.toContain(request.id);
    const audit = await t.sql<{ action: string }>('SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY seq', [request.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['desk_request.supervise', 'desk_request.escalate']));
  }, 120_000); // two restarts of the real app

  it('a request answered in time is never supervised', async () => {
    const request = await askOnline(t, worker);
    await t.http().post(`/api/v1/desk/requests/${request.id}/replies`).set(...bearer(w.counsellorA)).send({ text: '已收到，正在处理。' }).expect(200);
    await t.advanceClock(48 * HOUR);
    await t.runJobs();
    expect((await view(t, w.counsellorA, request.id)).supervisionLevel).toBe(0);
  });
});
