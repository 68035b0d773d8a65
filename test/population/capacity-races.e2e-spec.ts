import { grantConsent, inHours, publishSlot } from '../support/population.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';

const RULES = '1. 团体内容保密；2. 尊重每位成员；3. 不评判、不给建议，只分享自己的经历。';

/**
 * Read-check-write across instances (issue 15): on PostgreSQL two app instances on one database take the requests
 * at the same moment, each check (a slot free, a seat left, a place in a group) is made under a row lock or a
 * unique index, and exactly one side wins. SQLite runs one instance, one write at a time: the same outcomes.
 */
describe('capacities under concurrent requests on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    a = await TestApp.start();
    b = a.databaseUrl.startsWith('postgres') ? await a.sibling() : a;
    w = await a.world();
  }, 120_000);
  afterAll(async () => {
    if (b !== a) await b.stop();
    await a.close();
  });

  const consenting = async (): Promise<TestUser> => {
    const worker = await a.createWorkerUser(w.admin.token, w.enterpriseA);
    await grantConsent(a, worker);
    return worker;
  };
  const book = (app: TestApp, worker: TestUser, slotId: string) =>
    app.http().post('/api/v1/me/counselling/appointments').set(...bearer(worker)).send({ slotId });

  it('books a counselling slot once when two workers take it on two instances', async () => {
    const slotId = await publishSlot(a, w.counsellorA, 30);
    const [first, second] = await Promise.all([consenting(), consenting()]);
    const answers = await Promise.all([book(a, first, slotId), book(b, second, slotId)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('SLOT_TAKEN');
    const held = await a.sql('SELECT id FROM counselling_appointments WHERE held_slot_id = $1', [slotId]);
    expect(held).toHaveLength(1);
  });

  it('never leaves an appointment on a slot withdrawn at the same moment it was booked', async () => {
    for (let round = 0; round < 3; round++) {
      const slotId = await publishSlot(a, w.counsellorA, 40 + round * 2);
      const worker = await consenting();
      const [booked, withdrawn] = await Promise.all([
        book(a, worker, slotId),
        b.http().post(`/api/v1/counselling/slots/${slotId}/withdraw`).set(...bearer(w.counsellorA)),
      ]);
      // Exactly one wins: booked and the withdrawal refused, or withdrawn and the booking refused.
      expect([booked.status, withdrawn.status].sort()).toEqual(booked.status === 201 ? [201, 409] : [200, 409]);
      if (booked.status === 201) expect(withdrawn.body.code).toBe('SLOT_BOOKED');
      else expect(booked.body.code).toBe('SLOT_WITHDRAWN');
      const [slot] = await a.sql<{ status: string }>('SELECT status FROM counselling_slots WHERE id = $1', [slotId]);
      const held = await a.sql('SELECT id FROM counselling_appointments WHERE held_slot_id = $1', [slotId]);
      expect(slot.status).toBe(booked.status === 201 ? 'open' : 'withdrawn');
      expect(held).toHaveLength(booked.status === 201 ? 1 : 0);
    }
  });

  it('refuses the second of two overlapping slots one counsellor publishes at once', async () => {
    const startsAt = await inHours(a, 60);
    const endsAt = await inHours(a, 61);
    const publish = (app: TestApp, place: string) =>
      app.http().post('/api/v1/counselling/slots').set(...bearer(w.counsellorB)).send({ startsAt, endsAt, mode: 'in_person', place });
    const answers = await Promise.all([publish(a, '302 室'), publish(b, '303 室')]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('SLOT_OVERLAP');
  });

  it('seats one of two workers registering for an event’s last seat on two instances; the other waits', async () => {
    const created = await a
      .http()
      .post('/api/v1/education/events')
      .set(...bearer(w.counsellorA))
      .send({ kind: 'lecture', title: '职场压力与情绪管理讲座', orgUnitId: w.enterpriseA, startsAt: await inHours(a, 48), endsAt: await inHours(a, 50), place: '工会大礼堂', capacity: 1, allowWaitlist: true })
      .expect(201);
    const [first, second] = await Promise.all([1, 2].map(() => a.createWorkerUser(w.admin.token, w.enterpriseA)));
    const register = (app: TestApp, worker: TestUser) => app.http().post(`/api/v1/me/events/${created.body.id}/register`).set(...bearer(worker));
    const answers = await Promise.all([register(a, first), register(b, second)]);
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(answers.map((r) => r.body.status).sort()).toEqual(['registered', 'waitlisted']);
    expect(answers.find((r) => r.body.status === 'waitlisted')!.body.waitlistPlace).toBe(1);
  });

  it('approves one of two requests for a group’s last place on two instances', async () => {
    const group = await a
      .http()
      .post('/api/v1/groups')
      .set(...bearer(w.counsellorA))
      .send({ name: '倒班职工互助小组', topic: 'shift_workers', rules: RULES, orgUnitId: w.enterpriseA, facilitatorId: w.counsellorA.id, capacity: 2 })
      .expect(201);
    const groupId = group.body.id as string;
    const workers = await Promise.all([1, 2, 3].map(() => a.createWorkerUser(w.admin.token, w.enterpriseA)));
    for (const [i, worker] of workers.entries()) {
      await a.http().post(`/api/v1/me/groups/${groupId}/join`).set(...bearer(worker)).send({ displayName: `夜班同事${i + 1}`, acceptRules: true, rulesVersion: 1 }).expect(200);
    }
    const members = (await a.http().get(`/api/v1/groups/${groupId}/members`).set(...bearer(w.counsellorA)).expect(200)).body as Array<{ memberId: string }>;
    const approve = (app: TestApp, memberId: string) => app.http().post(`/api/v1/groups/${groupId}/members/${memberId}/approve`).set(...bearer(w.counsellorA));
    await approve(a, members[0].memberId).expect(200); // one place left
    const answers = await Promise.all([approve(a, members[1].memberId), approve(b, members[2].memberId)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const active = await a.sql<{ n: number | string }>("SELECT COUNT(*) AS n FROM peer_group_members WHERE group_id = $1 AND status = 'active'", [groupId]);
    expect(Number(active[0].n)).toBe(2);
  });
});
