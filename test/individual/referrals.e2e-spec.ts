import { DAY, HOUR } from '../../src/platform/clock/clock.js';
import { notificationsOf } from '../population/support.js';
import { grantConsent, now } from '../support/population.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { historyOf, onDuty, openCase, queueOf, transition } from './support.js';

const VENDOR = 'acme-eap';

/** 转介与帮扶: a closed loop from draft to outcome, with consent per recipient and follow-ups that become tasks. */
describe('referrals and follow-ups', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;

  const draft = (user: TestUser, body: Record<string, unknown>) => t.http().post('/api/v1/referrals').set(...bearer(user)).send(body);
  const send = (user: TestUser, id: string) => t.http().post(`/api/v1/referrals/${id}/send`).set(...bearer(user));
  const step = (user: TestUser, id: string, to: string, note?: string) =>
    t.http().post(`/api/v1/referrals/${id}/transition`).set(...bearer(user)).send({ to, ...(note ? { note } : {}) });
  const vendorUpdate = (body: Record<string, unknown>) => t.http().post('/api/v1/test/individual/vendor-update').send(body);

  beforeAll(async () => {
    t = await TestApp.start({ TEST_RECORD_EVENTS: 'referral.sent' });
    w = await t.world();
    await onDuty(t, w.supervisor, w.enterpriseA, w.counsellorA);
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name: '转介对象丙' });
  });
  afterAll(() => t.close());

  it('refuses to send a referral to an EAP vendor itself: 409, it is sent through EAP (contract, quota, webhook)', async () => {
    const created = await draft(w.counsellorA, { workerId: worker.workerId, providerType: 'eap_vendor', vendorId: VENDOR, reason: '长期失眠，需要持续咨询' }).expect(201);
    expect(created.body).toMatchObject({ state: 'draft', open: true, ownerId: w.counsellorA.id, allowedTransitions: ['sent'] });
    await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'eap_referral', recipientId: VENDOR, granted: true }).expect(201);
    const refused = await send(w.counsellorA, created.body.id).expect(409);
    expect(refused.body.code).toBe('REFERRAL_SEND_THROUGH_EAP');
    expect((await t.http().get(`/api/v1/referrals/${created.body.id}`).set(...bearer(w.counsellorA)).expect(200)).body.referral.state).toBe('draft');
    expect(await t.sql("SELECT id FROM jobs WHERE type = 'event:referral.sent>test.recorder'")).toEqual([]);
  });

  it('needs counselling consent for a hospital, and a provider name', async () => {
    const created = await draft(w.counsellorA, { workerId: worker.workerId, providerType: 'hospital' }).expect(201);
    const incomplete = await send(w.counsellorA, created.body.id).expect(400);
    expect(incomplete.body).toMatchObject({ code: 'PROVIDER_INCOMPLETE', missing: ['providerName'] });
    await t.http().patch(`/api/v1/referrals/${created.body.id}`).set(...bearer(w.counsellorA)).send({ providerName: '市第七人民医院心理科' }).expect(200);
    const refused = await send(w.counsellorA, created.body.id).expect(403);
    expect(refused.body.code).toBe('CONSENT_REQUIRED_COUNSELLING');
    const denied = await t.sql<{ outcome: string }>("SELECT outcome FROM audit_events WHERE action = 'referral.send' AND resource_id = $1", [created.body.id]);
    expect(denied.map((d) => d.outcome)).toEqual(['denied']);
    await grantConsent(t, worker, 'counselling');
    const sent = await send(w.counsellorA, created.body.id).expect(200);
    expect(sent.body).toMatchObject({ state: 'sent', open: true, allowedTransitions: ['accepted', 'declined'] });
    const [event] = await t.sql<{ payload: unknown }>("SELECT payload FROM jobs WHERE type = 'event:referral.sent>test.recorder'");
    const payload = (typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload) as Record<string, unknown>;
    expect(payload).toMatchObject({ referralId: created.body.id, workerId: worker.workerId, providerType: 'hospital' });
    await send(w.counsellorA, created.body.id).expect(409);
    await t.http().patch(`/api/v1/referrals/${created.body.id}`).set(...bearer(w.counsellorA)).send({ providerName: '别处' }).expect(409);
  });

  it('is a closed loop: open until an outcome; illegal steps are 409 naming the allowed ones; it moves its case to referred', async () => {
    const c = await openCase(t, w.counsellorA, worker.workerId!, 'urgent').expect(201);
    await transition(t, w.counsellorA, c.body.id, 'in_progress').expect(200);
    const created = await draft(w.counsellorA, { caseId: c.body.id, providerType: 'internal_counselling' }).expect(201);
    expect(created.body).toMatchObject({ caseId: c.body.id, workerId: worker.workerId });
    await send(w.counsellorA, created.body.id).expect(200);
    expect((await t.http().get(`/api/v1/crisis-cases/${c.body.id}`).set(...bearer(w.counsellorA)).expect(200)).body.case.state).toBe('referred');
    const skip = await step(w.counsellorA, created.body.id, 'attended').expect(409);
    expect(skip.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'sent', allowed: ['accepted', 'declined'] });
    await step(w.counsellorA, created.body.id, 'accepted').expect(200);
    await step(w.counsellorA, created.body.id, 'attended').expect(200);
    const open = await t.http().get('/api/v1/referrals').query({ open: true, workerId: worker.workerId }).set(...bearer(w.counsellorA)).expect(200);
    expect(open.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    const done = await step(w.counsellorA, created.body.id, 'completed', '完成 8 次咨询，情绪明显好转').expect(200);
    expect(done.body).toMatchObject({ state: 'completed', open: false, allowedTransitions: [] });
    expect((await step(w.counsellorA, created.body.id, 'dropped_out').expect(409)).body.allowed).toEqual([]);
    const detail = await t.http().get(`/api/v1/referrals/${created.body.id}`).set(...bearer(w.counsellorA)).expect(200);
    expect(detail.body.outcomeNote).toBe('完成 8 次咨询，情绪明显好转');
    expect(detail.body.history.filter((h: { action: string }) => h.action === 'state_changed').map((h: { to: string }) => h.to)).toEqual(['sent', 'accepted', 'attended', 'completed']);
    const [stored] = await t.sql<{ outcome_note: string }>('SELECT outcome_note FROM referrals WHERE id = $1', [created.body.id]);
    expect(stored.outcome_note).toMatch(/^enc:v1:/);
  });

  it('applies a vendor’s report through the exported method, as the vendor, idempotently; another vendor gets 404', async () => {
    const created = await draft(w.counsellorA, { workerId: worker.workerId, providerType: 'eap_vendor', vendorId: VENDOR }).expect(201);
    // Sent as the EAP send leaves it (that path, with the vendor's webhook, is test/eap/eap-loop.e2e-spec.ts).
    await t.sql("UPDATE referrals SET state = 'sent', sent_at = created_at WHERE id = $1", [created.body.id]);
    const accepted = await vendorUpdate({ referralId: created.body.id, vendorId: VENDOR, to: 'accepted' }).expect(200);
    expect(accepted.body).toEqual({ referralId: created.body.id, state: 'accepted', applied: true });
    const repeated = await vendorUpdate({ referralId: created.body.id, vendorId: VENDOR, to: 'accepted' }).expect(200);
    expect(repeated.body.applied).toBe(false);
    await vendorUpdate({ referralId: created.body.id, vendorId: 'other-eap', to: 'attended' }).expect(404);
    const illegal = await vendorUpdate({ referralId: created.body.id, vendorId: VENDOR, to: 'completed' }).expect(409);
    expect(illegal.body.allowed).toEqual(['attended', 'dropped_out']);
    await vendorUpdate({ referralId: created.body.id, vendorId: VENDOR, to: 'dropped_out', note: '两次预约均未到' }).expect(200);
    const history = await historyOf(t, created.body.id);
    expect(history.filter((h) => h.actor_label === `vendor:${VENDOR}`).map((h) => h.to_value)).toEqual(['accepted', 'dropped_out']);
    const list = await t.http().get('/api/v1/referrals').query({ workerId: worker.workerId, open: false }).set(...bearer(w.counsellorA)).expect(200);
    expect(list.body.items.find((r: { id: string }) => r.id === created.body.id)).toMatchObject({ state: 'dropped_out', open: false });
  });

  it('lists referrals with the worker’s and the responsible counsellor’s names; another unit’s counsellor can neither see nor edit them (404)', async () => {
    const created = await draft(w.counsellorA, { workerId: worker.workerId, providerType: 'hospital', providerName: '市精神卫生中心' }).expect(201);
    const users = (await t.http().get('/api/v1/users').set(...bearer(w.admin)).expect(200)).body as Array<{ id: string; displayName: string }>;
    const counsellorName = users.find((u) => u.id === w.counsellorA.id)!.displayName;
    const mine = await t.http().get('/api/v1/referrals').query({ mine: true }).set(...bearer(w.counsellorA)).expect(200);
    const item = (mine.body.items as Array<{ id: string; workerName: string; ownerName: string | null }>).find((r) => r.id === created.body.id);
    expect(item).toMatchObject({ workerName: '转介对象丙', ownerName: counsellorName });
    expect(new Set((mine.body.items as Array<{ workerName: string }>).map((r) => r.workerName))).toEqual(new Set(['转介对象丙']));
    // Another enterprise's counsellor: not in the list, 404 on the record and on an edit, and the draft unchanged.
    const theirs = await t.http().get('/api/v1/referrals').set(...bearer(w.counsellorB)).expect(200);
    expect((theirs.body.items as Array<{ id: string }>).map((r) => r.id)).not.toContain(created.body.id);
    await t.http().get(`/api/v1/referrals/${created.body.id}`).set(...bearer(w.counsellorB)).expect(404);
    await t.http().patch(`/api/v1/referrals/${created.body.id}`).set(...bearer(w.counsellorB)).send({ reason: '越权修改' }).expect(404);
    const edited = await t.http().patch(`/api/v1/referrals/${created.body.id}`).set(...bearer(w.counsellorA)).send({ providerName: '市第七人民医院心理科', reason: '需要药物评估' }).expect(200);
    expect(edited.body).toMatchObject({ providerName: '市第七人民医院心理科', state: 'draft' });
    const detail = await t.http().get(`/api/v1/referrals/${created.body.id}`).set(...bearer(w.counsellorA)).expect(200);
    expect(detail.body.reason).toBe('需要药物评估');
    expect(detail.body.history.find((h: { action: string }) => h.action === 'draft_edited')).toMatchObject({ actorName: counsellorName });
  });

  it('turns follow-ups into tasks at 7, 30 and 90 days through the job queue; overdue ones show in the queue until recorded', async () => {
    const other = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await grantConsent(t, other, 'counselling');
    const created = await draft(w.counsellorA, { workerId: other.workerId, providerType: 'internal_counselling' }).expect(201);
    await send(w.counsellorA, created.body.id).expect(200);
    const sentAt = await now(t);
    const detail = await t.http().get(`/api/v1/referrals/${created.body.id}`).set(...bearer(w.counsellorA)).expect(200);
    expect(detail.body.followUps.map((f: { dueAt: string }) => (new Date(f.dueAt).getTime() - sentAt.getTime()) / DAY)).toEqual([7, 30, 90]);
    expect(detail.body.followUps.every((f: { status: string; assigneeId: string }) => f.status === 'upcoming' && f.assigneeId === w.counsellorA.id)).toBe(true);
    const firstId = detail.body.followUps[0].id as string;
    const tasks = async () => (await notificationsOf(t, w.counsellorA, 'referral.follow_up_due')).filter((n) => n.link === `/referrals/${created.body.id}`);

    await t.advanceClock(7 * DAY - HOUR);
    await t.runJobs();
    expect(await tasks()).toHaveLength(0);
    await t.advanceClock(HOUR);
    await t.runJobs();
    expect(await tasks()).toHaveLength(1);
    const due = await t.http().get('/api/v1/follow-ups').query({ status: 'due' }).set(...bearer(w.counsellorA)).expect(200);
    expect(due.body.items.map((f: { id: string }) => f.id)).toContain(firstId);
    // How to reach each worker on the list, one audited disclosure per worker shown.
    expect(due.body.contacts).toEqual(expect.arrayContaining([expect.objectContaining({ workerId: other.workerId, name: expect.any(String) as string })]));
    const shownIds = new Set((due.body.items as Array<{ workerId: string }>).map((f) => f.workerId));
    expect(new Set((due.body.contacts as Array<{ workerId: string }>).map((c) => c.workerId))).toEqual(shownIds);
    const disclosed = await t.sql<{ resource_id: string; detail: unknown }>("SELECT resource_id, detail FROM audit_events WHERE action = 'worker.contact_read' AND actor_id = $1", [w.counsellorA.id]);
    const viaList = disclosed.filter((r) => JSON.stringify(r.detail).includes('follow_ups')).map((r) => r.resource_id);
    expect(new Set(viaList)).toEqual(shownIds);
    const overdueNow = (await t.http().get('/api/v1/crisis-cases').set(...bearer(w.counsellorA)).expect(200)).body.overdueFollowUps as Array<{ id: string }>;
    expect(overdueNow.map((f) => f.id)).not.toContain(firstId);

    await t.advanceClock(DAY);
    const queue = await t.http().get('/api/v1/crisis-cases').set(...bearer(w.counsellorA)).expect(200);
    expect(queue.body.overdueFollowUps).toEqual(expect.arrayContaining([expect.objectContaining({ id: firstId, referralId: created.body.id, workerId: other.workerId, assigneeId: w.counsellorA.id })]));
    expect((await t.http().get('/api/v1/crisis-cases').set(...bearer(w.counsellorB)).expect(200)).body.overdueFollowUps).toEqual([]);
    const overdue = await t.http().get('/api/v1/follow-ups').query({ status: 'overdue', mine: true }).set(...bearer(w.counsellorA)).expect(200);
    expect(overdue.body.items.map((f: { id: string }) => f.id)).toContain(firstId);

    await t.http().post(`/api/v1/follow-ups/${firstId}/complete`).set(...bearer(w.counsellorB)).send({ contactMade: true }).expect(404);
    const recorded = await t.http().post(`/api/v1/follow-ups/${firstId}/complete`).set(...bearer(w.counsellorA)).send({ contactMade: true, note: '已复诊两次，睡眠改善' }).expect(200);
    expect(recorded.body).toMatchObject({ status: 'done', contactMade: true, completedBy: w.counsellorA.id });
    await t.http().post(`/api/v1/follow-ups/${firstId}/complete`).set(...bearer(w.counsellorA)).send({ contactMade: true }).expect(409);
    const after = (await t.http().get('/api/v1/crisis-cases').set(...bearer(w.counsellorA)).expect(200)).body.overdueFollowUps as Array<{ id: string }>;
    expect(after.map((f) => f.id)).not.toContain(firstId);
    expect((await historyOf(t, created.body.id)).map((h) => h.action)).toEqual(['drafted', 'state_changed', 'follow_ups_scheduled', 'follow_up_due', 'follow_up_recorded']);
  });

  it('shows the worker their open referrals in plain words, never reasons, notes or drafts', async () => {
    const record = await t.http().get('/api/v1/me/record').set(...bearer(worker)).expect(200);
    const referrals = record.body.individual.referrals as Array<{ provider: { zh: string }; status: { zh: string }; providerName: string | null }>;
    expect(referrals.length).toBeGreaterThan(0);
    expect(referrals.map((r) => r.status.zh)).toContain('我们已为你联系对方，正在等待回复。');
    expect(referrals.some((r) => r.providerName === '市第七人民医院心理科')).toBe(true);
    const text = JSON.stringify(record.body.individual);
    expect(text).not.toContain('长期失眠');
    expect(text).not.toContain('draft');
    expect(text).not.toContain('完成 8 次咨询');
    const staff = await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.counsellorA)).expect(200);
    expect(staff.body.individual.referrals.map((r: { state: string }) => r.state)).toEqual(expect.arrayContaining(['completed', 'sent', 'dropped_out']));
  });

  it('keeps referrals in scope: 404 for another unit’s counsellor, 403 for officials and workers', async () => {
    const created = await draft(w.counsellorA, { workerId: worker.workerId }).expect(201);
    await t.http().get(`/api/v1/referrals/${created.body.id}`).set(...bearer(w.counsellorB)).expect(404);
    await send(w.counsellorB, created.body.id).expect(404);
    await draft(w.counsellorB, { workerId: worker.workerId }).expect(404);
    await t.http().get('/api/v1/referrals').set(...bearer(w.official)).expect(403);
    await t.http().get('/api/v1/follow-ups').set(...bearer(worker)).expect(403);
    expect((await draft(w.counsellorA, {}).expect(400)).body.code).toBe('WORKER_OR_CASE_REQUIRED');
    expect((await queueOf(t, w.counsellorB)).length).toBe(0);
  });
});
