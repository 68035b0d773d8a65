import { dialectOf } from '../../src/platform/database/dialect.js';
import { openCase } from '../individual/support.js';
import { SseClient } from '../support/sse.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';

const onPostgres = dialectOf(process.env.DATABASE_URL) === 'postgres';

interface Push {
  topic: string;
  change: string;
  id: string;
  data: Record<string, unknown>;
}

/**
 * Server push (`GET /api/v1/events`): staff get new and changed crisis cases and desk requests of their org subtree
 * and their own notifications, as ids and kinds only. On PostgreSQL a change made through one instance reaches a
 * browser connected to another (LISTEN/NOTIFY); on SQLite (one process) in-process after the commit. On SIGTERM the
 * streams end with a `retry:` hint so browsers reconnect elsewhere.
 */
describe('server push', () => {
  let a: TestApp;
  /** Where the browsers connect: another instance on PostgreSQL, the same one on SQLite. */
  let b: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let counsellorA2: TestUser;
  let worker: TestUser;
  const streams: SseClient[] = [];
  const connect = async (user: TestUser) => {
    const stream = await SseClient.connect(b.url, user.token);
    streams.push(stream);
    return stream;
  };
  const pushes = (stream: SseClient) => stream.pushes<Push>();
  const nextPush = async (stream: SseClient, match: (p: Push) => boolean) =>
    JSON.parse((await stream.next((e) => e.type === 'push' && match(JSON.parse(e.data) as Push))).data) as Push;

  beforeAll(async () => {
    a = await TestApp.start();
    b = onPostgres ? await a.sibling() : a;
    w = await a.world();
    counsellorA2 = await a.createUser(w.admin.token, 'counsellor', w.enterpriseA);
    worker = await a.createWorkerUser(w.admin.token, w.enterpriseA, { name: '推送测试职工' });
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    if (b !== a) await b.stop();
    await a.close();
  });

  it('refuses a stream without a valid token', async () => {
    expect((await SseClient.connect(b.url, null)).status).toBe(401);
    expect((await SseClient.connect(b.url, 'not-a-token')).status).toBe(401);
  });

  it('pushes a new crisis case to staff whose subtree holds the worker, ids and kinds only, and to nobody else', async () => {
    const [mine, colleague, supervisor, other, self] = await Promise.all([connect(w.counsellorA), connect(counsellorA2), connect(w.supervisor), connect(w.counsellorB), connect(worker)]);
    const reason = '来电称情绪崩溃，需要尽快联系（推送测试）';
    const opened = (await openCase(a, w.counsellorA, worker.workerId!, 'imminent', reason).expect(201)).body as { id: string };

    for (const stream of [mine, colleague, supervisor]) {
      expect(await nextPush(stream, (p) => p.id === opened.id)).toEqual({
        topic: 'crisis_case',
        change: 'opened',
        id: opened.id,
        data: { level: 'imminent', state: 'open', assigneeId: w.counsellorA.id },
        sentAt: expect.any(Number) as number,
      });
      expect(stream.raw).not.toContain('推送测试');
    }

    // A case in enterprise B reaches its counsellor; by then A's case would have arrived before it, had it been sent.
    const workerB = await a.createWorker(w.admin.token, w.enterpriseB);
    const openedB = (await openCase(a, w.counsellorB, workerB, 'concern').expect(201)).body as { id: string };
    await nextPush(other, (p) => p.id === openedB.id);
    await nextPush(supervisor, (p) => p.id === openedB.id);
    expect(pushes(other).map((p) => p.id)).not.toContain(opened.id);
    expect(pushes(mine).map((p) => p.id)).not.toContain(openedB.id);

    // The worker's stream carries their own notifications only, never a case.
    await a.http().post(`/api/v1/crisis-cases/${opened.id}/assign`).set(...bearer(w.supervisor)).send({ assigneeId: counsellorA2.id, reason: '换班' }).expect(200);
    const assigned = await nextPush(mine, (p) => p.id === opened.id && p.change === 'assigned');
    expect(assigned.data).toMatchObject({ assigneeId: counsellorA2.id });
    expect(pushes(self).filter((p) => p.topic === 'crisis_case')).toEqual([]);
  });

  it('pushes a notification to its recipient, and the inbox is marked read one by one or all at once', async () => {
    const stream = await connect(counsellorA2);
    const c = (await openCase(a, w.counsellorA, (await a.createWorker(w.admin.token, w.enterpriseA)), 'urgent').expect(201)).body as { id: string };
    await a.http().post(`/api/v1/crisis-cases/${c.id}/assign`).set(...bearer(w.counsellorA)).send({ assigneeId: counsellorA2.id }).expect(403); // supervisors reassign
    await a.http().post(`/api/v1/crisis-cases/${c.id}/assign`).set(...bearer(w.supervisor)).send({ assigneeId: counsellorA2.id }).expect(200);
    const pushed = await nextPush(stream, (p) => p.topic === 'notification' && p.change === 'created');
    expect(pushed.data).toEqual({ kind: expect.any(String) as string, link: `/crisis-cases/${c.id}` });
    expect(stream.raw).not.toContain('待您'); // no title or body on the wire

    const inbox = async () => (await a.http().get('/api/v1/me/notifications').set(...bearer(counsellorA2)).expect(200)).body as { items: Array<{ id: string; readAt: string | null }>; unreadCount: number };
    const before = await inbox();
    expect(before.unreadCount).toBeGreaterThanOrEqual(2); // this one and the assignment in the test before
    await a.http().post(`/api/v1/me/notifications/${before.items[0].id}/read`).set(...bearer(counsellorA2)).expect(200);
    expect(await nextPush(stream, (p) => p.topic === 'notification' && p.change === 'read')).toMatchObject({ id: before.items[0].id });
    expect((await inbox()).unreadCount).toBe(before.unreadCount - 1);

    const all = await a.http().post('/api/v1/me/notifications/read-all').set(...bearer(counsellorA2)).expect(200);
    expect(all.body).toEqual({ marked: before.unreadCount - 1 });
    expect((await inbox()).unreadCount).toBe(0);
    expect((await a.http().post('/api/v1/me/notifications/read-all').set(...bearer(counsellorA2)).expect(200)).body).toEqual({ marked: 0 });
    // Someone else's notification cannot be marked.
    await a.http().post(`/api/v1/me/notifications/${before.items[0].id}/read`).set(...bearer(w.counsellorA)).expect(404);
  });

  it('pushes a desk request’s steps to the desks that may see it', async () => {
    const [mine, other] = await Promise.all([connect(w.counsellorA), connect(w.counsellorB)]);
    const call = (await a
      .http()
      .post('/api/v1/desk/requests')
      .set(...bearer(w.counsellorA))
      .send({ channel: 'hotline_12351', category: 'family', urgency: 'normal', summary: '家庭矛盾（推送测试）' })
      .expect(201)).body as { id: string };
    const pushed = await nextPush(mine, (p) => p.topic === 'desk_request' && p.id === call.id);
    expect(pushed.data).toMatchObject({ urgency: 'normal', crisis: false });
    expect(mine.raw).not.toContain('推送测试');
    const callB = (await a.http().post('/api/v1/desk/requests').set(...bearer(w.counsellorB)).send({ channel: 'hotline_12351', category: 'family', urgency: 'normal', summary: '另一单位' }).expect(201)).body as { id: string };
    await nextPush(other, (p) => p.id === callB.id);
    expect(pushes(other).map((p) => p.id)).not.toContain(call.id);
  });

  it('ends every stream with a reconnect hint on SIGTERM', async () => {
    const stream = await connect(w.supervisor);
    await b.stop();
    await stream.closed();
    const bye = stream.events.find((e) => e.type === 'bye');
    expect(bye?.retry).toBeGreaterThan(0);
    expect(stream.raw).toMatch(/event: bye\n(id: \d+\n)?retry: \d+\n/);
  });
});
