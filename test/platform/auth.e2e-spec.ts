import { ADMIN_PASSWORD, PASSWORD, TestApp, bearer } from '../support/test-app.js';

describe('authentication and deny-by-default access', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('logs in with {accessToken, refreshToken, expiresIn}', async () => {
    const response = await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
  });

  it('refuses a wrong password and an unknown user alike (401 INVALID_CREDENTIALS)', async () => {
    const wrong = await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'nope-nope-nope' }).expect(401);
    const unknown = await t.http().post('/api/v1/auth/login').send({ username: 'ghost', password: 'nope-nope-nope' }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const admin = await t.admin();
    const user = await t.createUser(admin.token, 'counsellor', admin.orgUnitId);
    for (let i = 0; i < 3; i++) {
      await t.http().post('/api/v1/auth/login').send({ username: user.username, password: 'wrong-password-x' }).expect(401);
    }
    const locked = await t.http().post('/api/v1/auth/login').send({ username: user.username, password: PASSWORD }).expect(401);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    await t.advanceClock(16 * 60_000);
    await t.http().post('/api/v1/auth/login').send({ username: user.username, password: PASSWORD }).expect(200);
  });

  it('rotates refresh tokens; a replayed old token revokes the whole family', async () => {
    const first = (await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200)).body;
    const second = (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const replay = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(replay.body.code).toBe('INVALID_REFRESH_TOKEN');
    // the thief's replay also killed the legitimate newer token
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('logout revokes the refresh token', async () => {
    const tokens = (await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200)).body;
    await t.http().post('/api/v1/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
  });

  it('refuses an expired refresh token', async () => {
    const tokens = (await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200)).body;
    await t.advanceClock(15 * 24 * 3600_000);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
  });

  it('refuses forged, malformed and missing tokens with 401', async () => {
    await t.http().get('/api/v1/auth/me').expect(401);
    await t.http().get('/api/v1/auth/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
    const admin = await t.admin();
    const [header, payload] = admin.token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin', sub: 'x' })).toString('base64url');
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${header}.${forgedPayload}.AAAA`).expect(401);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${none}`).expect(401);
  });

  it('answers 401 on every non-public route of the OpenAPI document when no token is given', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    // Public on purpose: sign-in and its second factor, and a phone with a join link (issue #20) before it has any
    // account. The SMS gateway's receipts and replies stay in the probe: unsigned, they answer 401 like any route.
    const publicRoutes = new Set([
      '/api/v1/health', '/api/v1/health/live', '/api/v1/health/ready', '/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout',
      '/api/v1/auth/sms-code', '/api/v1/auth/sms-login', '/api/v1/auth/totp/setup', '/api/v1/auth/totp/enable',
      '/api/v1/join/{token}', '/api/v1/join/{token}/sms-code',
    ]);
    let probed = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (publicRoutes.has(path)) continue;
      for (const method of Object.keys(methods)) {
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await t.http()[method as 'get'](url);
        expect({ route: `${method.toUpperCase()} ${path}`, status: response.status }).toEqual({ route: `${method.toUpperCase()} ${path}`, status: 401 });
        probed++;
      }
    }
    expect(probed).toBeGreaterThan(10);
  });

  it('serves health and the OpenAPI document without a token', async () => {
    const health = await t.http().get('/api/v1/health').expect(200);
    expect(health.body.status).toBe('ok');
    await t.http().get('/api/docs-json').expect(200);
  });

  it('reports the signed-in account and its permissions', async () => {
    const admin = await t.admin();
    const me = await t.http().get('/api/v1/auth/me').set(...bearer(admin)).expect(200);
    expect(me.body).toMatchObject({ username: 'admin', role: 'admin' });
    expect(me.body.permissions).toContain('org_unit.manage');
  });

  it('sets security headers and answers malformed JSON with 400', async () => {
    const response = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username": ').expect(400);
    expect(response.body.code).toBe('MALFORMED_JSON');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
// Sign-in and refresh limits: test/platform/throttling.e2e-spec.ts
