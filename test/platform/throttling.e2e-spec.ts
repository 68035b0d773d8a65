import { PASSWORD, TestApp, bearer, type TestUser } from '../support/test-app.js';

const onPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');

/**
 * The limits of issue #16 item 8 with the shipped defaults except where named: sign-in per (IP, username) at
 * 3/min, refresh per token family at 5/min, and the per-IP ceiling of sign-ins and refreshes together. Everything
 * comes from one IP (127.0.0.1), as an office behind one NAT. On PostgreSQL the counts are shared: attempts
 * alternate between two instances.
 */
describe('sign-in and refresh limits', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;
  const limits = { LOGIN_THROTTLE_LIMIT: '3', LOGIN_MAX_FAILURES: '100', REFRESH_THROTTLE_LIMIT: '5', SESSION_IP_THROTTLE_LIMIT: '1200' };

  beforeAll(async () => {
    a = await TestApp.start(limits);
    b = onPostgres ? await a.sibling() : a;
    admin = await a.admin();
  }, 180_000);
  afterAll(async () => {
    if (b && b !== a) await b.stop();
    await a.close();
  });

  /** A staff account, not signed in yet (TestApp.createUser signs in, which would count against the limit). */
  let made = 0;
  const staffMember = async () => {
    const username = `staff-${process.pid}-${++made}`;
    await a.http().post('/api/v1/users').set(...bearer(admin)).send({ username, password: PASSWORD, role: 'counsellor', orgUnitId: admin.orgUnitId }).expect(201);
    return username;
  };
  const instance = (i: number) => (i % 2 === 0 ? a : b);
  const login = (i: number, username: string, password = PASSWORD) => instance(i).http().post('/api/v1/auth/login').send({ username, password });
  const refresh = (i: number, refreshToken: string) => instance(i).http().post('/api/v1/auth/refresh').send({ refreshToken });

  it('lets 30 staff sign in and refresh from one IP within a minute', async () => {
    const staff: string[] = [];
    for (let i = 0; i < 30; i++) staff.push(await staffMember());
    const signedIn = await Promise.all(staff.map((username, i) => login(i, username)));
    expect(signedIn.map((r) => r.status)).toEqual(staff.map(() => 200));
    const refreshed = await Promise.all(signedIn.map((r, i) => refresh(i + 1, (r.body as { refreshToken: string }).refreshToken)));
    expect(refreshed.map((r) => r.status)).toEqual(staff.map(() => 200));
  });

  it(`stops 5 wrong passwords for one account at 3/min${onPostgres ? ' across two instances' : ''}, with Retry-After; others still sign in`, async () => {
    const target = await staffMember();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await login(i, target, 'wrong-password-x'));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 429, 429]);
    const [refused] = answers.slice(3);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The right password is refused too while the limit holds (it counts attempts, not failures) …
    await login(5, target).expect(429);
    // … but a colleague at the same address is not affected.
    await login(6, await staffMember()).expect(200);
  });

  it('limits refresh per token family: one session refreshing too often is stopped, another from the same IP is not', async () => {
    const username = await staffMember();
    let token = (await login(0, username).expect(200)).body.refreshToken as string;
    const other = (await login(1, username).expect(200)).body.refreshToken as string;
    for (let i = 0; i < 5; i++) token = (await refresh(i, token).expect(200)).body.refreshToken as string;
    const refused = await refresh(5, token).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await refresh(6, other).expect(200);
  });

  it('answers 429 with Retry-After on the general API limit too', async () => {
    const { token } = await a.createUser(admin.token, 'counsellor', admin.orgUnitId);
    await a.restart({ API_THROTTLE_LIMIT: '2' }); // (the admin's own requests above are counted too)
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 3; i++) {
      const r = await a.http().get('/api/v1/auth/me').set(...bearer({ token }));
      statuses.push(r.status);
      retryAfter ??= r.headers['retry-after'];
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('keeps a per-IP ceiling over sign-ins and refreshes together (last: on PostgreSQL the block outlives a restart)', async () => {
    await a.restart({ SESSION_IP_THROTTLE_LIMIT: '3', API_THROTTLE_LIMIT: '100000' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await a.http().post('/api/v1/auth/login').send({ username: `nobody-${i}`, password: 'x-wrong-password' })).status);
    expect(statuses).toContain(429);
    const last = await a.http().post('/api/v1/auth/refresh').send({ refreshToken: 'not-a-token' });
    expect(last.status).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
  }, 120_000);
});
