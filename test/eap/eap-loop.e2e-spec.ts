import { ExampleVendor } from '../../examples/vendor/example-vendor.js';
import { bearer, TestApp } from '../support/test-app.js';
import { consentingWorker, eapWorld, REFERRAL_INPUT, registerEndpoint, sendReferral } from './support.js';

/**
 * The whole EAP loop over real HTTP on localhost, with the example vendor (examples/vendor/): consent, referral, a
 * signed webhook received and verified by the vendor, outcomes reported back by API and by signed webhook, quota
 * updated. Then delivery under failure: a crash before and during delivery, retries, rotation, 410, withdrawal.
 */
describe('EAP loop with the example vendor', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof eapWorld>>;
  let vendor: ExampleVendor;
  let endpoint: { id: string; secret: string };
  let inboundSecret: string;
  /** The vendor checks webhook timestamps against the app's (manual) clock. */
  let appNow = 0;
  let answer: number | null = null;
  let onEvent: (() => Promise<void>) | null = null;

  const syncClock = async (advanceMs = 0) => (appNow = (await t.advanceClock(advanceMs)).getTime());
  const runJobs = async () => {
    await syncClock();
    return t.runJobs();
  };
  const eventsFor = (vendorRef: string) => vendor.events.filter((e) => e.data.referralId === vendorRef);

  beforeAll(async () => {
    t = await TestApp.start({ EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    world = await eapWorld(t, { sessionsPerWorker: 3, sessionsTotal: 10 });
    await syncClock();
    inboundSecret = (await t.http().post(`/api/v1/eap/vendors/${world.vendor.id}/inbound-secret/rotate`).set(...bearer(world.w.admin)).send({}).expect(200)).body.secret;
    vendor = new ExampleVendor({
      xingangUrl: () => t.url,
      apiKey: world.apiKey.key,
      inboundSecret,
      vendorId: world.vendor.id,
      now: () => appNow,
      answer: () => answer,
      onEvent: async () => onEvent?.(),
    });
    const url = await vendor.start();
    endpoint = await registerEndpoint(t, world.w.admin, world.vendor.id, url);
    vendor.webhookSecrets = [endpoint.secret];
  });
  afterAll(async () => {
    await vendor.stop();
    await t.close();
  });

  it('runs consent → referral → signed webhook → outcomes → quota, over HTTP', async () => {
    const { w, vendor: v, contract } = world;
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
    const { referral, preview } = await sendReferral(t, w.counsellorA, worker.workerId, v.id);
    expect(referral.status).toBe('sent');
    expect(referral.contractId).toBe(contract.id);
    expect(vendor.events).toHaveLength(0); // queued in the outbox, not sent inline

    expect(await runJobs()).toBeGreaterThan(0);
    const [created] = eventsFor(referral.vendorRef);
    expect(vendor.refused).toEqual([]);
    expect(created.type).toBe('referral.created');
    // Exactly what the counsellor was shown, and nothing that identifies the worker.
    expect(created.data).toEqual(preview.data);
    expect(Object.keys(created.data).sort()).toEqual(['contactPreference', 'contractReference', 'referralId', 'service', 'sessionsAllowed', 'summary', 'urgency']);
    expect(JSON.stringify(created.data)).not.toContain(worker.workerId);
    expect(created.data).toMatchObject({ referralId: referral.vendorRef, sessionsAllowed: 3, contractReference: contract.reference });

    // The vendor reads it through its API: the same data.
    const read = await vendor.referral(referral.vendorRef);
    expect(read).toMatchObject({ status: 200, body: { referralId: referral.vendorRef, status: 'sent', data: preview.data } });

    // Outcomes: accepted and the first session by API, the second session as a signed webhook.
    expect(await vendor.report(referral.vendorRef, { type: 'accepted', note: '已安排咨询师' })).toMatchObject({ status: 200, body: { status: 'accepted', applied: true } });
    expect(await vendor.report(referral.vendorRef, { type: 'session_attended', sessionNumber: 1 })).toMatchObject({
      status: 200,
      body: { status: 'attended', sessionsRecorded: 1, sessionsRemaining: 2, applied: true },
    });
    const byWebhook = await vendor.reportByWebhook(referral.vendorRef, { type: 'session_attended', sessionNumber: 2 });
    expect(byWebhook).toMatchObject({ status: 200, body: { result: { sessionsRecorded: 2, sessionsRemaining: 1 } } });
    // A retried report changes nothing.
    expect(await vendor.report(referral.vendorRef, { type: 'session_attended', sessionNumber: 2 })).toMatchObject({ status: 200, body: { applied: false, sessionsRecorded: 2 } });
    expect(await vendor.report(referral.vendorRef, { type: 'completed' })).toMatchObject({ status: 200, body: { status: 'completed' } });

    // The quota and the utilisation of the contract moved.
    const utilisation = (await t.http().get(`/api/v1/eap/contracts/${contract.id}/utilisation`).set(...bearer(w.supervisor)).expect(200)).body;
    expect(utilisation).toMatchObject({ referralsSent: 1, accepted: 1, completed: 1, sessionsUsed: 2, sessionsQuota: 10, sessionsRemaining: 8, costCents: 60000, withFirstSession: 1 });

    // The counsellor sees the loop closed, with its history.
    const seen = (await t.http().get(`/api/v1/eap/referrals/${referral.id}`).set(...bearer(w.counsellorA)).expect(200)).body;
    expect(seen).toMatchObject({ status: 'completed', sessionsUsed: 2, sharedSha256: preview.sha256 });
    expect(seen.history.map((h: { type: string }) => h.type)).toEqual(['drafted', 'sent', 'accepted', 'session_attended', 'session_attended', 'completed']);
    expect(seen.history.filter((h: { source: string }) => h.source === 'vendor_webhook')).toHaveLength(1);

    // The individual tier's loop (点 · 转介与帮扶) followed: its referral was made at sending, moved by the vendor's
    // reports, and its follow-ups were scheduled.
    expect(referral.individualReferralId).toEqual(expect.any(String));
    const tier = (await t.http().get(`/api/v1/referrals/${referral.individualReferralId}`).set(...bearer(w.counsellorA)).expect(200)).body;
    expect(tier.referral).toMatchObject({ workerId: worker.workerId, providerType: 'eap_vendor', vendorId: v.id, state: 'completed', source: { type: 'eap', id: referral.id } });
    expect(tier.followUps.length).toBeGreaterThan(0);
    const tierHistory = await t.sql<{ to_value: string; actor_label: string | null }>(
      "SELECT to_value, actor_label FROM individual_history WHERE subject_id = $1 AND action = 'state_changed' ORDER BY id",
      [referral.individualReferralId],
    );
    expect(tierHistory.map((h) => h.to_value)).toEqual(['sent', 'accepted', 'attended', 'completed']);

    // Delivery log: one delivered attempt.
    const log = (await t.http().get(`/api/v1/eap/webhook-endpoints/${endpoint.id}/deliveries`).set(...bearer(w.admin)).expect(200)).body;
    expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ eventType: 'referral.created', outcome: 'delivered', statusCode: 204, attempt: 1 })]));
  });

  it('carries out the tier referral the counsellor drafted, and refuses another worker’s or another vendor’s', async () => {
    const { w, vendor: v } = world;
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
    const other = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
    const tierDraft = (await t.http().post('/api/v1/referrals').set(...bearer(w.counsellorA)).send({ workerId: worker.workerId, providerType: 'eap_vendor', vendorId: v.id, reason: '需要持续咨询' }).expect(201)).body;
    const hospital = (await t.http().post('/api/v1/referrals').set(...bearer(w.counsellorA)).send({ workerId: worker.workerId, providerType: 'hospital', providerName: '市精神卫生中心' }).expect(201)).body;
    const body = (workerId: string, individualReferralId: string) => ({ workerId, vendorId: v.id, ...REFERRAL_INPUT, individualReferralId });
    const mismatch = await t.http().post('/api/v1/eap/referrals').set(...bearer(w.counsellorA)).send(body(other.workerId, tierDraft.id)).expect(409);
    expect(mismatch.body.code).toBe('EAP_LINK_MISMATCH');
    await t.http().post('/api/v1/eap/referrals').set(...bearer(w.counsellorA)).send(body(worker.workerId, hospital.id)).expect(409);
    await t.http().post('/api/v1/eap/referrals').set(...bearer(w.counsellorB)).send(body(worker.workerId, tierDraft.id)).expect(404);
    const direct = await t.http().post(`/api/v1/referrals/${tierDraft.id}/send`).set(...bearer(w.counsellorA)).expect(409);
    expect(direct.body.code).toBe('REFERRAL_SEND_THROUGH_EAP');
    const { referral } = await sendReferral(t, w.counsellorA, worker.workerId, v.id, { individualReferralId: tierDraft.id });
    expect(referral.individualReferralId).toBe(tierDraft.id);
    const tier = (await t.http().get(`/api/v1/referrals/${tierDraft.id}`).set(...bearer(w.counsellorA)).expect(200)).body;
    expect(tier.referral.state).toBe('sent');
    await vendor.report(referral.vendorRef, { type: 'declined', note: '本地区暂无咨询师' });
    expect((await t.http().get(`/api/v1/referrals/${tierDraft.id}`).set(...bearer(w.counsellorA)).expect(200)).body.referral.state).toBe('declined');
  });

  it('delivers a webhook pending when the process was killed after restart, exactly once', async () => {
    const { w, vendor: v } = world;
    const worker = await consentingWorker(t, w.admin, w.enterpriseB, v.id);
    const { referral } = await sendReferral(t, w.counsellorB, worker.workerId, v.id);
    await t.kill();
    await t.restart();
    await runJobs();
    await runJobs();
    expect(eventsFor(referral.vendorRef)).toHaveLength(1);
    expect(vendor.duplicates).toBe(0);
  });

  it('redelivers with the same webhook-id when the app dies mid-delivery, and the vendor processes it once', async () => {
    const { w, vendor: v } = world;
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
    const { referral } = await sendReferral(t, w.counsellorA, worker.workerId, v.id, { service: 'hotline' });
    const deliveriesBefore = vendor.deliveries;
    onEvent = async () => {
      onEvent = null;
      await t.kill(); // the vendor has the message; the app dies before it hears the answer
    };
    await runJobs().catch(() => undefined);
    expect(eventsFor(referral.vendorRef)).toHaveLength(1);
    await t.restart();
    await syncClock(61_000);
    // The dead runner's lease runs out: leases are timed by the database's clock, not the test clock.
    await t.sql("UPDATE jobs SET locked_until = $1 WHERE type = 'eap.webhook.deliver' AND status = 'running'", [t.dbClock(-1000)]);
    await runJobs();
    expect(vendor.deliveries).toBe(deliveriesBefore + 2);
    expect(vendor.duplicates).toBe(1);
    expect(eventsFor(referral.vendorRef)).toHaveLength(1);
    const [message] = await t.sql<{ status: string; attempts: number }>('SELECT status, attempts FROM eap_webhook_messages WHERE referral_id = $1', [referral.id]);
    expect(message).toEqual({ status: 'delivered', attempts: 2 });
  });

  it('retries a failed delivery with backoff, logging every attempt, and delivers once the vendor is back', async () => {
    const { w, vendor: v } = world;
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
    answer = 503;
    const { referral } = await sendReferral(t, w.counsellorA, worker.workerId, v.id);
    await runJobs();
    expect(eventsFor(referral.vendorRef)).toHaveLength(0);
    expect(await runJobs()).toBe(0); // not due yet: the backoff holds it
    answer = null;
    await syncClock(15_000); // 503 backs off one step harder: 7.5–15 s
    await runJobs();
    expect(eventsFor(referral.vendorRef)).toHaveLength(1);
    const attempts = await t.sql<{ attempt: number; outcome: string; status_code: number }>(
      'SELECT d.attempt, d.outcome, d.status_code FROM eap_webhook_deliveries d JOIN eap_webhook_messages m ON m.id = d.message_id WHERE m.referral_id = $1 ORDER BY d.attempt',
      [referral.id],
    );
    expect(attempts).toEqual([
      { attempt: 1, outcome: 'failed', status_code: 503 },
      { attempt: 2, outcome: 'delivered', status_code: 204 },
    ]);
  });

  it('gives up after the last attempt, tells whoever made the contract, and redelivers on request', async () => {
    const { w, vendor: v } = world;
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
    answer = 502;
    const { referral } = await sendReferral(t, w.counsellorA, worker.workerId, v.id);
    for (let i = 0; i < 12; i++) {
      await syncClock(11 * 3600_000);
      await runJobs();
    }
    const [message] = await t.sql<{ id: string; status: string; attempts: number }>('SELECT id, status, attempts FROM eap_webhook_messages WHERE referral_id = $1', [referral.id]);
    expect(message).toMatchObject({ status: 'failed', attempts: 12 });
    const told = (await t.http().get('/api/v1/me/notifications').set(...bearer(w.admin)).expect(200)).body.items.filter((n: { kind: string }) => n.kind === 'eap.webhook_failed');
    expect(told).toHaveLength(1);
    await t.http().post(`/api/v1/eap/webhook-messages/${message.id}/redeliver`).set(...bearer(w.counsellorA)).expect(403);
    answer = null;
    expect((await t.http().post(`/api/v1/eap/webhook-messages/${message.id}/redeliver`).set(...bearer(w.admin)).expect(200)).body).toEqual({ messageId: message.id, status: 'pending' });
    expect((await t.http().post(`/api/v1/eap/webhook-messages/${message.id}/redeliver`).set(...bearer(w.admin)).expect(409)).body.code).toBe('WEBHOOK_NOT_REDELIVERABLE');
    await runJobs();
    expect(eventsFor(referral.vendorRef)).toHaveLength(1);
    expect((await t.sql<{ status: string }>('SELECT status FROM eap_webhook_messages WHERE id = $1', [message.id]))[0].status).toBe('delivered');
  });

  it('signs with the old and the new secret during a rotation', async () => {
    const { w, vendor: v } = world;
    const oldSecret = endpoint.secret;
    const rotated = (await t.http().post(`/api/v1/eap/webhook-endpoints/${endpoint.id}/rotate-secret`).set(...bearer(w.admin)).send({ graceHours: 24 }).expect(200)).body;
    expect(rotated.previousValidUntil).toBeTruthy();
    for (const secrets of [[oldSecret], [rotated.secret]]) {
      vendor.webhookSecrets = secrets;
      const worker = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
      const { referral } = await sendReferral(t, w.counsellorA, worker.workerId, v.id);
      await runJobs();
      expect(eventsFor(referral.vendorRef)).toHaveLength(1);
    }
    expect(vendor.refused).toEqual([]);
    // After the grace period only the new secret signs.
    await syncClock(25 * 3600_000);
    vendor.webhookSecrets = [oldSecret];
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
    await sendReferral(t, w.counsellorA, worker.workerId, v.id);
    await runJobs();
    expect(vendor.refused).toEqual(['bad signature']);
    vendor.webhookSecrets = [rotated.secret];
    vendor.refused = [];
    await syncClock(10_000);
    await runJobs();
    expect(vendor.refused).toEqual([]);
    endpoint.secret = rotated.secret;
  });

  it('stops data at a consent withdrawal: the pending referral is cancelled, the vendor only hears it is withdrawn', async () => {
    const { w, vendor: v } = world;
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
    const { referral } = await sendReferral(t, w.counsellorA, worker.workerId, v.id);
    await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'eap_referral', granted: false, recipientId: v.id }).expect(201);
    await runJobs(); // the consent.changed handler withdraws and cancels …
    await runJobs(); // … and the withdrawal notice goes out
    const events = eventsFor(referral.vendorRef);
    expect(events.map((e) => e.type)).toEqual(['referral.withdrawn']);
    expect(events[0].data).toEqual({ referralId: referral.vendorRef });
    const cancelled = await t.sql<{ status: string }>("SELECT status FROM eap_webhook_messages WHERE referral_id = $1 AND event_type = 'referral.created'", [referral.id]);
    expect(cancelled).toEqual([{ status: 'cancelled' }]);
    expect(await vendor.referral(referral.vendorRef)).toMatchObject({ status: 200, body: { status: 'withdrawn', data: null } });
    expect(await vendor.report(referral.vendorRef, { type: 'accepted' })).toMatchObject({ status: 409, body: { code: 'REFERRAL_WITHDRAWN' } });
    const seen = (await t.http().get(`/api/v1/eap/referrals/${referral.id}`).set(...bearer(w.counsellorA)).expect(200)).body;
    expect(seen).toMatchObject({ status: 'withdrawn', withdrawnReason: 'consent_withdrawn' });
  });

  it('disables the endpoint when it answers 410 Gone', async () => {
    const { w, vendor: v } = world;
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
    answer = 410;
    await sendReferral(t, w.counsellorA, worker.workerId, v.id);
    await runJobs();
    answer = null;
    const [listed] = (await t.http().get(`/api/v1/eap/vendors/${v.id}/webhook-endpoints`).set(...bearer(w.admin)).expect(200)).body;
    expect(listed).toMatchObject({ status: 'disabled', disabledReason: 'gone (HTTP 410)' });
    const [job] = await t.sql<{ status: string }>("SELECT status FROM jobs WHERE type = 'eap.webhook.deliver' AND status <> 'done'");
    expect(job.status).toBe('dead');
    const log = (await t.http().get(`/api/v1/eap/webhook-endpoints/${endpoint.id}/deliveries`).set(...bearer(w.admin)).expect(200)).body;
    expect(log[0]).toMatchObject({ outcome: 'gone', statusCode: 410 });
    // No more messages for a disabled endpoint: the vendor polls its API instead.
    const next = await consentingWorker(t, w.admin, w.enterpriseA, v.id);
    const { referral } = await sendReferral(t, w.counsellorA, next.workerId, v.id);
    await runJobs();
    expect(eventsFor(referral.vendorRef)).toHaveLength(0);
    expect((await vendor.referrals()).body).toEqual(expect.arrayContaining([expect.objectContaining({ referralId: referral.vendorRef, status: 'sent' })]));
  });
});
