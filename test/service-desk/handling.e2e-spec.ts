import { bearer, TestApp, type TestUser } from '../support/test-app.js';
import { act, askOnline, view, type World } from './support.js';

const DAY = 86_400_000;

describe('service desk: replies, resolution, rating, reopening (有诉必回)', () => {
  let t: TestApp;
  let w: World;
  let worker: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
  });
  afterAll(() => t.close());

  const mine = async (id: string) =>
    (await t.http().get(`/api/v1/me/requests/${id}`).set(...bearer(worker)).expect(200)).body as {
      status: string;
      resolution: string | null;
      canRate: boolean;
      reopenUntil: string | null;
      updates: Array<{ kind: string; text: string | null }>;
    };

  it('refuses to close or resolve a request the worker was never replied to (409)', async () => {
    const request = await askOnline(t, worker);
    await act(t, w.counsellorA, request.id, 'acknowledge');
    const refused = await act(t, w.counsellorA, request.id, 'close', { resolution: '已处理' }, 409);
    expect(refused.code).toBe('REPLY_REQUIRED');
    expect((await act(t, w.counsellorA, request.id, 'resolve', { resolution: '已处理' }, 409)).code).toBe('REPLY_REQUIRED');
    expect((await view(t, w.counsellorA, request.id)).status).toBe('in_progress');
    // Illegal moves name the allowed ones.
    const twice = await act(t, w.counsellorA, request.id, 'acknowledge', {}, 409);
    expect(twice.code).toBe('ILLEGAL_TRANSITION');
  });

  it('shows the worker replies and the resolution, never internal notes', async () => {
    const request = await askOnline(t, worker);
    await act(t, w.counsellorA, request.id, 'notes', { text: '内部：疑似长期失眠，建议转介' });
    const replied = await act(t, w.counsellorA, request.id, 'replies', { text: '您好，我们已收到，会在今天下午致电您。' });
    expect(replied.status).toBe('in_progress'); // a reply to a new request acknowledges it
    const seen = await mine(request.id);
    expect(seen.updates.map((u) => u.kind)).toEqual(['received', 'acknowledged', 'replied']);
    expect(JSON.stringify(seen)).toContain('会在今天下午致电您');
    expect(JSON.stringify(seen)).not.toContain('内部');
    // Staff see everything.
    expect((await view(t, w.counsellorA, request.id)).trail.find((e) => e.kind === 'note')?.text).toContain('内部');
  });

  it('resolves, takes the worker’s rating (which closes it), and lets the worker reopen within the period only', async () => {
    const request = await askOnline(t, worker);
    await act(t, w.counsellorA, request.id, 'replies', { text: '已约您周四下午面谈。' });
    await act(t, w.counsellorA, request.id, 'resolve', { resolution: '已面谈并安排后续团体辅导。' });
    let seen = await mine(request.id);
    expect(seen).toMatchObject({ status: 'resolved', resolution: '已面谈并安排后续团体辅导。', canRate: true });
    await t.http().post(`/api/v1/me/requests/${request.id}/feedback`).set(...bearer(worker)).send({ satisfaction: 6 }).expect(400);
    const rated = (await t.http().post(`/api/v1/me/requests/${request.id}/feedback`).set(...bearer(worker)).send({ satisfaction: 4, comment: '很及时' }).expect(200)).body as { status: string; satisfaction: number; reopenUntil: string };
    expect(rated).toMatchObject({ status: 'closed', satisfaction: 4 });
    expect(rated.reopenUntil).toBeTruthy();
    await t.http().post(`/api/v1/me/requests/${request.id}/feedback`).set(...bearer(worker)).send({ satisfaction: 5 }).expect(409);
    await t.advanceClock(3 * DAY);
    const reopened = (await t.http().post(`/api/v1/me/requests/${request.id}/reopen`).set(...bearer(worker)).send({ reason: '问题又出现了' }).expect(200)).body as { status: string };
    expect(reopened.status).toBe('in_progress');
    const staff = await view(t, w.counsellorA, request.id);
    expect(staff.replyDueAt).toBeTruthy(); // a reply is owed again
    // Settle it again, then let the period run out.
    await act(t, w.counsellorA, request.id, 'replies', { text: '再次约谈。' });
    await act(t, w.counsellorA, request.id, 'close', {}, 400); // reopened: the old resolution no longer stands
    await act(t, w.counsellorA, request.id, 'close', { resolution: '再次约谈后已解决。' });
    await t.advanceClock(7 * DAY + 1000);
    seen = await mine(request.id);
    expect(seen.reopenUntil).toBeNull();
    const late = (await t.http().post(`/api/v1/me/requests/${request.id}/reopen`).set(...bearer(worker)).send({ reason: '还是不行' }).expect(409)).body as { code: string };
    expect(late.code).toBe('REOPEN_PERIOD_OVER');
  });

  it('closes a 12351 call settled on the phone, with the caller’s rating', async () => {
    const call = (await t
      .http()
      .post('/api/v1/desk/requests')
      .set(...bearer(w.counsellorA))
      .send({ channel: 'hotline_12351', category: 'family', urgency: 'normal', summary: '家庭矛盾', initialReply: '已给出沟通建议' })
      .expect(201)).body as { id: string };
    await act(t, w.counsellorA, call.id, 'close', {}, 400); // straight from in progress needs a resolution
    const closed = await act(t, w.counsellorA, call.id, 'close', { resolution: '电话中已疏导', satisfaction: 5 });
    expect(closed.status).toBe('closed');
    expect(closed.trail.map((e) => e.kind).slice(-3)).toEqual(['resolved', 'closed', 'rated']);
  });

  it('keeps a worker to their own requests', async () => {
    const request = await askOnline(t, worker);
    const other = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await t.http().post(`/api/v1/me/requests/${request.id}/reopen`).set(...bearer(other)).send({ reason: 'x' }).expect(404);
    const theirs = (await t.http().get('/api/v1/me/requests').set(...bearer(other)).expect(200)).body as unknown[];
    expect(theirs).toEqual([]);
  });
});
