import { TestApp, bearer } from '../support/test-app.js';
import { activate, createProgramme, enrol, members, type World } from './support.js';

/**
 * Issue #18: a city union's programme covers the enterprises below it. An enterprise counsellor whose workers are
 * enrolled sees the programme in her list and reads it with her own workers only, but cannot change it.
 */
describe('programmes of a unit above cover the counsellors below', () => {
  let t: TestApp;
  let w: World;
  let programmeId: string;
  let workerA: string;
  let workerB: string;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    workerA = await t.createWorker(w.admin.token, w.enterpriseA);
    workerB = await t.createWorker(w.admin.token, w.enterpriseB);
    programmeId = await createProgramme(t, w.supervisor, { orgUnitId: w.city, title: '全市倒班职工心理关爱计划' });
    await activate(t, w.supervisor, programmeId);
    expect(await enrol(t, w.supervisor, programmeId)).toBe(2);
  });
  afterAll(() => t.close());

  it('lists the city programme for an enterprise counsellor, with only her own workers as members', async () => {
    const list = await t.http().get('/api/v1/programmes').set(...bearer(w.counsellorA)).expect(200);
    expect(list.body.map((p: { id: string }) => p.id)).toEqual([programmeId]);
    await t.http().get(`/api/v1/programmes/${programmeId}`).set(...bearer(w.counsellorA)).expect(200);
    expect((await members(t, w.counsellorA, programmeId)).map((m) => m.workerId)).toEqual([workerA]);
    expect((await members(t, w.counsellorB, programmeId)).map((m) => m.workerId)).toEqual([workerB]);
    expect((await members(t, w.supervisor, programmeId)).map((m) => m.workerId).sort()).toEqual([workerA, workerB].sort());
  });

  it('does not let a counsellor below change a programme of the unit above (404), nor see one of a sibling', async () => {
    await t.http().patch(`/api/v1/programmes/${programmeId}`).set(...bearer(w.counsellorA)).send({ title: '改名' }).expect(404);
    await t.http().post(`/api/v1/programmes/${programmeId}/status`).set(...bearer(w.counsellorA)).send({ status: 'closed' }).expect(404);
    const own = await createProgramme(t, w.counsellorA, { orgUnitId: w.enterpriseA, title: '本企业关爱计划' });
    const sibling = await t.http().get('/api/v1/programmes').set(...bearer(w.counsellorB)).expect(200);
    expect(sibling.body.map((p: { id: string }) => p.id)).toEqual([programmeId]);
    await t.http().get(`/api/v1/programmes/${own}`).set(...bearer(w.counsellorB)).expect(404);
  });
});
