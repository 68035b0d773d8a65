import { DAY, HOUR } from '../../src/platform/clock/clock.js';
import { consent, PHQ9, submitOwn } from '../population/support.js';
import { grantConsent, now } from '../support/population.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { historyOf } from './support.js';

const PCL5_33 = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 0, 0, 0];

/** 特殊心理事件的善后处理: the affected group, aftercare sessions, re-screening through campaigns, and coverage. */
describe('critical incidents: affected group, aftercare, re-screening, coverage', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let a1: TestUser;
  let a2: TestUser;
  let a3: TestUser;
  let b1: TestUser;
  let incidentId: string;
  let campaignIds: string[];
  let occurredAt: Date;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    const workshop = await t.createUnit(w.admin.token, w.enterpriseA, '五车间');
    a1 = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name: '事件职工一' });
    a2 = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name: '事件职工二' });
    a3 = await t.createWorkerUser(w.admin.token, workshop, { name: '事件职工三' });
    b1 = await t.createWorkerUser(w.admin.token, w.enterpriseB, { name: '他厂职工' });
    for (const worker of [a1, a2, a3, b1]) await consent(t, worker);
  });
  afterAll(() => t.close());

  it('records an incident affecting a unit’s subtree and schedules PCL-5 and PHQ-9 re-screening at a week and a month', async () => {
    occurredAt = new Date((await now(t)).getTime() - 2 * HOUR);
    const recorded = await t
      .http()
      .post('/api/v1/incidents')
      .set(...bearer(w.counsellorA))
      .send({ type: 'workplace_death', title: '五车间高处坠落事故', description: '一名职工坠落身亡，同班组多人目击', occurredAt: occurredAt.toISOString(), orgUnitId: w.enterpriseA })
      .expect(201);
    incidentId = recorded.body.incident.id;
    expect(recorded.body.incident).toMatchObject({ type: 'workplace_death', affectedBy: 'unit', affectedCount: 3, state: 'open', orgUnitId: w.enterpriseA });
    expect(recorded.body.screenings.map((s: { offsetDays: number; opensAt: string; closesAt: string }) => [s.offsetDays, (new Date(s.opensAt).getTime() - occurredAt.getTime()) / DAY, (new Date(s.closesAt).getTime() - new Date(s.opensAt).getTime()) / DAY])).toEqual([
      [7, 7, 14],
      [30, 30, 14],
    ]);
    campaignIds = recorded.body.screenings.map((s: { campaignId: string }) => s.campaignId);
    const campaign = await t.http().get(`/api/v1/campaigns/${campaignIds[0]}`).set(...bearer(w.counsellorA)).expect(200);
    expect(campaign.body).toMatchObject({ audience: 'members', instrumentCodes: ['PCL-5', 'PHQ-9'], status: 'scheduled', targetUnitIds: [w.enterpriseA] });
    expect(campaign.body.title).not.toContain('坠落');
    const [stored] = await t.sql<{ description: string }>('SELECT description FROM critical_incidents WHERE id = $1', [incidentId]);
    expect(stored.description).toMatch(/^enc:v1:/);
    expect(recorded.body.coverage).toMatchObject({ affected: 3, reached: 0, screened: 0, positive: 0, referred: 0 });
  });

  it('lists the affected workers to staff in scope (audited); 404 for another unit’s counsellor, 403 for officials', async () => {
    const list = await t.http().get(`/api/v1/incidents/${incidentId}/workers`).set(...bearer(w.counsellorA)).expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((i: { name: string }) => i.name).sort()).toEqual(['事件职工一', '事件职工三', '事件职工二'].sort());
    const [audit] = await t.sql<{ detail: unknown }>("SELECT detail FROM audit_events WHERE action = 'incident.affected.read' AND resource_id = $1", [incidentId]);
    expect(JSON.stringify(audit.detail)).toContain(a3.workerId!);
    await t.http().get(`/api/v1/incidents/${incidentId}`).set(...bearer(w.counsellorB)).expect(404);
    await t.http().get(`/api/v1/incidents/${incidentId}/workers`).set(...bearer(w.counsellorB)).expect(404);
    await t.http().get('/api/v1/incidents').set(...bearer(w.official)).expect(403);
    await t.http().get(`/api/v1/incidents/${incidentId}/coverage`).set(...bearer(w.official)).expect(403);
    expect((await t.http().get('/api/v1/incidents').set(...bearer(w.supervisor)).expect(200)).body.items.map((i: { id: string }) => i.id)).toContain(incidentId);
  });

  it('schedules first aid and debriefing sessions and records the attendance of affected workers only', async () => {
    const session = await t
      .http()
      .post(`/api/v1/incidents/${incidentId}/sessions`)
      .set(...bearer(w.counsellorA))
      .send({ kind: 'psychological_first_aid', startsAt: new Date((await now(t)).getTime() + HOUR).toISOString(), location: '厂区会议室', facilitatorId: w.counsellorA.id })
      .expect(201);
    const ineligible = await t.http().post(`/api/v1/incidents/${incidentId}/sessions`).set(...bearer(w.counsellorA)).send({ kind: 'group_debriefing', startsAt: new Date().toISOString(), facilitatorId: w.counsellorB.id }).expect(400);
    expect(ineligible.body.code).toBe('FACILITATOR_NOT_ELIGIBLE');
    const stranger = await t.http().post(`/api/v1/incidents/${incidentId}/sessions/${session.body.id}/attendance`).set(...bearer(w.counsellorA)).send({ workerIds: [a1.workerId, b1.workerId], attended: true }).expect(400);
    expect(stranger.body).toMatchObject({ code: 'NOT_AFFECTED', workerIds: [b1.workerId] });
    const marked = await t.http().post(`/api/v1/incidents/${incidentId}/sessions/${session.body.id}/attendance`).set(...bearer(w.counsellorA)).send({ workerIds: [a1.workerId, a2.workerId, a3.workerId], attended: true }).expect(200);
    expect(marked.body.attended).toBe(3);
    const corrected = await t.http().post(`/api/v1/incidents/${incidentId}/sessions/${session.body.id}/attendance`).set(...bearer(w.counsellorA)).send({ workerIds: [a3.workerId], attended: false }).expect(200);
    expect(corrected.body.attended).toBe(2);
    const unreached = await t.http().get(`/api/v1/incidents/${incidentId}/workers`).query({ unreached: true }).set(...bearer(w.counsellorA)).expect(200);
    expect(unreached.body.items.map((i: { workerId: string }) => i.workerId)).toEqual([a3.workerId]);
  });

  it('re-screens exactly the affected group when the campaign opens', async () => {
    const mine = async (worker: TestUser) => ((await t.http().get('/api/v1/me/campaigns').set(...bearer(worker)).expect(200)).body as Array<{ id: string }>).map((c) => c.id);
    expect(await mine(a1)).not.toContain(campaignIds[0]);
    await t.advanceClock(7 * DAY);
    const latecomer = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    expect(await mine(a1)).toContain(campaignIds[0]);
    expect(await mine(a3)).toContain(campaignIds[0]);
    expect(await mine(b1)).not.toContain(campaignIds[0]);
    expect(await mine(latecomer)).not.toContain(campaignIds[0]);
    await submitOwn(t, b1, 'PHQ-9', PHQ9.minimal, { campaignId: campaignIds[0] }).expect(404);
    const participation = await t.http().get(`/api/v1/campaigns/${campaignIds[0]}/participation`).set(...bearer(w.counsellorA)).expect(200);
    expect(participation.body.targeted).toBe(3);
  });

  it('tracks coverage: reached, screened, positive, referred, and the positives not yet referred', async () => {
    await submitOwn(t, a1, 'PHQ-9', PHQ9.moderate, { campaignId: campaignIds[0] }).expect(201); // 12: positive
    await submitOwn(t, a2, 'PCL-5', PCL5_33, { campaignId: campaignIds[0] }).expect(201); // 33: positive (and a crisis)
    await submitOwn(t, a3, 'PHQ-9', PHQ9.minimal, { campaignId: campaignIds[0] }).expect(201);
    await submitOwn(t, b1, 'PHQ-9', PHQ9.severe).expect(201); // not affected: never counted
    await t.runJobs();
    await grantConsent(t, a1, 'counselling');
    const referral = await t.http().post('/api/v1/referrals').set(...bearer(w.counsellorA)).send({ workerId: a1.workerId, providerType: 'internal_counselling' }).expect(201);
    await t.http().post(`/api/v1/referrals/${referral.body.id}/send`).set(...bearer(w.counsellorA)).expect(200);
    const coverage = await t.http().get(`/api/v1/incidents/${incidentId}/coverage`).set(...bearer(w.counsellorA)).expect(200);
    expect(coverage.body).toEqual({
      affected: 3,
      reached: 2,
      screened: 3,
      positive: 2,
      referred: 1,
      positiveNotReferred: 1,
      reachedPct: 66.7,
      screenedPct: 100,
      positivePct: 66.7,
      positiveReferredPct: 50,
    });
    // the PCL-5 crisis opened a case like any other
    expect(await t.sql("SELECT 1 FROM crisis_cases WHERE worker_id = $1 AND source_type = 'assessment'", [a2.workerId])).toHaveLength(1);
  });

  it('records an incident affecting a list of workers in scope; refuses workers out of scope (404) and ambiguous input (400)', async () => {
    const body = { type: 'violence', title: '门店冲突事件', occurredAt: new Date((await now(t)).getTime() - DAY).toISOString() };
    const listed = await t.http().post('/api/v1/incidents').set(...bearer(w.counsellorB)).send({ ...body, workerIds: [b1.workerId] }).expect(201);
    expect(listed.body.incident).toMatchObject({ affectedBy: 'workers', affectedCount: 1, orgUnitId: w.enterpriseB });
    await t.http().post('/api/v1/incidents').set(...bearer(w.counsellorA)).send({ ...body, workerIds: [a1.workerId, b1.workerId] }).expect(404);
    expect((await t.http().post('/api/v1/incidents').set(...bearer(w.counsellorA)).send({ ...body, workerIds: [a1.workerId], orgUnitId: w.enterpriseA }).expect(400)).body.code).toBe('AFFECTED_REQUIRED');
    expect((await t.http().post('/api/v1/incidents').set(...bearer(w.counsellorA)).send({ ...body, occurredAt: new Date((await now(t)).getTime() + DAY).toISOString(), orgUnitId: w.enterpriseA }).expect(400)).body.code).toBe('OCCURRED_IN_FUTURE');
    await t.http().post('/api/v1/incidents').set(...bearer(w.official)).send({ ...body, orgUnitId: w.city }).expect(403);
    // recorded more than a month late: only the latest overdue round, opening now
    const late = await t.http().post('/api/v1/incidents').set(...bearer(w.counsellorA)).send({ ...body, occurredAt: new Date((await now(t)).getTime() - 40 * DAY).toISOString(), orgUnitId: w.enterpriseA }).expect(201);
    expect(late.body.screenings.map((s: { offsetDays: number; round: number }) => [s.round, s.offsetDays])).toEqual([[1, 30]]);
  });

  it('closes and reopens with a reason, with every change on the incident’s history', async () => {
    const closed = await t.http().post(`/api/v1/incidents/${incidentId}/transition`).set(...bearer(w.counsellorA)).send({ to: 'closed', reason: '善后工作完成' }).expect(200);
    expect(closed.body.incident.state).toBe('closed');
    const again = await t.http().post(`/api/v1/incidents/${incidentId}/transition`).set(...bearer(w.counsellorA)).send({ to: 'closed', reason: '重复' }).expect(409);
    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', allowed: ['open'] });
    await t.http().post(`/api/v1/incidents/${incidentId}/transition`).set(...bearer(w.counsellorA)).send({ to: 'open', reason: '一周年前后再次关注' }).expect(200);
    expect((await historyOf(t, incidentId)).map((h) => h.action)).toEqual([
      'recorded',
      'session_scheduled',
      'attendance_recorded',
      'attendance_recorded',
      'state_changed',
      'state_changed',
    ]);
  });
});
