import { DAY, HOUR } from '../../src/platform/clock/clock.js';
import { consent, notificationsOf, PHQ9, submitOwn } from '../population/support.js';
import { now } from '../support/population.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { casesForSource, historyOf, onDuty, openCase, queueOf, transition, type QueueItem } from './support.js';

/**
 * 心理危机的评估与援助: a crisis answer becomes exactly one case in the on-duty counsellor's queue, with its deadline;
 * the state machine refuses illegal moves; scope, roles and the duty roster decide who sees and gets what.
 */
describe('crisis cases: opening, the queue, the state machine, scope', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;

  beforeAll(async () => {
    t = await TestApp.start({ TEST_RECORD_EVENTS: 'crisis_case.opened' });
    w = await t.world();
    await onDuty(t, w.supervisor, w.enterpriseA, w.counsellorA);
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name: '危机个案甲' });
    await consent(t, worker);
  });
  afterAll(() => t.close());

  /** One person, one open case: a test that needs a case of its own needs a worker of its own. */
  async function freshWorker(unit = w.enterpriseA, name?: string): Promise<TestUser> {
    const person = await t.createWorkerUser(w.admin.token, unit, name ? { name } : undefined);
    await consent(t, person);
    return person;
  }

  it('puts a PHQ-9 answer with item 9 above 0 exactly once in the queue of the on-duty counsellor of the worker’s unit, with its deadline', async () => {
    const result = await submitOwn(t, worker, 'PHQ-9', PHQ9.item9Only).expect(201);
    expect(await casesForSource(t, result.body.id)).toHaveLength(0); // opened after commit, by the outbox
    await t.runJobs();
    await t.runJobs();
    const mine = (await queueOf(t, w.counsellorA)).filter((c) => c.source.id === result.body.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      workerId: worker.workerId,
      workerName: '危机个案甲',
      level: 'urgent',
      state: 'open',
      assigneeId: w.counsellorA.id,
      source: { type: 'assessment', id: result.body.id },
      overdue: false,
      escalationStep: 0,
    });
    expect(new Date(mine[0].dueAt).getTime()).toBe(new Date(result.body.createdAt).getTime() + 24 * HOUR);
    expect((await notificationsOf(t, w.counsellorA, 'crisis_case.assigned')).some((n) => n.link === `/crisis-cases/${mine[0].id}`)).toBe(true);
    expect(await casesForSource(t, result.body.id)).toHaveLength(1);
    // crisis_case.opened went into the outbox with the case
    const events = await t.sql<{ payload: unknown; dedupe_key: string }>("SELECT payload, dedupe_key FROM jobs WHERE type = 'event:crisis_case.opened>test.recorder'");
    const opened = events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as Record<string, unknown>).filter((p) => p.caseId === mine[0].id);
    expect(opened).toEqual([
      { event: 'crisis_case.opened', caseId: mine[0].id, workerId: worker.workerId, orgUnitId: w.enterpriseA, level: 'urgent', sourceType: 'assessment', sourceId: result.body.id, dueAt: mine[0].dueAt },
    ]);
  });

  it('opens one case per result even when the event is delivered again', async () => {
    const result = await submitOwn(t, await freshWorker(), 'PHQ-9', PHQ9.item9Only).expect(201);
    await t.runJobs();
    // A second delivery of the same event (as after a lost acknowledgement): the handler runs again.
    await t.sql("UPDATE jobs SET status = 'pending', attempts = 0 WHERE type = 'event:assessment.crisis>individual.open-case' AND dedupe_key LIKE $1", [`%${result.body.id}`]);
    expect(await t.runJobs()).toBeGreaterThan(0);
    expect(await casesForSource(t, result.body.id)).toHaveLength(1);
    // and the database itself refuses a second case for the same source
    const [existing] = await t.sql<Record<string, unknown>>('SELECT * FROM crisis_cases WHERE source_id = $1', [result.body.id]);
    // (The error is read as text: an error from the native SQLite driver fails Jest's toThrow in worker processes.)
    const refusal = await t
      .sql(
        `INSERT INTO crisis_cases (id, worker_id, org_unit_id, level, state, active, due_at, source_type, source_id, escalation_step, created_at, updated_at)
         VALUES ($1, $2, $3, 'urgent', 'open', $4, $5, 'assessment', $6, 0, $7, $8)`,
        ['00000000-0000-4000-8000-00000000abcd', existing.worker_id, existing.org_unit_id, existing.active, existing.due_at, result.body.id, existing.due_at, existing.due_at],
      )
      .then(() => 'inserted', (error: unknown) => String((error as { message?: unknown }).message ?? error));
    expect(refusal).toMatch(/unique|UNIQUE/);
  });

  it('shows the queue to counsellors and supervisors in scope only: another unit’s counsellor gets 404 for the case, officials and workers 403', async () => {
    const result = await submitOwn(t, await freshWorker(), 'PHQ-9', PHQ9.item9Only).expect(201);
    await t.runJobs();
    const [item] = await casesForSource(t, result.body.id);
    expect((await queueOf(t, w.counsellorA)).map((c) => c.id)).toContain(item.id);
    expect((await queueOf(t, w.counsellorB)).map((c) => c.id)).not.toContain(item.id);
    expect((await queueOf(t, w.supervisor)).map((c) => c.id)).toContain(item.id);
    await t.http().get(`/api/v1/crisis-cases/${item.id}`).set(...bearer(w.counsellorB)).expect(404);
    await t.http().post(`/api/v1/crisis-cases/${item.id}/acknowledge`).set(...bearer(w.counsellorB)).expect(404);
    await transition(t, w.counsellorB, item.id, 'in_progress').expect(404);
    const official = await t.http().get('/api/v1/crisis-cases').set(...bearer(w.official)).expect(403);
    expect(official.body.code).toBe('FORBIDDEN');
    await t.http().get(`/api/v1/crisis-cases/${item.id}`).set(...bearer(w.official)).expect(403);
    await t.http().get('/api/v1/crisis-cases').set(...bearer(worker)).expect(403);
    await t.http().get('/api/v1/crisis-cases').set(...bearer(w.admin)).expect(403);
  });

  it('moves through open → acknowledged → in_progress → referred → monitoring → closed and reopens; illegal moves are 409 naming the allowed ones', async () => {
    const result = await submitOwn(t, await freshWorker(), 'PHQ-9', PHQ9.item9Only).expect(201);
    await t.runJobs();
    const [c] = await casesForSource(t, result.body.id);
    const refused = await transition(t, w.counsellorA, c.id, 'in_progress').expect(409);
    expect(refused.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'open', to: 'in_progress', allowed: ['acknowledged'] });
    const acked = await t.http().post(`/api/v1/crisis-cases/${c.id}/acknowledge`).set(...bearer(w.counsellorA)).expect(200);
    expect(acked.body).toMatchObject({ state: 'acknowledged', acknowledgedBy: w.counsellorA.id, allowedTransitions: ['in_progress', 'closed'] });
    await t.http().post(`/api/v1/crisis-cases/${c.id}/acknowledge`).set(...bearer(w.counsellorA)).expect(409);
    await transition(t, w.counsellorA, c.id, 'in_progress').expect(200);
    await transition(t, w.counsellorA, c.id, 'referred').expect(200);
    await transition(t, w.counsellorA, c.id, 'monitoring').expect(200);
    const noReason = await transition(t, w.counsellorA, c.id, 'closed').expect(400);
    expect(noReason.body.code).toBe('REASON_REQUIRED');
    const closed = await transition(t, w.counsellorA, c.id, 'closed', '三次随访情绪稳定，已建立支持网络').expect(200);
    expect(closed.body).toMatchObject({ state: 'closed', allowedTransitions: ['in_progress'] });
    expect((await queueOf(t, w.counsellorA)).map((i) => i.id)).not.toContain(c.id);
    expect((await queueOf(t, w.counsellorA, { state: 'closed' })).map((i) => i.id)).toContain(c.id);
    const notOpen = await transition(t, w.counsellorA, c.id, 'monitoring').expect(409);
    expect(notOpen.body.allowed).toEqual(['in_progress']);
    await transition(t, w.counsellorA, c.id, 'in_progress', '职工再次来电求助').expect(200);
    const history = await historyOf(t, c.id);
    expect(history.filter((h) => h.action === 'state_changed').map((h) => `${h.from_value}>${h.to_value}`)).toEqual([
      'open>acknowledged',
      'acknowledged>in_progress',
      'in_progress>referred',
      'referred>monitoring',
      'monitoring>closed',
      'closed>in_progress',
    ]);
    expect(history.every((h) => h.action === 'opened' || h.action === 'assigned' || h.actor_id === w.counsellorA.id)).toBe(true);
  });

  it('orders the queue: unacknowledged first (imminent, urgent, concern), each by deadline, then the rest; filters by state, level and assignee', async () => {
    await openCase(t, w.counsellorA, (await freshWorker()).workerId!, 'imminent').expect(201); // acknowledged at once
    await t.http().post('/api/v1/me/help').set(...bearer(await freshWorker())).send({ inDangerNow: true }).expect(201);
    await t.http().post('/api/v1/me/help').set(...bearer(await freshWorker())).send({}).expect(201);
    const all = await queueOf(t, w.counsellorA);
    const rank = (c: QueueItem) => (c.state === 'open' ? ['imminent', 'urgent', 'concern'].indexOf(c.level) : 3);
    const keys = all.map((c) => [rank(c), new Date(c.dueAt).getTime()]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(all[0]).toMatchObject({ state: 'open', level: 'imminent' });
    // an acknowledged imminent case comes after every unacknowledged one, even a concern due later
    const firstAcknowledged = all.findIndex((c) => c.state !== 'open');
    expect(firstAcknowledged).toBeGreaterThan(0);
    expect(all.slice(firstAcknowledged).every((c) => c.state !== 'open')).toBe(true);
    expect(all.slice(firstAcknowledged).some((c) => c.level === 'imminent')).toBe(true);
    expect((await queueOf(t, w.counsellorA, { level: 'imminent' })).every((c) => c.level === 'imminent')).toBe(true);
    expect((await queueOf(t, w.counsellorA, { state: 'open,acknowledged' })).every((c) => ['open', 'acknowledged'].includes(c.state))).toBe(true);
    expect((await queueOf(t, w.counsellorA, { assignee: 'me' })).every((c) => c.assigneeId === w.counsellorA.id)).toBe(true);
    await t.http().get('/api/v1/crisis-cases').query({ state: 'lost' }).set(...bearer(w.counsellorA)).expect(400);
    const page = await t.http().get('/api/v1/crisis-cases').query({ pageSize: 1 }).set(...bearer(w.counsellorA)).expect(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 1, hasMore: true });
    const audit = await t.sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'crisis_case.list' AND actor_id = $1", [w.counsellorA.id]);
    expect(Number(audit[0].n)).toBeGreaterThan(0);
  });

  it('lets a counsellor open a case in scope (assigned to them, acknowledged), and 404 outside scope', async () => {
    const opened = await openCase(t, w.counsellorA, (await freshWorker()).workerId!, 'urgent').expect(201);
    expect(opened.body).toMatchObject({ state: 'acknowledged', assigneeId: w.counsellorA.id, source: { type: 'counsellor', id: null }, openedBy: w.counsellorA.id });
    expect(opened.body.summary).toBe('来电称情绪崩溃，需要尽快联系');
    await openCase(t, w.counsellorB, opened.body.workerId as string).expect(404);
    await openCase(t, w.official, opened.body.workerId as string).expect(403);
    // one person, one open case: a second opening by hand is refused and names the active case
    const second = await openCase(t, w.counsellorA, opened.body.workerId as string, 'imminent').expect(409);
    expect(second.body).toMatchObject({ code: 'CASE_ALREADY_OPEN', caseId: opened.body.id });
    const [row] = await t.sql<{ summary: string }>('SELECT summary FROM crisis_cases WHERE id = $1', [opened.body.id]);
    expect(row.summary).toMatch(/^enc:v1:/);
  });

  it('keeps case notes encrypted, shows them on the case (audited) and never on the worker’s own record', async () => {
    const person = await freshWorker();
    const opened = await openCase(t, w.counsellorA, person.workerId!, 'concern').expect(201);
    await t.http().post(`/api/v1/crisis-cases/${opened.body.id}/notes`).set(...bearer(w.counsellorA)).send({ body: '电话评估：有自伤念头，无具体计划' }).expect(201);
    const [note] = await t.sql<{ body: string }>('SELECT body FROM crisis_case_notes WHERE case_id = $1', [opened.body.id]);
    expect(note.body).toMatch(/^enc:v1:/);
    expect(note.body).not.toContain('自伤');
    const detail = await t.http().get(`/api/v1/crisis-cases/${opened.body.id}`).set(...bearer(w.counsellorA)).expect(200);
    expect(detail.body.notes.map((n: { body: string }) => n.body)).toEqual(['电话评估：有自伤念头，无具体计划']);
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['opened', 'assigned', 'state_changed', 'note_added']);
    const reads = await t.sql("SELECT 1 FROM audit_events WHERE action = 'crisis_case.read' AND resource_id = $1", [opened.body.id]);
    expect(reads).toHaveLength(1);
    const own = await t.http().get('/api/v1/me/record').set(...bearer(person)).expect(200);
    expect(JSON.stringify(own.body)).not.toContain('自伤');
    expect(own.body.individual).not.toHaveProperty('cases');
    const staff = await t.http().get(`/api/v1/workers/${person.workerId}/record`).set(...bearer(w.counsellorA)).expect(200);
    expect(staff.body.individual.cases.map((c: { id: string }) => c.id)).toContain(opened.body.id);
    expect(JSON.stringify(staff.body)).not.toContain('自伤');
  });

  it('reassigns: supervisors to an eligible counsellor; counsellors only to themselves', async () => {
    const opened = await openCase(t, w.supervisor, (await freshWorker()).workerId!, 'urgent').expect(201);
    const other = await t.createUser(w.admin.token, 'counsellor', w.enterpriseA);
    const bySupervisor = await t.http().post(`/api/v1/crisis-cases/${opened.body.id}/assign`).set(...bearer(w.supervisor)).send({ assigneeId: other.id }).expect(200);
    expect(bySupervisor.body.assigneeId).toBe(other.id);
    expect(await notificationsOf(t, other, 'crisis_case.assigned')).toHaveLength(1);
    const refused = await t.http().post(`/api/v1/crisis-cases/${opened.body.id}/assign`).set(...bearer(w.counsellorA)).send({ assigneeId: other.id }).expect(403);
    expect(refused.body.code).toBe('ASSIGN_SUPERVISOR_ONLY');
    await t.http().post(`/api/v1/crisis-cases/${opened.body.id}/assign`).set(...bearer(w.counsellorA)).send({ assigneeId: w.counsellorA.id }).expect(200);
    const ineligible = await t.http().post(`/api/v1/crisis-cases/${opened.body.id}/assign`).set(...bearer(w.supervisor)).send({ assigneeId: w.counsellorB.id }).expect(400);
    expect(ineligible.body.code).toBe('ASSIGNEE_NOT_ELIGIBLE');
  });

  it('routes to the nearest unit above with someone on duty, and with nobody on duty tells the supervisors', async () => {
    const workshop = await t.createUnit(w.admin.token, w.enterpriseA, '三车间');
    const inWorkshop = await t.createWorkerUser(w.admin.token, workshop);
    await consent(t, inWorkshop);
    const fromWorkshop = await submitOwn(t, inWorkshop, 'PHQ-9', PHQ9.item9Only).expect(201);
    const inB = await t.createWorkerUser(w.admin.token, w.enterpriseB);
    await consent(t, inB);
    const before = (await notificationsOf(t, w.supervisor, 'crisis_case.unassigned')).length;
    const fromB = await submitOwn(t, inB, 'PHQ-9', PHQ9.item9Only).expect(201);
    await t.runJobs();
    const [a] = await t.sql<{ assignee_id: string | null }>('SELECT assignee_id FROM crisis_cases WHERE source_id = $1', [fromWorkshop.body.id]);
    expect(a.assignee_id).toBe(w.counsellorA.id);
    const [b] = await t.sql<{ id: string; assignee_id: string | null }>('SELECT id, assignee_id FROM crisis_cases WHERE source_id = $1', [fromB.body.id]);
    expect(b.assignee_id).toBeNull();
    expect(await notificationsOf(t, w.supervisor, 'crisis_case.unassigned')).toHaveLength(before + 1);
    expect((await historyOf(t, b.id)).map((h) => h.action)).toEqual(['opened', 'unassigned']);
    expect((await queueOf(t, w.counsellorB, { assignee: 'unassigned' })).map((c) => c.id)).toContain(b.id);
    // the counsellor who acknowledges an unassigned case takes it
    const acked = await t.http().post(`/api/v1/crisis-cases/${b.id}/acknowledge`).set(...bearer(w.counsellorB)).expect(200);
    expect(acked.body.assigneeId).toBe(w.counsellorB.id);
  });

  it('keeps the duty roster with supervisors and admins of the unit; the on-duty counsellor must have the unit in scope', async () => {
    const from = await now(t);
    const shift = { orgUnitId: w.enterpriseB, startsAt: from.toISOString(), endsAt: new Date(from.getTime() + DAY).toISOString() };
    await t.http().post('/api/v1/duty-shifts').set(...bearer(w.counsellorB)).send({ ...shift, userId: w.counsellorB.id }).expect(403);
    const wrongUnit = await t.http().post('/api/v1/duty-shifts').set(...bearer(w.supervisor)).send({ ...shift, userId: w.counsellorA.id }).expect(400);
    expect(wrongUnit.body.code).toBe('DUTY_USER_NOT_ELIGIBLE');
    const tooLong = await t.http().post('/api/v1/duty-shifts').set(...bearer(w.supervisor)).send({ ...shift, userId: w.counsellorB.id, endsAt: new Date(from.getTime() + 40 * DAY).toISOString() }).expect(400);
    expect(tooLong.body.code).toBe('SHIFT_TIMES_INVALID');
    const created = await t.http().post('/api/v1/duty-shifts').set(...bearer(w.admin)).send({ ...shift, userId: w.counsellorB.id }).expect(201);
    const onDutyB = await t.http().get(`/api/v1/org-units/${w.enterpriseB}/on-duty`).set(...bearer(w.counsellorB)).expect(200);
    const names = (await t.http().get('/api/v1/users').set(...bearer(w.admin)).expect(200)).body as Array<{ id: string; displayName: string }>;
    const nameB = names.find((u) => u.id === w.counsellorB.id)!.displayName;
    expect(onDutyB.body).toEqual({ orgUnitId: w.enterpriseB, userId: w.counsellorB.id, userName: nameB, fromUnitId: w.enterpriseB });
    // Another enterprise's counsellor may not ask who is on duty there.
    await t.http().get(`/api/v1/org-units/${w.enterpriseB}/on-duty`).set(...bearer(w.counsellorA)).expect(404);
    const list = await t.http().get('/api/v1/duty-shifts').query({ orgUnitId: w.enterpriseB }).set(...bearer(w.counsellorB)).expect(200);
    expect(list.body.map((s: { id: string }) => s.id)).toContain(created.body.id);
    await t.http().delete(`/api/v1/duty-shifts/${created.body.id}`).set(...bearer(w.counsellorB)).expect(403);
    await t.http().delete(`/api/v1/duty-shifts/${created.body.id}`).set(...bearer(w.supervisor)).expect(204);
    const after = await t.http().get(`/api/v1/org-units/${w.enterpriseB}/on-duty`).set(...bearer(w.counsellorB)).expect(200);
    expect(after.body).toMatchObject({ userId: null, userName: null });
    await t.http().get('/api/v1/duty-shifts').set(...bearer(w.official)).expect(403);
  });
});
