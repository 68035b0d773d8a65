import { createHash, randomUUID } from 'node:crypto';
import { ExampleVendor } from '../../examples/vendor/example-vendor.js';
import { headersFor } from '../../examples/vendor/standard-webhooks.js';
import { bearer, TestApp } from '../support/test-app.js';
import { consentingWorker, createContract, createVendor, dayFrom, draftReferral, eapWorld, issueKey, preview, sendReferral } from './support.js';

/**
 * Everything a vendor or a counsellor must not get through: forged, stale and replayed webhooks, another vendor's
 * referral, revoked and expired keys, keys on staff routes and tokens on vendor routes, referrals without consent,
 * without a contract, beyond quota, or not what was previewed. Each refusal with its status and code, and those that
 * must be on the record are logged.
 */
describe('EAP refusals', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof eapWorld>>;
  let vendor: ExampleVendor;
  let other: { id: string; key: string; vendor: ExampleVendor };
  let referral: { id: string; vendorRef: string };
  let appNow = 0;
  const syncClock = async (advanceMs = 0) => (appNow = (await t.advanceClock(advanceMs)).getTime());
  const inboundLog = (vendorId: string) =>
    t.sql<{ outcome: string; reason: string | null; webhook_id: string | null }>('SELECT outcome, reason, webhook_id FROM eap_inbound_webhooks WHERE vendor_id = $1 ORDER BY created_at', [vendorId]);

  beforeAll(async () => {
    t = await TestApp.start({ EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    world = await eapWorld(t, { sessionsPerWorker: 2, sessionsTotal: 3 });
    await syncClock();
    const { w } = world;
    const inboundSecret = (await t.http().post(`/api/v1/eap/vendors/${world.vendor.id}/inbound-secret/rotate`).set(...bearer(w.admin)).send({}).expect(200)).body.secret;
    vendor = new ExampleVendor({ xingangUrl: () => t.url, apiKey: world.apiKey.key, inboundSecret, vendorId: world.vendor.id, now: () => appNow });
    const otherVendor = await createVendor(t, w.admin);
    const otherKey = await issueKey(t, w.admin, otherVendor.id);
    const otherSecret = (await t.http().post(`/api/v1/eap/vendors/${otherVendor.id}/inbound-secret/rotate`).set(...bearer(w.admin)).send({}).expect(200)).body.secret;
    other = {
      id: otherVendor.id,
      key: otherKey.key,
      vendor: new ExampleVendor({ xingangUrl: () => t.url, apiKey: otherKey.key, inboundSecret: otherSecret, vendorId: otherVendor.id, now: () => appNow }),
    };
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, world.vendor.id);
    referral = (await sendReferral(t, w.counsellorA, worker.workerId, world.vendor.id)).referral;
    expect((await vendor.report(referral.vendorRef, { type: 'accepted' })).status).toBe(200);
  });
  afterAll(() => t.close());

  describe('signed webhooks from vendors', () => {
    it('accepts a correctly signed one', async () => {
      expect(await vendor.reportByWebhook(referral.vendorRef, { type: 'session_attended', sessionNumber: 1 }, { id: 'msg_first' })).toMatchObject({
        status: 200,
        body: { webhookId: 'msg_first', result: { status: 'attended', sessionsRecorded: 1 } },
      });
    });

    it('refuses a forged signature (401) and logs it', async () => {
      const forged = await vendor.reportByWebhook(referral.vendorRef, { type: 'completed' }, { id: 'msg_forged', secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}` });
      expect(forged).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
      // Signed by another vendor, sent as this one.
      const foreign = await other.vendor.reportByWebhook(referral.vendorRef, { type: 'completed' }, { id: 'msg_foreign' });
      expect(foreign.status).toBe(404); // the other vendor's own route: not its referral
      const body = JSON.stringify({ type: 'referral.completed', data: { referralId: referral.vendorRef } });
      const tampered = await t
        .http()
        .post(`/api/v1/vendor/webhooks/${world.vendor.id}`)
        .set({ ...headersFor('whsec_' + Buffer.alloc(32, 1).toString('base64'), body, { id: 'msg_tampered', timestamp: Math.floor(appNow / 1000) }), 'content-type': 'application/json' })
        .send(body)
        .expect(401);
      expect(tampered.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
      await t.http().post(`/api/v1/vendor/webhooks/${world.vendor.id}`).set('content-type', 'application/json').send(body).expect(401);
      expect(await inboundLog(world.vendor.id)).toEqual(
        expect.arrayContaining([
          { outcome: 'bad_signature', reason: 'WEBHOOK_SIGNATURE_INVALID', webhook_id: 'msg_forged' },
          { outcome: 'bad_signature', reason: 'WEBHOOK_SIGNATURE_INVALID', webhook_id: 'msg_tampered' },
          { outcome: 'bad_signature', reason: 'WEBHOOK_SIGNATURE_INVALID', webhook_id: null },
        ]),
      );
      expect((await vendor.referral(referral.vendorRef)).body).toMatchObject({ status: 'attended' });
    });

    it('refuses a timestamp more than five minutes old (401) and logs it', async () => {
      const stale = await vendor.reportByWebhook(referral.vendorRef, { type: 'completed' }, { id: 'msg_stale', timestamp: Math.floor(appNow / 1000) - 301 });
      expect(stale).toMatchObject({ status: 401, body: { code: 'WEBHOOK_TIMESTAMP_STALE' } });
      const future = await vendor.reportByWebhook(referral.vendorRef, { type: 'completed' }, { id: 'msg_future', timestamp: Math.floor(appNow / 1000) + 301 });
      expect(future).toMatchObject({ status: 401, body: { code: 'WEBHOOK_TIMESTAMP_STALE' } });
      expect(await inboundLog(world.vendor.id)).toEqual(
        expect.arrayContaining([
          { outcome: 'stale_timestamp', reason: 'WEBHOOK_TIMESTAMP_STALE', webhook_id: 'msg_stale' },
          { outcome: 'future_timestamp', reason: 'WEBHOOK_TIMESTAMP_STALE', webhook_id: 'msg_future' },
        ]),
      );
    });

    it('refuses a replayed webhook-id (409), however freshly re-signed, and logs it', async () => {
      const replay = await vendor.reportByWebhook(referral.vendorRef, { type: 'session_attended', sessionNumber: 2 }, { id: 'msg_first' });
      expect(replay).toMatchObject({ status: 409, body: { code: 'WEBHOOK_REPLAYED' } });
      expect((await vendor.referral(referral.vendorRef)).body).toMatchObject({ sessionsRecorded: 1 });
      expect(await inboundLog(world.vendor.id)).toEqual(expect.arrayContaining([{ outcome: 'replayed', reason: 'WEBHOOK_REPLAYED', webhook_id: 'msg_first' }]));
    });

    it('refuses a malformed event (400), logged, and an unknown vendor (401), not stored at all', async () => {
      const malformed = await vendor.reportByWebhook(referral.vendorRef, { type: 'teleported' as 'completed' }, { id: 'msg_malformed' });
      expect(malformed).toMatchObject({ status: 400, body: { code: 'WEBHOOK_MALFORMED' } });
      const unknown = '00000000-0000-4000-8000-000000000000';
      await t.http().post(`/api/v1/vendor/webhooks/${unknown}`).set('content-type', 'application/json').send('{}').expect(401);
      expect(await inboundLog(world.vendor.id)).toEqual(expect.arrayContaining([{ outcome: 'malformed', reason: 'WEBHOOK_MALFORMED', webhook_id: 'msg_malformed' }]));
      expect(await inboundLog(unknown)).toEqual([]);
    });

    it('stores no row per unauthenticated request: none for unknown vendors, ten a minute and then a count for a real one', async () => {
      const before = (await t.sql<{ n: number }>('SELECT COUNT(*) AS n FROM eap_inbound_webhooks'))[0].n;
      const flood = (vendorId: string) => t.http().post(`/api/v1/vendor/webhooks/${vendorId}`).set({ 'content-type': 'application/json', 'webhook-id': 'msg_flood', 'webhook-timestamp': String(Math.floor(appNow / 1000)), 'webhook-signature': 'v1,AAAA' }).send('{}').expect(401);
      for (let i = 0; i < 30; i++) await flood(randomUUID());
      expect(Number((await t.sql<{ n: number }>('SELECT COUNT(*) AS n FROM eap_inbound_webhooks'))[0].n)).toBe(Number(before));

      await syncClock(60_000); // a fresh minute for this vendor
      for (let i = 0; i < 25; i++) await flood(other.id);
      const floodRows = async () => (await inboundLog(other.id)).filter((row) => row.webhook_id === 'msg_flood' || row.outcome === 'suppressed');
      const logged = await floodRows();
      expect(logged).toHaveLength(10);
      expect(logged.every((row) => row.outcome === 'bad_signature')).toBe(true);
      await syncClock(60_000);
      await flood(other.id);
      const after = await floodRows();
      expect(after).toHaveLength(12);
      expect(after).toEqual(expect.arrayContaining([expect.objectContaining({ outcome: 'suppressed', reason: expect.stringMatching(/^15 refusals/) })]));
    });
  });

  describe('the vendor API', () => {
    it('answers 404 for another vendor’s referral id, whatever the route', async () => {
      expect((await other.vendor.referral(referral.vendorRef)).status).toBe(404);
      expect((await other.vendor.report(referral.vendorRef, { type: 'completed' })).status).toBe(404);
      expect((await other.vendor.reportByWebhook(referral.vendorRef, { type: 'completed' })).status).toBe(404);
      expect((await other.vendor.referrals()).body).toEqual([]);
      expect((await vendor.referral('ref_doesnotexist00000000')).status).toBe(404);
      expect((await vendor.referral(referral.id)).status).toBe(404); // the internal id means nothing to the API
    });

    it('refuses a revoked key (401) at once, and a rotated key after its grace period', async () => {
      const { w } = world;
      const spare = await issueKey(t, w.admin, world.vendor.id);
      const spareVendor = new ExampleVendor({ xingangUrl: () => t.url, apiKey: spare.key });
      expect((await spareVendor.referrals()).status).toBe(200);
      await t.http().post(`/api/v1/eap/vendors/${world.vendor.id}/api-keys/${spare.id}/revoke`).set(...bearer(w.admin)).expect(200);
      expect(await spareVendor.referrals()).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });

      const old = await issueKey(t, w.admin, world.vendor.id);
      const rotated = (await t.http().post(`/api/v1/eap/vendors/${world.vendor.id}/api-keys/${old.id}/rotate`).set(...bearer(w.admin)).send({ graceHours: 1 }).expect(201)).body;
      const oldClient = new ExampleVendor({ xingangUrl: () => t.url, apiKey: old.key });
      const newClient = new ExampleVendor({ xingangUrl: () => t.url, apiKey: rotated.key });
      expect((await oldClient.referrals()).status).toBe(200);
      expect((await newClient.referrals()).status).toBe(200);
      await syncClock(3600_000 + 1000);
      expect((await oldClient.referrals()).status).toBe(401);
      expect((await newClient.referrals()).status).toBe(200);
      const keys = (await t.http().get(`/api/v1/eap/vendors/${world.vendor.id}/api-keys`).set(...bearer(w.admin)).expect(200)).body as Array<{ id: string; state: string }>;
      expect(Object.fromEntries(keys.map((k) => [k.id, k.state]))).toMatchObject({ [spare.id]: 'revoked', [old.id]: 'expired', [rotated.id]: 'active' });
    });

    it('keeps only the key’s hash, and the key works as X-Api-Key too', async () => {
      const [row] = await t.sql<{ key_hash: string }>('SELECT key_hash FROM eap_api_keys WHERE id = $1', [world.apiKey.id]);
      expect(row.key_hash).toBe(createHash('sha256').update(world.apiKey.key).digest('hex'));
      const dump = JSON.stringify(await t.sql('SELECT * FROM eap_api_keys'));
      expect(dump).not.toContain(world.apiKey.key.slice(10, 30));
      await t.http().get('/api/v1/vendor/referrals').set('X-Api-Key', world.apiKey.key).expect(200);
      await t.http().get('/api/v1/vendor/referrals').set('X-Api-Key', 'xg_vendor_guess').expect(401);
      await t.http().get('/api/v1/vendor/referrals').set('Authorization', 'Bearer xg_vendor_guess').expect(401);
      await t.http().get('/api/v1/vendor/referrals').expect(401);
    });

    it('keeps vendors and staff apart: a key never reaches a staff route, a staff token never a vendor route', async () => {
      const { w } = world;
      for (const path of ['/api/v1/eap/referrals', `/api/v1/eap/referrals/${referral.id}`, '/api/v1/eap/vendors', '/api/v1/me/notifications', '/api/v1/org-units', `/api/v1/workers/${referral.id}`]) {
        const response = await t.http().get(path).set('Authorization', `Bearer ${world.apiKey.key}`);
        expect([path, response.status]).toEqual([path, 403]);
      }
      for (const user of [w.admin, w.counsellorA, w.supervisor, w.official]) {
        await t.http().get('/api/v1/vendor/referrals').set(...bearer(user)).expect(403);
        await t.http().post(`/api/v1/vendor/referrals/${referral.vendorRef}/outcomes`).set(...bearer(user)).send({ type: 'completed' }).expect(403);
      }
    });

    it('refuses reports that do not follow, and sessions without a number', async () => {
      expect(await vendor.report(referral.vendorRef, { type: 'declined' })).toMatchObject({ status: 409, body: { code: 'ILLEGAL_TRANSITION', from: 'attended' } });
      expect(await vendor.report(referral.vendorRef, { type: 'session_attended' })).toMatchObject({ status: 400, body: { code: 'SESSION_NUMBER_REQUIRED' } });
      expect(await vendor.report(referral.vendorRef, { type: 'session_attended', sessionNumber: 3, occurredAt: '2099-01-01T00:00:00Z' })).toMatchObject({
        status: 400,
        body: { code: 'OCCURRED_AT_INVALID' },
      });
    });

    it('records a session beyond the worker’s quota as not billable', async () => {
      expect(await vendor.report(referral.vendorRef, { type: 'session_attended', sessionNumber: 2 })).toMatchObject({ status: 200, body: { sessionsRemaining: 0, beyondQuota: false } });
      expect(await vendor.report(referral.vendorRef, { type: 'session_attended', sessionNumber: 3 })).toMatchObject({ status: 200, body: { sessionsRecorded: 3, beyondQuota: true } });
      // EAP staff read the exact figures; an administrator (no referral access) reads them withheld: one worker's sessions.
      const utilisation = (await t.http().get(`/api/v1/eap/contracts/${world.contract.id}/utilisation`).set(...bearer(world.w.supervisor)).expect(200)).body;
      expect(utilisation).toMatchObject({ exact: true, sessionsUsed: 2, sessionsBeyondQuota: 1, costCents: 60000 });
      const admins = (await t.http().get(`/api/v1/eap/contracts/${world.contract.id}/utilisation`).set(...bearer(world.w.admin)).expect(200)).body;
      expect(admins).toMatchObject({ exact: false, sessionsUsed: null, sessionsBeyondQuota: null, costCents: null, sessionsQuota: utilisation.sessionsQuota });
    });
  });

  describe('sending a referral', () => {
    it('needs the worker’s consent for that vendor (403), and the refusal stays on the audit record', async () => {
      const { w } = world;
      const workerId = await t.createWorker(w.admin.token, w.enterpriseA);
      const draft = await draftReferral(t, w.counsellorA, workerId, world.vendor.id);
      const shown = await preview(t, w.counsellorA, draft.id);
      expect(shown).toMatchObject({ consentGranted: false, canSend: false });
      const refused = await t.http().post(`/api/v1/eap/referrals/${draft.id}/send`).set(...bearer(w.counsellorA)).send({ previewSha256: shown.sha256 ?? '0'.repeat(64) }).expect(403);
      expect(refused.body).toMatchObject({ code: 'CONSENT_REQUIRED_EAP_REFERRAL', recipientId: world.vendor.id });
      // Consent for another vendor does not count.
      await t.http().post(`/api/v1/workers/${workerId}/consents`).set(...bearer(w.counsellorA)).send({ purpose: 'eap_referral', granted: true, recipientId: other.id, onPaper: true }).expect(201);
      await t.http().post(`/api/v1/eap/referrals/${draft.id}/send`).set(...bearer(w.counsellorA)).send({ previewSha256: shown.sha256 ?? '0'.repeat(64) }).expect(403);
      const audit = await t.sql<{ outcome: string; action: string }>("SELECT outcome, action FROM audit_events WHERE resource_id = $1 AND action = 'eap_referral.send'", [draft.id]);
      expect(audit).toEqual([
        { outcome: 'denied', action: 'eap_referral.send' },
        { outcome: 'denied', action: 'eap_referral.send' },
      ]);
      const [row] = await t.sql<{ status: string; shared_data: string | null }>('SELECT status, shared_data FROM eap_referrals WHERE id = $1', [draft.id]);
      expect(row).toEqual({ status: 'draft', shared_data: null });
      expect(await t.sql("SELECT id FROM eap_webhook_messages WHERE referral_id = $1", [draft.id])).toEqual([]);
    });

    it('refuses beyond quota (409 QUOTA_EXHAUSTED)', async () => {
      const { w } = world;
      // The same worker's referral used their two sessions (and one more): a second referral finds no quota left.
      const [{ worker_id: workerId }] = await t.sql<{ worker_id: string }>('SELECT worker_id FROM eap_referrals WHERE id = $1', [referral.id]);
      await vendor.report(referral.vendorRef, { type: 'completed' });
      const draft = await draftReferral(t, w.counsellorA, workerId, world.vendor.id);
      const shown = await preview(t, w.counsellorA, draft.id);
      expect(shown.coverage).toMatchObject({ ok: false, code: 'QUOTA_EXHAUSTED' });
      expect(shown.sha256).toBeNull();
      const refused = await t.http().post(`/api/v1/eap/referrals/${draft.id}/send`).set(...bearer(w.counsellorA)).send({ previewSha256: '0'.repeat(64) }).expect(409);
      expect(refused.body).toMatchObject({ code: 'QUOTA_EXHAUSTED', quota: 'per_worker' });
      // The contract's total (3) is used up too, for everybody.
      const fresh = await consentingWorker(t, w.admin, w.enterpriseB, world.vendor.id);
      const next = await draftReferral(t, w.counsellorB, fresh.workerId, world.vendor.id);
      expect((await preview(t, w.counsellorB, next.id)).coverage).toMatchObject({ ok: false, code: 'QUOTA_EXHAUSTED' });
    });

    it('names the contract problem: no contract, not active, service not covered (409)', async () => {
      const { w } = world;
      const now = await t.advanceClock(0);
      const otherWorker = await consentingWorker(t, w.admin, w.enterpriseA, other.id);
      const sendCode = async (overrides: Record<string, unknown> = {}) => {
        const draft = await draftReferral(t, w.counsellorA, otherWorker.workerId, other.id, overrides);
        const response = await t.http().post(`/api/v1/eap/referrals/${draft.id}/send`).set(...bearer(w.counsellorA)).send({ previewSha256: '0'.repeat(64) });
        return [response.status, response.body.code];
      };
      expect(await sendCode()).toEqual([409, 'NO_CONTRACT']);
      await createContract(t, w.admin, other.id, { orgUnitId: w.enterpriseA, startsOn: dayFrom(now, -400), endsOn: dayFrom(now, -35) });
      expect(await sendCode()).toEqual([409, 'CONTRACT_NOT_ACTIVE']);
      await createContract(t, w.admin, other.id, { orgUnitId: w.city, services: ['hotline'] });
      expect(await sendCode()).toEqual([409, 'SERVICE_NOT_COVERED']);
      expect(await sendCode({ service: 'hotline' })).toEqual([409, 'PREVIEW_STALE']);
    });

    it('sends only what was previewed (409 PREVIEW_STALE after an edit)', async () => {
      const { w } = world;
      const worker = await consentingWorker(t, w.admin, w.enterpriseB, other.id);
      const draft = await draftReferral(t, w.counsellorB, worker.workerId, other.id, { service: 'hotline' });
      const shown = await preview(t, w.counsellorB, draft.id);
      await t.http().patch(`/api/v1/eap/referrals/${draft.id}`).set(...bearer(w.counsellorB)).send({ summary: '改过的摘要 / an edited summary' }).expect(200);
      const stale = await t.http().post(`/api/v1/eap/referrals/${draft.id}/send`).set(...bearer(w.counsellorB)).send({ previewSha256: shown.sha256 }).expect(409);
      expect(stale.body.code).toBe('PREVIEW_STALE');
      const again = await preview(t, w.counsellorB, draft.id);
      await t.http().post(`/api/v1/eap/referrals/${draft.id}/send`).set(...bearer(w.counsellorB)).send({ previewSha256: again.sha256 }).expect(200);
      await t.http().patch(`/api/v1/eap/referrals/${draft.id}`).set(...bearer(w.counsellorB)).send({ summary: 'x' }).expect(409);
    });

    it('hides referrals outside the counsellor’s scope (404) and from officials and admins (403)', async () => {
      const { w } = world;
      await t.http().get(`/api/v1/eap/referrals/${referral.id}`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().get(`/api/v1/eap/referrals/${referral.id}/preview`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().post(`/api/v1/eap/referrals/${referral.id}/withdraw`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().get(`/api/v1/eap/referrals/${referral.id}`).set(...bearer(w.official)).expect(403);
      await t.http().get(`/api/v1/eap/referrals/${referral.id}`).set(...bearer(w.admin)).expect(403);
      const listed = (await t.http().get('/api/v1/eap/referrals').set(...bearer(w.counsellorB)).expect(200)).body as Array<{ id: string }>;
      expect(listed.map((r) => r.id)).not.toContain(referral.id);
      await t.http().get(`/api/v1/eap/referrals/${referral.id}`).set(...bearer(w.supervisor)).expect(200);
    });
  });

  it('rate-limits each vendor (429)', async () => {
    await t.restart({ VENDOR_API_THROTTLE_LIMIT: '3' });
    // On PostgreSQL the counts are shared by every instance and outlive a restart (throttle_buckets): start a fresh
    // window, so the three calls counted are this test's own and not the earlier tests' in the same minute.
    await t.sql('DELETE FROM throttle_buckets');
    for (let i = 0; i < 3; i++) expect((await vendor.referrals()).status).toBe(200);
    expect(await vendor.referrals()).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
    // Per vendor, not global: another vendor is not held up.
    expect((await other.vendor.referrals()).status).toBe(200);
  });
});
