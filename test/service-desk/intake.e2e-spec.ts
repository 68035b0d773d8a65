import { bearer, CLOCK_START, TestApp, type TestUser } from '../support/test-app.js';
import { askOnline, logCall, view, type World } from './support.js';

const CRISIS_EVENT = 'service_desk.crisis_reported';

describe('service desk: intake from every channel, routing, crisis, scope', () => {
  let t: TestApp;
  let w: World;
  let worker: TestUser;

  beforeAll(async () => {
    t = await TestApp.start({ TEST_RECORD_EVENTS: CRISIS_EVENT });
    w = await t.world();
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
  });
  afterAll(() => t.close());

  it('takes a worker’s online request with a quotable reference and working-hour deadlines', async () => {
    const mine = await askOnline(t, worker);
    expect(mine.reference).toMatch(/^XG-20261125-\d{4}$/); // the desk's local date (Beijing)
    expect(mine.status).toBe('new');
    expect(mine.updates.map((u) => u.kind)).toEqual(['received']);
    const staffView = await view(t, w.counsellorA, mine.id);
    // Received Wednesday 10:00 Beijing: answer by 11:00, first reply by Thursday 10:00 (one working day of 8.5 h).
    expect(staffView.answerDueAt).toBe(new Date(Date.parse(CLOCK_START) + 3600_000).toISOString());
    expect(staffView.replyDueAt).toBe('2026-11-26T02:00:00.000Z');
    expect(staffView.handlingUnitId).toBe(w.enterpriseA);
    expect(staffView.trail.map((e) => e.kind)).toEqual(['received', 'routed']);
    const list = (await t.http().get('/api/v1/me/requests').set(...bearer(worker)).expect(200)).body as Array<{ reference: string }>;
    expect(list.map((r) => r.reference)).toContain(mine.reference);
  });

  it('finds a request by the reference the worker quotes, however it is read out', async () => {
    const mine = await askOnline(t, worker);
    const spoken = mine.reference.toLowerCase().replaceAll('-', ' ');
    const page = (await t.http().get('/api/v1/desk/requests').query({ reference: spoken }).set(...bearer(w.counsellorA)).expect(200)).body as { items: Array<{ id: string }> };
    expect(page.items.map((i) => i.id)).toEqual([mine.id]);
    await t.http().get('/api/v1/desk/requests').query({ reference: 'not-a-reference' }).set(...bearer(w.counsellorA)).expect(400);
  });

  it('hands out distinct references to concurrent requests', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => askOnline(t, worker)));
    const references = results.map((r) => r.reference);
    expect(new Set(references).size).toBe(12);
    const rows = await t.sql<{ n: number }>('SELECT COUNT(DISTINCT reference) AS n FROM desk_requests');
    const total = await t.sql<{ n: number }>('SELECT COUNT(*) AS n FROM desk_requests');
    expect(Number(rows[0].n)).toBe(Number(total[0].n));
  });

  it('logs an anonymous 12351 call, answered at once, with caller details encrypted at rest; links it to a worker later', async () => {
    const call = await logCall(t, w.counsellorA, { callerName: '张先生', callbackNumber: '13800138000', initialReply: '已记录，明天上午回电' });
    expect(call.workerId).toBeNull();
    expect(call.status).toBe('in_progress');
    expect(call.replyDueAt).toBeNull();
    expect(call.trail.map((e) => e.kind)).toEqual(['received', 'routed', 'acknowledged', 'replied']);
    const [raw] = await t.sql<{ caller_name: string; callback_number: string; summary: string }>('SELECT caller_name, callback_number, summary FROM desk_requests WHERE id = $1', [call.id]);
    expect(raw.callback_number).not.toContain('13800138000');
    expect(raw.caller_name).not.toContain('张');
    expect(raw.summary).not.toContain('下班');
    const linked = (await t.http().post(`/api/v1/desk/requests/${call.id}/link`).set(...bearer(w.counsellorA)).send({ workerId: worker.workerId }).expect(200)).body as { workerId: string };
    expect(linked.workerId).toBe(worker.workerId);
    await t.http().post(`/api/v1/desk/requests/${call.id}/link`).set(...bearer(w.counsellorA)).send({ workerId: worker.workerId }).expect(409);
    // Now it is the worker's: it shows in their own view.
    await t.http().get(`/api/v1/me/requests/${call.id}`).set(...bearer(worker)).expect(200);
  });

  it('routes by the worker’s unit and category through rules set per subtree', async () => {
    await t.http().post('/api/v1/desk/routing-rules').set(...bearer(w.supervisor)).send({ orgUnitId: w.city, category: 'rights_wages', targetUnitId: w.enterpriseB }).expect(201);
    await t.http().post('/api/v1/desk/routing-rules').set(...bearer(w.supervisor)).send({ orgUnitId: w.city, category: 'rights_wages', targetUnitId: w.city }).expect(409);
    await t.http().post('/api/v1/desk/routing-rules').set(...bearer(w.counsellorA)).send({ orgUnitId: w.city, category: '*', targetUnitId: w.city }).expect(403);
    const wages = await askOnline(t, worker, { category: 'rights_wages', summary: '公司拖欠三个月工资' });
    const family = await askOnline(t, worker, { category: 'family' });
    expect((await view(t, w.supervisor, wages.id)).handlingUnitId).toBe(w.enterpriseB);
    expect((await view(t, w.supervisor, family.id)).handlingUnitId).toBe(w.enterpriseA);
    // The receiving unit's desk sees it in its queue.
    const queue = (await t.http().get('/api/v1/desk/requests').set(...bearer(w.counsellorB)).expect(200)).body as { items: Array<{ id: string }> };
    expect(queue.items.map((i) => i.id)).toContain(wages.id);
  });

  it('a crisis request reaches the individual tier at once: the crisis event is in the outbox with the request', async () => {
    const crisis = await askOnline(t, worker, { category: 'crisis', summary: '我觉得活不下去了' });
    expect(crisis.urgency).toBe('urgent'); // a crisis is never "normal"
    const jobs = await t.sql<{ payload: string | Record<string, unknown> }>('SELECT payload FROM jobs WHERE type = $1', [`event:${CRISIS_EVENT}>test.recorder`]);
    const payloads = jobs.map((j) => (typeof j.payload === 'string' ? (JSON.parse(j.payload) as Record<string, unknown>) : j.payload));
    expect(payloads).toContainEqual(
      expect.objectContaining({ requestId: crisis.id, workerId: worker.workerId, orgUnitId: w.enterpriseA, reference: crisis.reference, urgency: 'urgent', crisisLevel: 'urgent' }),
    );
    const staffView = await view(t, w.counsellorA, crisis.id);
    expect(staffView.crisis).toBe(true);
    expect(staffView.trail.map((e) => e.kind)).toEqual(expect.arrayContaining(['crisis_reported', 'crisis_case_opened']));
    // Answered within minutes of clock time, working hours or not.
    expect(staffView.answerDueAt).toBe(new Date(Date.parse(CLOCK_START) + 15 * 60_000).toISOString());
    // The crisis case opened in the same transaction, in the counsellor's queue, with the request as its source.
    expect(staffView.crisisCaseId).toEqual(expect.any(String));
    const queue = (await t.http().get('/api/v1/crisis-cases').set(...bearer(w.counsellorA)).expect(200)).body as {
      items: Array<{ id: string; workerId: string; level: string; state: string; source: { type: string; id: string } }>;
    };
    const opened = queue.items.find((c) => c.id === staffView.crisisCaseId);
    expect(opened).toEqual(expect.objectContaining({ workerId: worker.workerId, level: 'urgent', state: 'open', source: expect.objectContaining({ type: 'service_desk', id: crisis.id }) }));
  });

  it('triage that flags a crisis reports it too; an anonymous crisis is reported again once linked', async () => {
    // A worker with no case yet (one person, one open case: a crisis request for someone with an active case joins it).
    const caller = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    const call = await logCall(t, w.counsellorA, { category: 'workplace_conflict' });
    await t.http().patch(`/api/v1/desk/requests/${call.id}/triage`).set(...bearer(w.counsellorA)).send({ crisis: true, urgency: 'imminent' }).expect(200);
    await t.http().post(`/api/v1/desk/requests/${call.id}/link`).set(...bearer(w.counsellorA)).send({ workerId: caller.workerId }).expect(200);
    const jobs = await t.sql<{ payload: string | Record<string, unknown> }>('SELECT payload FROM jobs WHERE type = $1', [`event:${CRISIS_EVENT}>test.recorder`]);
    const mine = jobs.map((j) => (typeof j.payload === 'string' ? (JSON.parse(j.payload) as Record<string, unknown>) : j.payload)).filter((p) => p.requestId === call.id);
    expect(mine).toEqual([
      expect.objectContaining({ workerId: null, urgency: 'imminent', crisisLevel: 'imminent' }),
      expect.objectContaining({ workerId: caller.workerId }),
    ]);
    // Only the linked request opened a case (an anonymous caller has no profile to open it on), and only one.
    const cases = await t.sql<{ level: string; worker_id: string }>("SELECT level, worker_id FROM crisis_cases WHERE source_type = 'service_desk' AND source_id = $1", [call.id]);
    expect(cases).toEqual([{ level: 'imminent', worker_id: caller.workerId }]);
    const caseId = (await view(t, w.counsellorA, call.id)).crisisCaseId;
    expect(caseId).toEqual(expect.any(String));
    // a second crisis call about the same person joins that case instead of opening another
    const again = await logCall(t, w.counsellorA, { category: 'workplace_conflict' });
    await t.http().patch(`/api/v1/desk/requests/${again.id}/triage`).set(...bearer(w.counsellorA)).send({ crisis: true, urgency: 'imminent' }).expect(200);
    await t.http().post(`/api/v1/desk/requests/${again.id}/link`).set(...bearer(w.counsellorA)).send({ workerId: caller.workerId }).expect(200);
    expect((await view(t, w.counsellorA, again.id)).crisisCaseId).toBe(caseId);
    expect(await t.sql('SELECT 1 FROM crisis_cases WHERE worker_id = $1', [caller.workerId])).toHaveLength(1);
  });

  it('keeps another unit’s request out of scope (404), the worker to their own, officials out of requests (403)', async () => {
    const mine = await askOnline(t, worker);
    await view(t, w.counsellorB, mine.id, 404);
    await t.http().post(`/api/v1/desk/requests/${mine.id}/replies`).set(...bearer(w.counsellorB)).send({ text: '你好' }).expect(404);
    const queueB = (await t.http().get('/api/v1/desk/requests').set(...bearer(w.counsellorB)).expect(200)).body as { items: Array<{ id: string }> };
    expect(queueB.items.map((i) => i.id)).not.toContain(mine.id);
    const other = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await t.http().get(`/api/v1/me/requests/${mine.id}`).set(...bearer(other)).expect(404);
    await t.http().get('/api/v1/desk/requests').set(...bearer(w.official)).expect(403);
    await t.http().get(`/api/v1/desk/requests/${mine.id}`).set(...bearer(w.official)).expect(403);
    await t.http().post('/api/v1/me/requests').set(...bearer(w.counsellorA)).send({ category: 'other', summary: 'x' }).expect(403);
    // The city supervisor's subtree holds both enterprises.
    await view(t, w.supervisor, mine.id);
  });

  it('audits the disclosure of a request', async () => {
    const mine = await askOnline(t, worker);
    await view(t, w.counsellorA, mine.id);
    const rows = await t.sql<{ action: string }>('SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY seq', [mine.id]);
    expect(rows.map((r) => r.action)).toEqual(['desk_request.create', 'desk_request.read']);
  });
});
