import { randomInt } from 'node:crypto';
import otplib from 'otplib';
import { SmsSink } from '../../scripts/lib/sms-sink.js';
import { signSmsBody } from '../../src/platform/sms/sms-signature.js';
import { bearer, TestApp, type TestUser } from '../support/test-app.js';

const KEY = 'sink-key';
const SECRET = 'sink-secret-that-signs-both-ways';
const mobile = () => `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
const consents = { assessment: true, counselling: true, research: false };

describe('智慧工会: SMS codes, phone sign-in and self-join (issue #20)', () => {
  let app: TestApp;
  let sink: SmsSink;
  let world: Awaited<ReturnType<TestApp['world']>>;
  let unitAdmin: TestUser;

  beforeAll(async () => {
    sink = new SmsSink({ key: KEY, secret: SECRET });
    const sinkUrl = await sink.start();
    app = await TestApp.start({
      SMS_GATEWAY_URL: `${sinkUrl}/send`,
      SMS_GATEWAY_KEY: KEY,
      SMS_GATEWAY_SECRET: SECRET,
      SMS_CODE_IP_HOURLY_LIMIT: '40',
      PUBLIC_URL: 'https://xingang.example',
    });
    sink.receiptsUrl = `${app.url}/api/v1/sms/receipts`;
    world = await app.world();
    unitAdmin = await app.createUser(world.admin.token, 'admin', world.enterpriseA);
  });

  afterAll(async () => {
    await app?.close();
    await sink?.stop();
  });

  /** Asks for a code and lets the job queue text it to the sink. */
  async function codeFor(path: string, phone: string): Promise<string> {
    await app.http().post(path).send({ phone }).expect(202);
    await app.runJobs();
    // The gateway gets the number as Xingang stores it: 11 digits, whatever the form typed.
    const code = sink.latestCode(phone.replace(/\D/g, '').slice(-11));
    expect(code).toMatch(/^\d{6}$/);
    return code!;
  }

  async function newLink(admin: TestUser = unitAdmin, orgUnitId = world.enterpriseA): Promise<{ id: string; token: string }> {
    const response = await app.http().post('/api/v1/join-links').set(...bearer(admin)).send({ orgUnitId, label: '配送站海报' }).expect(201);
    const body = response.body as { id: string; url: string };
    expect(body.url).toMatch(/^https:\/\/xingang\.example\/join\/[A-Za-z0-9_-]{20,}$/);
    return { id: body.id, token: body.url.split('/').at(-1)! };
  }

  async function join(token: string, phone: string, extra: Record<string, unknown> = {}) {
    const code = await codeFor(`/api/v1/join/${token}/sms-code`, phone);
    return app.http().post(`/api/v1/join/${token}`).send({ phone, code, name: '骑手小王', occupationGroup: 'delivery_rider', employer: '某外卖平台 城东站', consents, ...extra });
  }

  describe('self-join from a link', () => {
    it('a rider joins with a verified number: a profile, an account that works at once, consents, and a pending request in the unit queue', async () => {
      const link = await newLink();
      const described = await app.http().get(`/api/v1/join/${link.token}`).expect(200);
      expect((described.body as { purposes: { purpose: string }[] }).purposes.map((p) => p.purpose)).toEqual(['assessment', 'counselling', 'research']);

      const phone = mobile();
      const joined = await join(link.token, `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
      expect(joined.status).toBe(201);
      const body = joined.body as { accessToken: string; workerId: string; membership: string; linkedToRoster: boolean };
      expect(body).toMatchObject({ membership: 'pending', linkedToRoster: false });

      // Self-help works at once: the worker reads their own profile and consents.
      const me = await app.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${body.accessToken}`).expect(200);
      expect((me.body as { role: string; workerId: string }).workerId).toBe(body.workerId);
      const stored = await app.sql<{ phone: string; phone_hash: string; occupation_group: string }>('SELECT phone, phone_hash, occupation_group FROM workers WHERE id = $1', [body.workerId]);
      expect(stored[0].phone).toMatch(/^enc:v1:/);
      expect(stored[0].phone_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored[0].occupation_group).toBe('delivery_rider');
      const granted = await app.sql<{ purpose: string }>('SELECT purpose FROM consents WHERE worker_id = $1 AND granted = TRUE ORDER BY purpose', [body.workerId]);
      expect(granted.map((g) => g.purpose)).toEqual(['assessment', 'counselling']);

      const queue = await app.http().get('/api/v1/join-requests?status=pending').set(...bearer(unitAdmin)).expect(200);
      const mine = (queue.body as { id: string; workerId: string; phone: string; occupationGroup: string }[]).find((r) => r.workerId === body.workerId)!;
      expect(mine.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      expect(mine.occupationGroup).toBe('delivery_rider');

      // Confirm: membership moves, the worker is told, a second decision is refused.
      await app.http().post(`/api/v1/join-requests/${mine.id}/confirm`).set(...bearer(unitAdmin)).expect(200);
      expect((await app.sql<{ membership: string }>('SELECT membership FROM workers WHERE id = $1', [body.workerId]))[0].membership).toBe('member');
      const again = await app.http().post(`/api/v1/join-requests/${mine.id}/decline`).set(...bearer(unitAdmin)).send({ reason: '重复' }).expect(409);
      expect((again.body as { code: string }).code).toBe('ILLEGAL_TRANSITION');
    });

    it('never two profiles for one number: a number on the roster links to that profile, and the same number joining twice signs in', async () => {
      const phone = mobile();
      const rostered = await app.createWorker(world.admin.token, world.enterpriseB, { name: '张师傅', phone });
      const link = await newLink();
      const first = await join(link.token, phone, { name: '张三' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ workerId: rostered, linkedToRoster: true, membership: 'member' });
      await app.advanceClock(61_000);
      const second = await join(link.token, phone);
      expect(second.status).toBe(201);
      expect((second.body as { workerId: string }).workerId).toBe(rostered);
      const profiles = await app.sql<{ n: number }>('SELECT COUNT(*) AS n FROM workers WHERE phone_hash = (SELECT phone_hash FROM workers WHERE id = $1)', [rostered]);
      expect(Number(profiles[0].n)).toBe(1);
      const accounts = await app.sql<{ n: number }>('SELECT COUNT(*) AS n FROM users WHERE worker_id = $1', [rostered]);
      expect(Number(accounts[0].n)).toBe(1);
    });

    it('an employee number alone never hands over a roster profile: it is flagged for staff instead', async () => {
      const rostered = await app.createWorker(world.admin.token, world.enterpriseA, { name: '李工', employeeNo: 'E-7788' });
      const link = await newLink();
      const joined = await join(link.token, mobile(), { employeeNo: 'E-7788', occupationGroup: 'employee' });
      expect(joined.status).toBe(201);
      expect((joined.body as { workerId: string }).workerId).not.toBe(rostered);
      const queue = await app.http().get('/api/v1/join-requests?status=pending').set(...bearer(unitAdmin)).expect(200);
      const flagged = (queue.body as { workerId: string; possibleDuplicateOf: { workerId: string; name: string } | null }[]).find(
        (r) => r.workerId === (joined.body as { workerId: string }).workerId,
      )!;
      expect(flagged.possibleDuplicateOf).toEqual({ workerId: rostered, name: '李工' });
    });

    it('a revoked link stops at once; unknown links are 404; admins outside the unit see neither the link nor its requests', async () => {
      const link = await newLink();
      const outsider = await app.createUser(world.admin.token, 'admin', world.enterpriseB);
      await app.http().post(`/api/v1/join-links/${link.id}/revoke`).set(...bearer(outsider)).expect(404);
      const listed = await app.http().get('/api/v1/join-links').set(...bearer(outsider)).expect(200);
      expect((listed.body as { id: string }[]).some((l) => l.id === link.id)).toBe(false);
      await app.http().post(`/api/v1/join-links/${link.id}/revoke`).set(...bearer(unitAdmin)).expect(200);
      expect((await app.http().get(`/api/v1/join/${link.token}`).expect(410)).body).toMatchObject({ code: 'JOIN_LINK_REVOKED' });
      await app.http().post(`/api/v1/join/${link.token}/sms-code`).send({ phone: mobile() }).expect(410);
      await app.http().get('/api/v1/join/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
      const pending = await app.http().get('/api/v1/join-requests').set(...bearer(outsider)).expect(200);
      expect((pending.body as { orgUnitId: string }[]).every((r) => r.orgUnitId === world.enterpriseB)).toBe(true);
    });

    it('prints a poster (PDF) and a QR code (PNG); a worker or counsellor may not', async () => {
      const link = await newLink();
      const pdf = await app.http().get(`/api/v1/join-links/${link.id}/poster.pdf`).set(...bearer(unitAdmin)).buffer(true).expect(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      const png = await app.http().get(`/api/v1/join-links/${link.id}/qr.png`).set(...bearer(unitAdmin)).buffer(true).expect(200);
      expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
      await app.http().get(`/api/v1/join-links/${link.id}/poster.pdf`).set(...bearer(world.counsellorA)).expect(403);
    });

    it('refuses bad input by name: a blank name, an unknown group, a landline, missing consents', async () => {
      const link = await newLink();
      const phone = mobile();
      const code = await codeFor(`/api/v1/join/${link.token}/sms-code`, phone);
      const base = { phone, code, name: '王', occupationGroup: 'courier', consents };
      for (const bad of [{ name: '   ' }, { occupationGroup: 'astronaut' }, { consents: undefined }, { phone: '010-12345678' }]) {
        const response = await app.http().post(`/api/v1/join/${link.token}`).send({ ...base, ...bad });
        expect(response.status).toBe(400);
      }
      await app.http().post(`/api/v1/join/${link.token}/sms-code`).send({ phone: '010-12345678' }).expect(400);
      // The code survived the refusals (they failed before it was checked) and still works once.
      await app.http().post(`/api/v1/join/${link.token}`).send(base).expect(201);
      await app.http().post(`/api/v1/join/${link.token}`).send(base).expect(400);
    });
  });

  describe('codes and sign-in by phone', () => {
    let phone: string;

    beforeAll(async () => {
      phone = mobile();
      const link = await newLink();
      expect((await join(link.token, phone)).status).toBe(201);
      await app.advanceClock(61_000);
    });

    it('signs a worker in with a code; the code is single use, hashed at rest, and the message is delivered (receipt)', async () => {
      const code = await codeFor('/api/v1/auth/sms-code', phone);
      const signedIn = await app.http().post('/api/v1/auth/sms-login').send({ phone, code }).expect(200);
      expect((signedIn.body as { accessToken: string }).accessToken).toBeTruthy();
      const reuse = await app.http().post('/api/v1/auth/sms-login').send({ phone, code }).expect(400);
      expect((reuse.body as { code: string }).code).toBe('SMS_CODE_INVALID');
      const stored = await app.sql<{ code_hash: string }>('SELECT code_hash FROM sms_codes');
      expect(stored.every((row) => row.code_hash.length === 64 && !row.code_hash.includes(code))).toBe(true);
      const texts = await app.sql<{ body: string; phone: string }>('SELECT body, phone FROM sms_messages');
      expect(texts.every((t) => t.body.startsWith('enc:v1:') && t.phone.startsWith('enc:v1:'))).toBe(true);
      // The sink posted a signed receipt back: the message reads delivered.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const admin = await app.http().get('/api/v1/sms/messages').set(...bearer(world.admin)).expect(200);
      expect((admin.body as { status: string }[]).some((m) => m.status === 'delivered')).toBe(true);
      expect(JSON.stringify(admin.body)).not.toContain(code);
    });

    it('a code expires, and five wrong tries void it', async () => {
      await app.advanceClock(61_000);
      const code = await codeFor('/api/v1/auth/sms-code', phone);
      await app.advanceClock(301_000);
      await app.http().post('/api/v1/auth/sms-login').send({ phone, code }).expect(400);

      const fresh = await codeFor('/api/v1/auth/sms-code', phone);
      const wrong = fresh === '000000' ? '000001' : '000000';
      for (let i = 0; i < 5; i++) await app.http().post('/api/v1/auth/sms-login').send({ phone, code: wrong }).expect(400);
      await app.http().post('/api/v1/auth/sms-login').send({ phone, code: fresh }).expect(400);
    });

    it('one code per number per minute (429 with Retry-After); a number with no account gets the same answer and no text', async () => {
      await app.advanceClock(61_000);
      await app.http().post('/api/v1/auth/sms-code').send({ phone }).expect(202);
      const again = await app.http().post('/api/v1/auth/sms-code').send({ phone }).expect(429);
      expect((again.body as { code: string }).code).toBe('SMS_CODE_COOLDOWN');
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);

      const stranger = mobile();
      const answer = await app.http().post('/api/v1/auth/sms-code').send({ phone: stranger }).expect(202);
      expect(answer.body).toMatchObject({ accepted: true });
      await app.runJobs();
      expect(sink.to(stranger)).toHaveLength(0);
    });

    it('a flood from one address reaches few numbers (per-IP ceiling), and one number gets few texts (per-number limit)', async () => {
      await app.advanceClock(3_600_000);
      const flood = await TestApp.start({ SMS_GATEWAY_URL: `${sink.url}/send`, SMS_GATEWAY_KEY: KEY, SMS_GATEWAY_SECRET: SECRET, SMS_CODE_IP_HOURLY_LIMIT: '8', SMS_NUMBER_HOURLY_LIMIT: '3', SMS_CODE_COOLDOWN_SECONDS: '10' });
      try {
        const one = mobile();
        const admin = await flood.admin();
        await flood.createWorkerUser(admin.token, admin.orgUnitId, { phone: one });
        const perNumber: number[] = [];
        for (let i = 0; i < 4; i++) {
          const response = await flood.http().post('/api/v1/auth/sms-code').send({ phone: one });
          perNumber.push(response.status);
          if (response.status === 429) expect((response.body as { code: string }).code).toBe('SMS_NUMBER_LIMIT');
          await flood.advanceClock(11_000);
        }
        expect(perNumber).toEqual([202, 202, 202, 429]);
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) statuses.push((await flood.http().post('/api/v1/auth/sms-code').send({ phone: mobile() })).status);
        expect(statuses.filter((s) => s === 202)).toHaveLength(4);
        expect(statuses.slice(4).every((s) => s === 429)).toBe(true);
      } finally {
        await flood.close();
      }
    });
  });

  describe('SMS as a notification channel', () => {
    it('a desk-style notice goes by SMS with no clinical words; a TD reply opts the number out; switching SMS on again opts back in', async () => {
      const phone = mobile();
      const worker = await app.createWorkerUser(world.admin.token, world.enterpriseA, { phone });
      const prefs = await app.http().get('/api/v1/me/notification-preferences').set(...bearer(worker)).expect(200);
      expect(prefs.body).toMatchObject({ inApp: true, sms: true, smsAvailable: true, smsOptedOut: false });

      // A password change notice is not an SMS kind; a counselling reminder is (SMS_NOTIFICATION_KINDS).
      const before = sink.to(phone).length;
      await app.http().post('/api/v1/test/notify').send({ userId: worker.id, kind: 'counselling.reminder' }).expect(201);
      await app.runJobs();
      const texts = sink.to(phone).slice(before);
      expect(texts).toHaveLength(1);
      expect(texts[0].text).toBe('【心港】您有一项预约即将开始，请登录心港查看时间与方式。回复TD退订');

      const body = JSON.stringify({ from: `+86${phone}`, text: 'TD' });
      const ts = Math.floor(Date.now() / 1000);
      await app.http().post('/api/v1/sms/inbound').set('content-type', 'application/json').set('x-sms-timestamp', String(ts)).set('x-sms-signature', signSmsBody('wrong', ts, body)).send(body).expect(401);
      const reply = await app.http().post('/api/v1/sms/inbound').set('content-type', 'application/json').set('x-sms-timestamp', String(ts)).set('x-sms-signature', signSmsBody(SECRET, ts, body)).send(body).expect(200);
      expect(reply.body).toEqual({ optedOut: true });
      await app.http().post('/api/v1/test/notify').send({ userId: worker.id, kind: 'counselling.reminder' }).expect(201);
      await app.runJobs();
      expect(sink.to(phone).slice(before)).toHaveLength(1);
      const refused = await app.sql<{ reason: string }>("SELECT reason FROM sms_messages WHERE status = 'refused' AND user_id = $1", [worker.id]);
      expect(refused.map((r) => r.reason)).toEqual(['opted_out']);

      const on = await app.http().put('/api/v1/me/notification-preferences').set(...bearer(worker)).send({ sms: true }).expect(200);
      expect(on.body).toMatchObject({ smsOptedOut: false });
      await app.http().put('/api/v1/me/notification-preferences').set(...bearer(worker)).send({ sms: false }).expect(200);
      await app.http().post('/api/v1/test/notify').send({ userId: worker.id, kind: 'counselling.reminder' }).expect(201);
      await app.runJobs();
      expect(sink.to(phone).slice(before)).toHaveLength(1);
      // Staff give their own number for alerts; a worker cannot set one here (theirs is on the profile).
      await app.http().put('/api/v1/me/notification-preferences').set(...bearer(worker)).send({ staffMobile: mobile() }).expect(400);
      const staff = await app.http().put('/api/v1/me/notification-preferences').set(...bearer(world.counsellorA)).send({ staffMobile: '138 0013 8000' }).expect(200);
      expect(staff.body).toMatchObject({ staffMobile: '138****8000', smsAvailable: true });
    });

    it('a gateway outage is retried, and the gateway sees one message (our id dedupes the retry)', async () => {
      const phone = mobile();
      const worker = await app.createWorkerUser(world.admin.token, world.enterpriseA, { phone });
      sink.failNext = { count: 1, status: 503 };
      await app.http().post('/api/v1/test/notify').send({ userId: worker.id, kind: 'desk.request_replied' }).expect(201);
      await app.runJobs();
      expect(sink.to(phone)).toHaveLength(0);
      await app.advanceClock(60_000);
      await app.runJobs();
      expect(sink.to(phone)).toHaveLength(1);
      expect(sink.to(phone)[0].text).toBe('【心港】您有一条心港消息，请登录查看。回复TD退订');
    });
  });
  describe('staff two-factor (TOTP)', () => {
    /** A code for the app's own (manual) clock. */
    async function totpAt(secret: string, offsetSteps = 0): Promise<string> {
      const now = await app.advanceClock(0);
      return otplib.authenticator.clone({ epoch: now.getTime() + offsetSteps * 30_000 }).generate(secret);
    }

    async function enrol(user: TestUser): Promise<string> {
      const token = await app.http().post('/api/v1/auth/totp/setup-token').set(...bearer(user)).expect(200);
      const setupToken = (token.body as { setupToken: string }).setupToken;
      const setup = await app.http().post('/api/v1/auth/totp/setup').send({ setupToken }).expect(200);
      const { secret, otpauthUrl, qrDataUrl } = setup.body as { secret: string; otpauthUrl: string; qrDataUrl: string };
      expect(otpauthUrl).toContain(`secret=${secret}`);
      expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
      await app.http().post('/api/v1/auth/totp/enable').send({ setupToken, code: '000000' === (await totpAt(secret)) ? '111111' : '000000' }).expect(400);
      await app.http().post('/api/v1/auth/totp/enable').send({ setupToken, code: await totpAt(secret) }).expect(200);
      return secret;
    }

    it('with TOTP on, a password alone is not enough; a right code signs in once; the same code is refused after; a wrong one counts as a failure', async () => {
      const counsellor = await app.createUser(world.admin.token, 'counsellor', world.enterpriseA);
      const secret = await enrol(counsellor);
      await app.advanceClock(30_000);
      const missing = await app.http().post('/api/v1/auth/login').send({ username: counsellor.username, password: 'Test-Password-1' }).expect(401);
      expect((missing.body as { code: string }).code).toBe('TOTP_REQUIRED');
      const code = await totpAt(secret);
      await app.http().post('/api/v1/auth/login').send({ username: counsellor.username, password: 'Test-Password-1', totpCode: code }).expect(200);
      const replay = await app.http().post('/api/v1/auth/login').send({ username: counsellor.username, password: 'Test-Password-1', totpCode: code }).expect(401);
      expect((replay.body as { code: string }).code).toBe('TOTP_INVALID');
      const failures = await app.sql<{ failed_logins: number; totp_secret: string }>('SELECT failed_logins, totp_secret FROM users WHERE id = $1', [counsellor.id]);
      expect(Number(failures[0].failed_logins)).toBe(1);
      expect(failures[0].totp_secret).toMatch(/^enc:v1:/);
      // A worker has nothing to set up: they sign in by SMS.
      const worker = await app.createWorkerUser(world.admin.token, world.enterpriseA);
      await app.http().post('/api/v1/auth/totp/setup-token').set(...bearer(worker)).expect(403);
    });

    it('STAFF_2FA=required: an admin without TOTP is sent to set it up, and may not turn it off afterwards', async () => {
      const admin = await app.createUser(world.admin.token, 'admin', world.city);
      const counsellor = await app.createUser(world.admin.token, 'counsellor', world.city);
      await app.restart({ STAFF_2FA: 'required' });
      const stopped = await app.http().post('/api/v1/auth/login').send({ username: admin.username, password: 'Test-Password-1' }).expect(401);
      const body = stopped.body as { code: string; setupToken: string };
      expect(body.code).toBe('TOTP_SETUP_REQUIRED');
      // Counsellors are not bound by the policy.
      await app.http().post('/api/v1/auth/login').send({ username: counsellor.username, password: 'Test-Password-1' }).expect(200);
      const setup = await app.http().post('/api/v1/auth/totp/setup').send({ setupToken: body.setupToken }).expect(200);
      const secret = (setup.body as { secret: string }).secret;
      await app.http().post('/api/v1/auth/totp/enable').send({ setupToken: body.setupToken, code: await totpAt(secret) }).expect(200);
      await app.advanceClock(30_000);
      const signedIn = await app.http().post('/api/v1/auth/login').send({ username: admin.username, password: 'Test-Password-1', totpCode: await totpAt(secret) }).expect(200);
      const token = (signedIn.body as { accessToken: string }).accessToken;
      await app.advanceClock(30_000);
      const off = await app.http().post('/api/v1/auth/totp/disable').set('Authorization', `Bearer ${token}`).send({ code: await totpAt(secret) }).expect(409);
      expect((off.body as { code: string }).code).toBe('TOTP_REQUIRED_BY_POLICY');
      // A set-up token is no access token.
      await app.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${body.setupToken}`).expect(401);
    });
  });
});
