import { bearer, TestApp, type TestUser } from '../support/test-app.js';
import { act, askOnline, view, type World } from './support.js';

describe('service desk: forwarding (网上快速转办)', () => {
  let t: TestApp;
  let w: World;
  let worker: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
  });
  afterAll(() => t.close());

  it('a returned forward comes back to the sender with its reason', async () => {
    const request = await askOnline(t, worker, { category: 'rights_dismissal', summary: '被无故辞退' });
    const forwarded = await act(t, w.counsellorA, request.id, 'forward', { toUnitId: w.enterpriseB, instructions: '请协助核实解除合同情况', dueAt: '2026-11-30T09:00:00Z' });
    expect(forwarded).toMatchObject({ status: 'forwarded', handlingUnitId: w.enterpriseB });
    // In the receiving unit's queue.
    const queueB = (await t.http().get('/api/v1/desk/requests').set(...bearer(w.counsellorB)).expect(200)).body as { items: Array<{ id: string; status: string }> };
    expect(queueB.items).toContainEqual(expect.objectContaining({ id: request.id, status: 'forwarded' }));
    // Only the receiving unit decides; the sender cannot accept its own forward.
    expect((await act(t, w.counsellorA, request.id, 'forward/accept', {}, 403)).code).toBe('NOT_RECEIVING_UNIT');
    await act(t, w.counsellorB, request.id, 'forward/return', { reason: '该职工不属本单位，应由企业A工会办理' });
    const back = await view(t, w.counsellorA, request.id);
    expect(back).toMatchObject({ status: 'in_progress', handlingUnitId: w.enterpriseA });
    const returned = back.trail.find((e) => e.kind === 'forward_returned');
    expect(returned).toMatchObject({ text: '该职工不属本单位，应由企业A工会办理', fromUnitId: w.enterpriseB, toUnitId: w.enterpriseA });
    expect(back.forwards).toEqual([expect.objectContaining({ status: 'returned', returnReason: '该职工不属本单位，应由企业A工会办理' })]);
    // The worker sees the step, never the reason or the instructions.
    const mine = (await t.http().get(`/api/v1/me/requests/${request.id}`).set(...bearer(worker)).expect(200)).body as unknown;
    expect(JSON.stringify(mine)).not.toContain('不属本单位');
    expect(JSON.stringify(mine)).not.toContain('核实');
    // The sender was told.
    const inbox = (await t.http().get('/api/v1/me/notifications').set(...bearer(w.counsellorA)).expect(200)).body as { items: Array<{ kind: string }> };
    expect(inbox.items.map((n) => n.kind)).toContain('desk.forward_returned');
  });

  it('an accepted forward is the receiving unit’s to resolve by its deadline; the sender can follow but not act', async () => {
    const request = await askOnline(t, worker, { category: 'workplace_conflict' });
    await act(t, w.counsellorA, request.id, 'forward', { toUnitId: w.enterpriseB, instructions: '请跟进调解' });
    const accepted = await act(t, w.counsellorB, request.id, 'forward/accept');
    expect(accepted.status).toBe('in_progress');
    expect((await act(t, w.counsellorA, request.id, 'replies', { text: 'x' }, 403)).code).toBe('NOT_HANDLING_UNIT');
    await view(t, w.counsellorA, request.id); // the sender still follows it
    await act(t, w.counsellorB, request.id, 'replies', { text: '已与双方沟通，安排调解。' });
    await act(t, w.counsellorB, request.id, 'resolve', { resolution: '调解成功。' });
    const done = await view(t, w.counsellorA, request.id);
    expect(done.trail.map((e) => e.kind)).toEqual(['received', 'routed', 'forwarded', 'forward_accepted', 'replied', 'resolved']);
  });

  it('refuses a forward to the same unit, a past deadline, and forwarding what is not pending', async () => {
    const request = await askOnline(t, worker);
    expect((await act(t, w.counsellorA, request.id, 'forward', { toUnitId: w.enterpriseA, instructions: 'x' }, 400)).code).toBe('FORWARD_SAME_UNIT');
    expect((await act(t, w.counsellorA, request.id, 'forward', { toUnitId: w.enterpriseB, instructions: 'x', dueAt: '2020-01-01T00:00:00Z' }, 400)).code).toBe('FORWARD_DUE_IN_PAST');
    expect((await act(t, w.counsellorA, request.id, 'forward/return', { reason: 'x' }, 409)).code).toBe('NO_PENDING_FORWARD');
  });
});
