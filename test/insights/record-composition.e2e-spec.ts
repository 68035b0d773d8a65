import { grantConsent, publishSlot } from '../support/population.js';
import { TestApp, bearer } from '../support/test-app.js';

/** The 心理档案 gathers every tier's part, each with its own visibility rules. */
describe('the composed record across the population tier', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  });
  afterAll(() => t.close());

  it('shows a counselling session with its notes to clinical staff and without them to the worker', async () => {
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await grantConsent(t, worker);
    const slotId = await publishSlot(t, w.counsellorA, 1);
    const appointmentId = (await t.http().post('/api/v1/me/counselling/appointments').set(...bearer(worker)).send({ slotId }).expect(201)).body.id as string;
    await t.advanceClock(90 * 60_000);
    await t.http().post(`/api/v1/counselling/appointments/${appointmentId}/attendance`).set(...bearer(w.counsellorA)).send({ status: 'attended' }).expect(200);
    await t.http().put(`/api/v1/counselling/appointments/${appointmentId}/notes`).set(...bearer(w.counsellorA)).send({ notes: '工作压力大，睡眠差', concerns: ['work_stress'] }).expect(200);

    const staffView = (await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.counsellorA)).expect(200)).body;
    expect(staffView).toHaveProperty('learning');
    expect(staffView.groups).toEqual([]);
    expect(JSON.stringify(staffView.counselling)).toContain('工作压力大');

    const ownView = (await t.http().get('/api/v1/me/record').set(...bearer(worker)).expect(200)).body;
    expect(ownView.counselling.appointments).toHaveLength(1);
    expect(JSON.stringify(ownView)).not.toContain('工作压力大');
    expect(JSON.stringify(ownView)).not.toContain('work_stress');

    await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.counsellorB)).expect(404);
    await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.official)).expect(403);
  });
});
