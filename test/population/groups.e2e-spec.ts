import { HOUR } from '../../src/platform/clock/clock.js';
import { inHours, notificationKinds } from '../support/population.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';

const RULES = '1. 团体内容保密；2. 尊重每位成员；3. 不评判、不给建议，只分享自己的经历。';

describe('self-help groups (心理健康自助组织和团体建设)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  async function createGroup(capacity = 3, fields: Record<string, unknown> = {}): Promise<string> {
    const response = await t
      .http()
      .post('/api/v1/groups')
      .set(...bearer(w.counsellorA))
      .send({ name: '倒班职工互助小组', topic: 'shift_workers', rules: RULES, orgUnitId: w.enterpriseA, facilitatorId: w.counsellorA.id, capacity, ...fields })
      .expect(201);
    return response.body.id;
  }
  const join = (worker: TestUser, groupId: string, displayName: string, rulesVersion = 1) =>
    t.http().post(`/api/v1/me/groups/${groupId}/join`).set(...bearer(worker)).send({ displayName, acceptRules: true, rulesVersion });

  /** Member id of a worker, as the facilitator sees it. */
  async function memberIdOf(groupId: string, worker: TestUser): Promise<string> {
    const members = await t.http().get(`/api/v1/groups/${groupId}/members`).set(...bearer(w.counsellorA)).expect(200);
    return members.body.find((m: { workerId: string }) => m.workerId === worker.workerId).memberId;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  });
  afterAll(() => t.close());

  it('creates a group with a facilitator of the group’s unit or above, and refuses others', async () => {
    const created = await t
      .http()
      .post('/api/v1/groups')
      .set(...bearer(w.counsellorA))
      .send({ name: '新手父母小组', topic: 'new_parents', rules: RULES, orgUnitId: w.enterpriseA, facilitatorId: w.supervisor.id, capacity: 8 })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'open', rulesVersion: 1, facilitatorId: w.supervisor.id, topicLabel: '新手父母 / New parents', activeMembers: 0 });
    const sibling = await t
      .http()
      .post('/api/v1/groups')
      .set(...bearer(w.counsellorA))
      .send({ name: '小组', topic: 'other', rules: RULES, orgUnitId: w.enterpriseA, facilitatorId: w.counsellorB.id, capacity: 8 })
      .expect(400);
    expect(sibling.body.code).toBe('FACILITATOR_INVALID');
    await t
      .http()
      .post('/api/v1/groups')
      .set(...bearer(w.official))
      .send({ name: '小组', topic: 'other', rules: RULES, orgUnitId: w.enterpriseA, facilitatorId: w.counsellorA.id, capacity: 8 })
      .expect(403);
    await t.http().get(`/api/v1/groups/${created.body.id}`).set(...bearer(w.counsellorB)).expect(404);
  });

  describe('membership', () => {
    let groupId: string;
    let alice: TestUser;
    let bob: TestUser;
    let carol: TestUser;
    let dave: TestUser;

    beforeAll(async () => {
      groupId = await createGroup(3, { audience: { specialPosts: ['shift'] } });
      [alice, bob, carol, dave] = await Promise.all(
        ['李晓华', '王建国', '陈静', '周强'].map((name) => t.createWorkerUser(w.admin.token, w.enterpriseA, { name, specialPost: 'shift' })),
      );
    });

    it('lists the group for the workers it targets only', async () => {
      const forAlice = await t.http().get('/api/v1/me/groups/available').set(...bearer(alice)).expect(200);
      expect(forAlice.body.map((g: { id: string }) => g.id)).toContain(groupId);
      expect(forAlice.body[0]).not.toHaveProperty('facilitatorId');
      const dayWorker = await t.createWorkerUser(w.admin.token, w.enterpriseA, { specialPost: 'none' });
      const outsider = await t.createWorkerUser(w.admin.token, w.enterpriseB, { specialPost: 'shift' });
      expect((await t.http().get('/api/v1/me/groups/available').set(...bearer(dayWorker)).expect(200)).body.map((g: { id: string }) => g.id)).not.toContain(groupId);
      await join(outsider, groupId, '外单位的人').expect(404);
    });

    it('asks for the rules to be accepted and a display name that is not the real name', async () => {
      const notAccepted = await t.http().post(`/api/v1/me/groups/${groupId}/join`).set(...bearer(alice)).send({ displayName: '小太阳', acceptRules: false, rulesVersion: 1 }).expect(400);
      expect(notAccepted.body.code).toBe('VALIDATION_FAILED');
      const staleRules = await join(alice, groupId, '小太阳', 7).expect(409);
      expect(staleRules.body).toMatchObject({ code: 'RULES_CHANGED', rulesVersion: 1 });
      const realName = await join(alice, groupId, '李晓华').expect(400);
      expect(realName.body.code).toBe('DISPLAY_NAME_IS_REAL_NAME');
      const requested = await join(alice, groupId, '小太阳').expect(200);
      expect(requested.body.membership).toMatchObject({ status: 'requested', displayName: '小太阳', rulesVersionAccepted: 1 });
      expect(await notificationKinds(t, w.counsellorA)).toContain('group.join_request');
      const taken = await join(bob, groupId, '小太阳').expect(409);
      expect(taken.body.code).toBe('DISPLAY_NAME_TAKEN');
      await join(bob, groupId, '夜班老王').expect(200);
      await join(carol, groupId, '安静的猫').expect(200);
      await join(dave, groupId, '跑步的人').expect(200);
      const twice = await join(alice, groupId, '另一个名字').expect(409);
      expect(twice.body.code).toBe('ALREADY_MEMBER');
      // Before approval a member sees nobody.
      await t.http().get(`/api/v1/me/groups/${groupId}/members`).set(...bearer(alice)).expect(404);
    });

    it('lets the facilitator see the full list and approve within capacity', async () => {
      const full = await t.http().get(`/api/v1/groups/${groupId}/members`).set(...bearer(w.counsellorA)).expect(200);
      expect(full.body).toHaveLength(4);
      expect(full.body[0]).toMatchObject({ status: 'requested' });
      expect(full.body.map((m: { workerId: string }) => m.workerId)).toEqual(expect.arrayContaining([alice.workerId, bob.workerId]));
      for (const worker of [alice, bob, carol]) {
        await t.http().post(`/api/v1/groups/${groupId}/members/${await memberIdOf(groupId, worker)}/approve`).set(...bearer(w.counsellorA)).expect(200);
      }
      const overCapacity = await t.http().post(`/api/v1/groups/${groupId}/members/${await memberIdOf(groupId, dave)}/approve`).set(...bearer(w.counsellorA)).expect(409);
      expect(overCapacity.body.code).toBe('GROUP_FULL');
      await t.http().post(`/api/v1/groups/${groupId}/members/${await memberIdOf(groupId, dave)}/decline`).set(...bearer(w.counsellorA)).expect(200);
      expect(await notificationKinds(t, alice)).toContain('group.member_approve');
      expect(await notificationKinds(t, dave)).toContain('group.member_decline');
      // Counsellors in scope see the list too; a sibling union's does not.
      await t.http().get(`/api/v1/groups/${groupId}/members`).set(...bearer(w.supervisor)).expect(200);
      await t.http().get(`/api/v1/groups/${groupId}/members`).set(...bearer(w.counsellorB)).expect(404);
    });

    it('shows fellow members by display name only, and refuses a member reading another member’s profile', async () => {
      const fellows = await t.http().get(`/api/v1/me/groups/${groupId}/members`).set(...bearer(alice)).expect(200);
      expect(fellows.body).toEqual(
        expect.arrayContaining([
          { displayName: '小太阳', isMe: true },
          { displayName: '夜班老王', isMe: false },
          { displayName: '安静的猫', isMe: false },
        ]),
      );
      expect(fellows.body).toHaveLength(3);
      const text = JSON.stringify(fellows.body);
      for (const secret of [bob.workerId!, carol.workerId!, '王建国', '陈静', w.enterpriseA]) expect(text).not.toContain(secret);

      const bobMemberId = await memberIdOf(groupId, bob);
      await t.http().get(`/api/v1/groups/${groupId}/members/${bobMemberId}`).set(...bearer(alice)).expect(403);
      await t.http().get(`/api/v1/groups/${groupId}/members`).set(...bearer(alice)).expect(403);
      await t.http().get(`/api/v1/workers/${bob.workerId}`).set(...bearer(alice)).expect(403);
      await t.http().get(`/api/v1/me/groups/${groupId}/members/${bobMemberId}`).set(...bearer(alice)).expect(404);
      // A declined worker does not see the members either.
      await t.http().get(`/api/v1/me/groups/${groupId}/members`).set(...bearer(dave)).expect(404);
    });

    it('bumps the rules version when the rules change; members accept the new version', async () => {
      const updated = await t.http().patch(`/api/v1/groups/${groupId}`).set(...bearer(w.counsellorA)).send({ rules: `${RULES}4. 准时参加。` }).expect(200);
      expect(updated.body.rulesVersion).toBe(2);
      const stale = await t.http().post(`/api/v1/me/groups/${groupId}/accept-rules`).set(...bearer(alice)).send({ rulesVersion: 1 }).expect(409);
      expect(stale.body.code).toBe('RULES_CHANGED');
      const accepted = await t.http().post(`/api/v1/me/groups/${groupId}/accept-rules`).set(...bearer(alice)).send({ rulesVersion: 2 }).expect(200);
      expect(accepted.body.membership.rulesVersionAccepted).toBe(2);
      const below = await t.http().patch(`/api/v1/groups/${groupId}`).set(...bearer(w.counsellorA)).send({ capacity: 2 }).expect(409);
      expect(below.body.code).toBe('CAPACITY_BELOW_MEMBERS');
    });

    it('holds meetings with attendance, visible to members as their own attendance only', async () => {
      const early = await t
        .http()
        .post(`/api/v1/groups/${groupId}/meetings`)
        .set(...bearer(w.counsellorA))
        .send({ startsAt: await inHours(t, 24), endsAt: await inHours(t, 25.5), place: '工会活动室', topic: '倒班后的睡眠' })
        .expect(201);
      expect(await notificationKinds(t, bob)).toContain('group.meeting_scheduled');
      const meetingId = early.body.id;
      const tooSoon = await t
        .http()
        .put(`/api/v1/groups/${groupId}/meetings/${meetingId}/attendance`)
        .set(...bearer(w.counsellorA))
        .send({ records: [{ memberId: await memberIdOf(groupId, alice), status: 'present' }] })
        .expect(409);
      expect(tooSoon.body.code).toBe('MEETING_NOT_STARTED');
      await t.advanceClock(24 * HOUR + 10 * 60_000);
      const records = [
        { memberId: await memberIdOf(groupId, alice), status: 'present' },
        { memberId: await memberIdOf(groupId, bob), status: 'absent' },
      ];
      await t.http().put(`/api/v1/groups/${groupId}/meetings/${meetingId}/attendance`).set(...bearer(w.counsellorA)).send({ records }).expect(200);
      const notMember = await t
        .http()
        .put(`/api/v1/groups/${groupId}/meetings/${meetingId}/attendance`)
        .set(...bearer(w.counsellorA))
        .send({ records: [{ memberId: await memberIdOf(groupId, dave), status: 'present' }] })
        .expect(400);
      expect(notMember.body.code).toBe('NOT_GROUP_MEMBERS');
      const list = await t.http().get(`/api/v1/groups/${groupId}/meetings`).set(...bearer(w.counsellorA)).expect(200);
      expect(list.body[0].attendance).toEqual({ present: 1, absent: 1, excused: 0 });
      const mine = await t.http().get(`/api/v1/me/groups/${groupId}/meetings`).set(...bearer(alice)).expect(200);
      expect(mine.body).toEqual([expect.objectContaining({ id: meetingId, myAttendance: 'present', topic: '倒班后的睡眠' })]);
      expect(JSON.stringify(mine.body)).not.toContain(bob.workerId!);

      const history = await t.http().get(`/api/v1/groups/workers/${alice.workerId}/history`).set(...bearer(w.counsellorA)).expect(200);
      expect(history.body).toEqual([expect.objectContaining({ groupId, displayName: '小太阳', status: 'active', meetingsAttended: 1 })]);
      await t.http().get(`/api/v1/groups/workers/${alice.workerId}/history`).set(...bearer(w.counsellorB)).expect(404);
    });

    it('lets a member leave, after which they no longer see the members', async () => {
      const left = await t.http().post(`/api/v1/me/groups/${groupId}/leave`).set(...bearer(carol)).expect(200);
      expect(left.body.membership.status).toBe('left');
      await t.http().get(`/api/v1/me/groups/${groupId}/members`).set(...bearer(carol)).expect(404);
      const fellows = await t.http().get(`/api/v1/me/groups/${groupId}/members`).set(...bearer(alice)).expect(200);
      expect(fellows.body.map((m: { displayName: string }) => m.displayName)).not.toContain('安静的猫');
      const mine = await t.http().get('/api/v1/me/groups').set(...bearer(carol)).expect(200);
      expect(mine.body).toEqual([expect.objectContaining({ id: groupId, membership: expect.objectContaining({ status: 'left' }) })]);
    });
  });
});
