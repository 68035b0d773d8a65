import { PASSWORD, TestApp, bearer } from '../support/test-app.js';

describe('users and roles', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  });
  afterAll(() => t.close());

  it('creates a user of each role; a worker account is tied to its worker profile', async () => {
    const workerId = await t.createWorker(w.admin.token, w.enterpriseA);
    const response = await t
      .http()
      .post('/api/v1/users')
      .set(...bearer(w.admin))
      .send({ username: 'wang.fang', password: PASSWORD, role: 'worker', orgUnitId: w.enterpriseA, workerId })
      .expect(201);
    expect(response.body).toMatchObject({ role: 'worker', workerId, orgUnitId: w.enterpriseA });
  });

  it('refuses a worker account without a workerId and a staff account with one (400)', async () => {
    const noWorker = await t.http().post('/api/v1/users').set(...bearer(w.admin)).send({ username: 'w-none', password: PASSWORD, role: 'worker', orgUnitId: w.enterpriseA }).expect(400);
    expect(noWorker.body.code).toBe('WORKER_ID_REQUIRED');
    const workerId = await t.createWorker(w.admin.token, w.enterpriseA);
    const staff = await t.http().post('/api/v1/users').set(...bearer(w.admin)).send({ username: 'c-with', password: PASSWORD, role: 'counsellor', orgUnitId: w.enterpriseA, workerId }).expect(400);
    expect(staff.body.code).toBe('WORKER_ID_NOT_ALLOWED');
  });

  it('refuses a taken username (409) and an unknown role (400)', async () => {
    const taken = await t.http().post('/api/v1/users').set(...bearer(w.admin)).send({ username: w.counsellorA.username, password: PASSWORD, role: 'counsellor', orgUnitId: w.enterpriseA }).expect(409);
    expect(taken.body.code).toBe('USERNAME_TAKEN');
    await t.http().post('/api/v1/users').set(...bearer(w.admin)).send({ username: 'x-role', password: PASSWORD, role: 'superuser', orgUnitId: w.enterpriseA }).expect(400);
  });

  it('refuses user management to counsellors and officials (403)', async () => {
    for (const actor of [w.counsellorA, w.official, w.supervisor]) {
      await t.http().post('/api/v1/users').set(...bearer(actor)).send({ username: 'nope-user', password: PASSWORD, role: 'counsellor', orgUnitId: w.enterpriseA }).expect(403);
    }
  });

  it('deactivating a user ends their sessions: their unexpired access token is refused, they cannot sign in or refresh', async () => {
    const user = await t.createUser(w.admin.token, 'counsellor', w.enterpriseA);
    const session = (await t.http().post('/api/v1/auth/login').send({ username: user.username, password: PASSWORD }).expect(200)).body;
    await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${session.accessToken}`).expect(200);
    await t.http().patch(`/api/v1/users/${user.id}`).set(...bearer(w.admin)).send({ active: false }).expect(200);
    await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${session.accessToken}`).expect(401);
    await t.http().post('/api/v1/auth/login').send({ username: user.username, password: PASSWORD }).expect(401);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('tells a new user in their inbox, and marks it read', async () => {
    const user = await t.createUser(w.admin.token, 'counsellor', w.enterpriseA);
    const inbox = await t.http().get('/api/v1/me/notifications').set(...bearer(user)).expect(200);
    expect(inbox.body.unreadCount).toBe(1);
    const [item] = inbox.body.items;
    expect(item.kind).toBe('account.created');
    await t.http().post(`/api/v1/me/notifications/${item.id}/read`).set(...bearer(user)).expect(200);
    expect((await t.http().get('/api/v1/me/notifications').set(...bearer(user)).expect(200)).body.unreadCount).toBe(0);
    // another user's notification id is not found, not revealed
    await t.http().post(`/api/v1/me/notifications/${item.id}/read`).set(...bearer(w.counsellorB)).expect(404);
  });

  it("changes a staff account's role and unit, ending its sessions so the next sign-in carries them", async () => {
    const user = await t.createUser(w.admin.token, 'counsellor', w.enterpriseA);
    const session = (await t.http().post('/api/v1/auth/login').send({ username: user.username, password: PASSWORD }).expect(200)).body;
    const changed = await t.http().patch(`/api/v1/users/${user.id}`).set(...bearer(w.admin)).send({ role: 'supervisor', orgUnitId: w.city }).expect(200);
    expect(changed.body).toEqual(expect.objectContaining({ role: 'supervisor', orgUnitId: w.city }));
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${await t.login(user.username)}`).expect(200);
    expect(me.body).toEqual(expect.objectContaining({ role: 'supervisor', orgUnitId: w.city }));
  });

  it("refuses a role change of a worker account, of one's own account, to worker, and a unit outside scope", async () => {
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    const fixed = await t.http().patch(`/api/v1/users/${worker.id}`).set(...bearer(w.admin)).send({ orgUnitId: w.enterpriseB }).expect(400);
    expect(fixed.body.code).toBe('WORKER_ACCOUNT_FIXED');
    const local = await t.createUser(w.admin.token, 'admin', w.enterpriseA);
    const own = await t.http().patch(`/api/v1/users/${local.id}`).set(...bearer(local)).send({ role: 'counsellor' }).expect(409);
    expect(own.body.code).toBe('CANNOT_CHANGE_OWN_ROLE');
    const staff = await t.createUser(w.admin.token, 'counsellor', w.enterpriseA);
    await t.http().patch(`/api/v1/users/${staff.id}`).set(...bearer(w.admin)).send({ role: 'worker' }).expect(400);
    await t.http().patch(`/api/v1/users/${staff.id}`).set(...bearer(local)).send({ orgUnitId: w.enterpriseB }).expect(404);
    const unchanged = (await t.http().get('/api/v1/users').set(...bearer(w.admin)).expect(200)).body.find((u: { id: string }) => u.id === staff.id);
    expect(unchanged).toEqual(expect.objectContaining({ role: 'counsellor', orgUnitId: w.enterpriseA }));
  });
});
