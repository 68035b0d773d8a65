import { HOUR, MINUTE } from '../../src/platform/clock/clock.js';
import { grantConsent, inHours, notificationKinds, withdrawConsent } from '../support/population.js';
import { SseClient } from '../support/sse.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));

interface Message {
  id: string;
  seq: number;
  sender: string;
  body: string;
  readByRecipient: boolean;
  crisisFlag?: boolean;
  crisisCaseRequestedAt?: string | null;
}

describe('线上心理疏导 (online counselling): secure messaging between a worker and their counsellor', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  async function consentingWorker(unit = w.enterpriseA): Promise<TestUser> {
    const worker = await t.createWorkerUser(w.admin.token, unit);
    await grantConsent(t, worker);
    return worker;
  }

  async function officeHours(counsellor: TestUser, windows: unknown[]) {
    await t.http().put('/api/v1/online-counselling/office-hours').set(...bearer(counsellor)).send({ windows }).expect(200);
  }

  /** A conversation the counsellor opened with a consenting worker of their unit. */
  async function conversation(counsellor = w.counsellorA, unit = w.enterpriseA): Promise<{ worker: TestUser; id: string }> {
    const worker = await consentingWorker(unit);
    const opened = await t.http().post('/api/v1/online-counselling/conversations').set(...bearer(counsellor)).send({ workerId: worker.workerId }).expect(201);
    return { worker, id: opened.body.id as string };
  }

  const workerSends = (worker: TestUser, id: string, body: string) => t.http().post(`/api/v1/me/online-counselling/conversations/${id}/messages`).set(...bearer(worker)).send({ body });
  const staffSends = (staff: TestUser, id: string, body: string) => t.http().post(`/api/v1/online-counselling/conversations/${id}/messages`).set(...bearer(staff)).send({ body });
  const workerReads = (worker: TestUser, id: string, after = 0) => t.http().get(`/api/v1/me/online-counselling/conversations/${id}/messages`).query({ after }).set(...bearer(worker));
  const staffReads = (staff: TestUser, id: string, after = 0) => t.http().get(`/api/v1/online-counselling/conversations/${id}/messages`).query({ after }).set(...bearer(staff));
  const auditActions = async (workerId: string) =>
    (await t.sql<{ action: string; actor_id: string }>('SELECT action, actor_id FROM audit_events WHERE worker_id = $1 ORDER BY seq', [workerId])).map((r) => r.action);

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    await officeHours(w.counsellorA, ALL_WEEK);
  });
  afterAll(() => t.close());

  it('an online appointment opens its conversation shortly before its time; cancelling closes it; in-person opens none', async () => {
    const worker = await consentingWorker();
    const online = await t
      .http()
      .post('/api/v1/counselling/slots')
      .set(...bearer(w.counsellorA))
      .send({ startsAt: await inHours(t, 2), endsAt: await inHours(t, 3), mode: 'online' })
      .expect(201);
    const inPerson = await t
      .http()
      .post('/api/v1/counselling/slots')
      .set(...bearer(w.counsellorA))
      .send({ startsAt: await inHours(t, 5), endsAt: await inHours(t, 6), mode: 'in_person', place: '302 室' })
      .expect(201);
    const appointment = await t.http().post('/api/v1/me/counselling/appointments').set(...bearer(worker)).send({ slotId: online.body.id }).expect(201);
    await t.http().post('/api/v1/me/counselling/appointments').set(...bearer(worker)).send({ slotId: inPerson.body.id }).expect(201);
    await t.runJobs();
    const mine = (await t.http().get('/api/v1/me/online-counselling/conversations').set(...bearer(worker)).expect(200)).body as Array<Record<string, unknown>>;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ appointmentId: appointment.body.id, status: 'open', counsellorId: w.counsellorA.id, opensAt: new Date(new Date(online.body.startsAt as string).getTime() - 10 * MINUTE).toISOString() });
    expect(mine[0]).not.toHaveProperty('workerName');
    const id = mine[0].id as string;
    const early = await workerSends(worker, id, '你好').expect(409);
    expect(early.body.code).toBe('CONVERSATION_NOT_OPEN');
    await t.advanceClock(2 * HOUR - 5 * MINUTE);
    await workerSends(worker, id, '你好，我到了').expect(201);
    const staffList = (await t.http().get('/api/v1/online-counselling/conversations').set(...bearer(w.counsellorA)).expect(200)).body as Array<Record<string, unknown>>;
    expect(staffList.find((c) => c.id === id)).toMatchObject({ workerId: worker.workerId, unread: 1, messageCount: 1 });
    await t.http().post(`/api/v1/counselling/appointments/${appointment.body.id}/cancel`).set(...bearer(w.counsellorA)).expect(200);
    await t.runJobs();
    expect((await workerSends(worker, id, '还在吗').expect(409)).body.code).toBe('CONVERSATION_CLOSED');
    // The history stays readable.
    expect(((await workerReads(worker, id).expect(200)).body.messages as Message[]).map((m) => m.body)).toEqual(['你好，我到了']);
  });

  it('keeps text encrypted at rest, audits each disclosure, moves read receipts and tells the other side once per unread run', async () => {
    const { worker, id } = await conversation();
    const notices = async () => (await notificationKinds(t, w.counsellorA)).filter((k) => k === 'online_counselling.message').length;
    const noticed = await notices();
    const first = await workerSends(worker, id, '最近送单压力很大，睡不好').expect(201);
    expect(first.body.messages).toHaveLength(1); // in office hours: no automatic reply
    expect(first.body.messages[0]).not.toHaveProperty('crisisFlag');
    await workerSends(worker, id, '想找人聊聊').expect(201);
    const rows = await t.sql<{ body: string }>('SELECT body FROM online_messages WHERE conversation_id = $1', [id]);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.body).not.toMatch(/送单|聊聊/);
    // Two messages, one notice: the second waits until the counsellor has read the first.
    expect(await notices()).toBe(noticed + 1);

    const before = (await workerReads(worker, id).expect(200)).body.messages as Message[];
    expect(before.map((m) => m.readByRecipient)).toEqual([false, false]);
    const seen = (await staffReads(w.counsellorA, id).expect(200)).body;
    expect(seen.messages.map((m: Message) => [m.seq, m.sender, m.body, m.crisisFlag])).toEqual([
      [1, 'worker', '最近送单压力很大，睡不好', false],
      [2, 'worker', '想找人聊聊', false],
    ]);
    expect(seen.conversation).toMatchObject({ unread: 0, workerName: expect.any(String) });
    const after = (await workerReads(worker, id).expect(200)).body.messages as Message[];
    expect(after.map((m) => m.readByRecipient)).toEqual([true, true]);

    // A poll with nothing new discloses nothing and writes no audit row; one with news is audited.
    const reads = async () => (await auditActions(worker.workerId as string)).filter((a) => a === 'online_message.read').length;
    const counted = await reads();
    expect((await staffReads(w.counsellorA, id, 2).expect(200)).body.messages).toEqual([]);
    expect(await reads()).toBe(counted);
    const reply = await staffSends(w.counsellorA, id, '我在，我们慢慢说').expect(201);
    expect(reply.body.messages[0]).toMatchObject({ seq: 3, sender: 'counsellor', readByRecipient: false });
    expect(await notificationKinds(t, worker)).toContain('online_counselling.message');
    const polled = (await workerReads(worker, id, 2).expect(200)).body.messages as Message[];
    expect(polled.map((m) => m.body)).toEqual(['我在，我们慢慢说']);
    expect(await reads()).toBe(counted + 1);
    const actions = await auditActions(worker.workerId as string);
    expect(actions).toEqual(expect.arrayContaining(['online_conversation.open', 'online_message.send', 'online_message.read']));
    // The counsellor's reads appear in the worker's access report.
    const report = (await t.http().get('/api/v1/me/access-report').set(...bearer(worker)).expect(200)).body as Array<{ action: string; who: string }>;
    expect(report.map((r) => r.action)).toEqual(expect.arrayContaining(['online_message.read', 'online_message.send']));
  });

  it('pushes new messages, read receipts and closing to the conversation’s two participants only, as ids and numbers', async () => {
    const colleague = await t.createUser(w.admin.token, 'counsellor', w.enterpriseA);
    const { worker, id } = await conversation();
    const other = await conversation(colleague);
    const streams = await Promise.all([w.counsellorA, worker, other.worker, colleague, w.supervisor].map((u) => SseClient.connect(t.url, u.token)));
    const [counsellor, self, otherWorker, otherCounsellor, supervisor] = streams;
    type Push = { topic: string; change: string; id: string; data: Record<string, unknown> };
    const next = async (stream: SseClient, match: (p: Push) => boolean) =>
      JSON.parse((await stream.next((e) => e.type === 'push' && match(JSON.parse(e.data) as Push))).data) as Push;
    const about = (stream: SseClient, conversationId: string) => stream.pushes<Push>().filter((p) => p.topic === 'online_conversation' && p.id === conversationId);
    try {
      await workerSends(worker, id, '推送测试：今天送单被投诉了').expect(201);
      for (const stream of [counsellor, self]) {
        expect(await next(stream, (p) => p.id === id && p.change === 'message')).toEqual({ topic: 'online_conversation', change: 'message', id, data: { seq: 1 }, sentAt: expect.any(Number) as number });
        expect(stream.raw).not.toContain('送单');
      }
      // The counsellor reads it: the worker's open thread hears the receipt (and shows 已读).
      await staffReads(w.counsellorA, id).expect(200);
      expect((await next(self, (p) => p.id === id && p.change === 'read')).data).toEqual({ side: 'counsellor', seq: 1 });
      await t.http().post(`/api/v1/online-counselling/conversations/${id}/close`).set(...bearer(w.counsellorA)).expect(200);
      await next(self, (p) => p.id === id && p.change === 'changed');

      // The other conversation's participants hear their own; by then they would have heard the first, had it been sent.
      await workerSends(other.worker, other.id, '另一段会话').expect(201);
      await next(otherWorker, (p) => p.id === other.id);
      await next(otherCounsellor, (p) => p.id === other.id);
      expect(about(otherWorker, id)).toEqual([]);
      expect(about(otherCounsellor, id)).toEqual([]);
      expect(about(self, other.id)).toEqual([]);
      // Nor does the supervisor of the unit, who may read the conversation but is not in it.
      expect(supervisor.pushes<Push>().filter((p) => p.topic === 'online_conversation')).toEqual([]);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('answers outside office hours with the help lines and 我现在就有危险, once until the counsellor writes again', async () => {
    const { worker, id } = await conversation(w.counsellorB, w.enterpriseB);
    await officeHours(w.counsellorB, []);
    const sent = (await workerSends(worker, id, '晚上睡不着').expect(201)).body.messages as Message[];
    expect(sent.map((m) => m.sender)).toEqual(['worker', 'system']);
    expect(sent[1].body).toContain('12351');
    expect(sent[1].body).toContain('12356');
    expect(sent[1].body).toContain('我现在就有危险');
    expect(sent[1].body).toContain('Automatic reply');
    expect(((await workerSends(worker, id, '还是睡不着').expect(201)).body.messages as Message[]).map((m) => m.sender)).toEqual(['worker']);
    await staffSends(w.counsellorB, id, '明早联系你').expect(201);
    expect(((await workerSends(worker, id, '好的').expect(201)).body.messages as Message[]).map((m) => m.sender)).toEqual(['worker', 'system']);
    const view = (await t.http().get('/api/v1/online-counselling/office-hours').set(...bearer(w.counsellorB)).expect(200)).body;
    expect(view).toMatchObject({ windows: [], isDefault: false, inOfficeNow: false, timeZone: 'Asia/Shanghai' });
    const bad = await t.http().put('/api/v1/online-counselling/office-hours').set(...bearer(w.counsellorB)).send({ windows: [{ weekday: 1, from: '18:00', to: '09:00' }] }).expect(400);
    expect(bad.body.code).toBe('OFFICE_HOURS_INVALID');
  });

  it('flags crisis language for the counsellor (never shown to the worker) and opens a crisis case from the message through 点', async () => {
    const { worker, id } = await conversation();
    const sent = (await workerSends(worker, id, '我最近真的 不想活 了').expect(201)).body.messages as Message[];
    expect(sent[0]).not.toHaveProperty('crisisFlag');
    expect(await notificationKinds(t, w.counsellorA)).toContain('online_counselling.risk_alert');
    const list = (await t.http().get('/api/v1/online-counselling/conversations').set(...bearer(w.counsellorA)).expect(200)).body as Array<Record<string, unknown>>;
    expect(list.find((c) => c.id === id)).toMatchObject({ openCrisisFlags: 1 });
    const flagged = ((await staffReads(w.counsellorA, id).expect(200)).body.messages as Message[])[0];
    expect(flagged).toMatchObject({ crisisFlag: true, crisisCaseRequestedAt: null });

    // Only the conversation's counsellor opens a case from it; outside scope it does not exist.
    await t.http().post(`/api/v1/online-counselling/messages/${flagged.id}/crisis-case`).set(...bearer(w.counsellorB)).send({ level: 'urgent' }).expect(404);
    expect((await t.http().post(`/api/v1/online-counselling/messages/${flagged.id}/crisis-case`).set(...bearer(w.supervisor)).send({ level: 'urgent' }).expect(403)).body.code).toBe('NOT_CONVERSATION_COUNSELLOR');
    await t.http().post(`/api/v1/online-counselling/messages/${flagged.id}/crisis-case`).set(...bearer(w.counsellorA)).send({ level: 'severe' }).expect(400);
    const asked = await t.http().post(`/api/v1/online-counselling/messages/${flagged.id}/crisis-case`).set(...bearer(w.counsellorA)).send({ level: 'urgent' }).expect(202);
    expect(asked.body).toMatchObject({ messageId: flagged.id, created: true });
    const again = await t.http().post(`/api/v1/online-counselling/messages/${flagged.id}/crisis-case`).set(...bearer(w.counsellorA)).send({ level: 'urgent' }).expect(202);
    expect(again.body.created).toBe(false);
    await t.runJobs();
    await t.runJobs();
    const cases = await t.sql<{ source_type: string; source_id: string; level: string; assignee_id: string }>('SELECT source_type, source_id, level, assignee_id FROM crisis_cases WHERE worker_id = $1', [worker.workerId]);
    expect(cases).toEqual([{ source_type: 'online_counselling', source_id: flagged.id, level: 'urgent', assignee_id: w.counsellorA.id }]);
    const after = (await t.http().get('/api/v1/online-counselling/conversations').set(...bearer(w.counsellorA)).expect(200)).body as Array<Record<string, unknown>>;
    expect(after.find((c) => c.id === id)).toMatchObject({ openCrisisFlags: 0 });
  });

  it('keeps conversations in scope: 404 outside it, supervisors of the subtree read but only the counsellor writes', async () => {
    const { worker, id } = await conversation();
    await workerSends(worker, id, '你好').expect(201);
    const other = await consentingWorker();
    await staffReads(w.counsellorB, id).expect(404);
    await staffSends(w.counsellorB, id, '你好').expect(404);
    await workerReads(other, id).expect(404);
    await workerSends(other, id, '你好').expect(404);
    await staffReads(w.official, id).expect(403);
    await t.http().get(`/api/v1/me/online-counselling/conversations/${id}/messages`).set(...bearer(w.counsellorA)).expect(403);
    const supervised = await staffReads(w.supervisor, id).expect(200);
    expect(supervised.body.messages).toHaveLength(1);
    // A supervisor's reading leaves the counsellor's read receipt alone.
    expect(((await workerReads(worker, id).expect(200)).body.messages as Message[])[0].readByRecipient).toBe(false);
    expect((await staffSends(w.supervisor, id, '督导来看看').expect(403)).body.code).toBe('NOT_CONVERSATION_COUNSELLOR');
    // Opening needs a worker in scope.
    const inB = await consentingWorker(w.enterpriseB);
    await t.http().post('/api/v1/online-counselling/conversations').set(...bearer(w.counsellorA)).send({ workerId: inB.workerId }).expect(404);
  });

  it('needs the worker’s counselling consent to open and to write; refuses empty and oversized messages', async () => {
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    const refused = await t.http().post('/api/v1/online-counselling/conversations').set(...bearer(w.counsellorA)).send({ workerId: worker.workerId }).expect(403);
    expect(refused.body.code).toBe('CONSENT_REQUIRED_COUNSELLING');
    await grantConsent(t, worker);
    const id = (await t.http().post('/api/v1/online-counselling/conversations').set(...bearer(w.counsellorA)).send({ workerId: worker.workerId }).expect(201)).body.id as string;
    // Opening again answers the same open conversation.
    expect((await t.http().post('/api/v1/online-counselling/conversations').set(...bearer(w.counsellorA)).send({ workerId: worker.workerId }).expect(201)).body.id).toBe(id);
    expect((await workerSends(worker, id, '   ').expect(400)).body.code).toBe('MESSAGE_EMPTY');
    await workerSends(worker, id, '长'.repeat(2001)).expect(400);
    await workerSends(worker, id, '长'.repeat(2000)).expect(201);
    await withdrawConsent(t, worker);
    expect((await workerSends(worker, id, '还在吗').expect(403)).body.code).toBe('CONSENT_REQUIRED_COUNSELLING');
    expect((await staffSends(w.counsellorA, id, '在的').expect(403)).body.code).toBe('CONSENT_REQUIRED_COUNSELLING');
    // A video room link: https only, the counsellor's own conversation.
    await t.http().put(`/api/v1/online-counselling/conversations/${id}/video-link`).set(...bearer(w.counsellorA)).send({ videoUrl: 'http://meet.example.cn/r/1' }).expect(400);
    const linked = await t.http().put(`/api/v1/online-counselling/conversations/${id}/video-link`).set(...bearer(w.counsellorA)).send({ videoUrl: 'https://meet.example.cn/r/1' }).expect(200);
    expect(linked.body.videoUrl).toBe('https://meet.example.cn/r/1');
    const closed = await t.http().post(`/api/v1/online-counselling/conversations/${id}/close`).set(...bearer(w.counsellorA)).expect(200);
    expect(closed.body.status).toBe('closed');
  });

  it('puts the messages in the worker’s record and data copy, and erases them with the worker', async () => {
    const { worker, id } = await conversation(w.counsellorB, w.enterpriseB);
    await workerSends(worker, id, '谢谢你上次的建议').expect(201);
    const mine = (await t.http().get('/api/v1/me/record').set(...bearer(worker)).expect(200)).body;
    expect(mine.onlineCounselling).toHaveLength(1);
    expect(mine.onlineCounselling[0].messages.map((m: Message) => m.body)).toContain('谢谢你上次的建议');
    const staffRecord = (await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.counsellorB)).expect(200)).body;
    expect(staffRecord.onlineCounselling[0]).toMatchObject({ conversationId: id, crisisFlags: 0 });
    const recordAudit = await t.sql<{ detail: unknown }>("SELECT detail FROM audit_events WHERE worker_id = $1 AND action = 'record.read'", [worker.workerId]);
    expect(JSON.stringify(recordAudit.map((r) => r.detail))).toContain(id);

    const bundle = (await t.http().get('/api/v1/me/export').set(...bearer(worker)).expect(200)).body as { entry: Array<{ resource: Record<string, unknown> }> };
    const communications = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Communication');
    expect(communications.map((c) => (c.payload as Array<{ contentString: string }>)[0].contentString)).toContain('谢谢你上次的建议');
    const html = await t.http().get('/api/v1/me/export').query({ format: 'html' }).set(...bearer(worker)).expect(200);
    expect(html.text).toContain('线上心理疏导');

    const request = await t.http().post('/api/v1/me/deletion-requests').set(...bearer(worker)).send({}).expect(201);
    await t.http().post(`/api/v1/rights-requests/${request.body.id}/approve`).set(...bearer(w.counsellorB)).expect(200);
    expect(await t.sql('SELECT id FROM online_messages WHERE worker_id = $1', [worker.workerId])).toEqual([]);
    expect(await t.sql('SELECT id FROM online_conversations WHERE worker_id = $1', [worker.workerId])).toEqual([]);
  });
});
