import { TestApp, bearer } from '../support/test-app.js';
import { consentingWorker, eapWorld, sendReferral } from './support.js';

/**
 * Read-check-write under concurrency (PostgreSQL runs the reports at once; SQLite one after the other): session
 * reports on one referral all count, and a contract's sessions are never handed out twice.
 */
describe('EAP outcome reports at the same time', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof eapWorld>>;

  beforeAll(async () => {
    t = await TestApp.start();
    world = await eapWorld(t, { sessionsPerWorker: 3, sessionsTotal: 3 });
  }, 120_000);
  afterAll(() => t.close());

  const report = (vendorRef: string, body: Record<string, unknown>) =>
    t.http().post(`/api/v1/vendor/referrals/${vendorRef}/outcomes`).set('X-Api-Key', world.apiKey.key).send(body);
  const accepted = async () => {
    const worker = await consentingWorker(t, world.w.admin, world.w.enterpriseA, world.vendor.id);
    const { referral } = await sendReferral(t, world.w.counsellorA, worker.workerId, world.vendor.id);
    await report(referral.vendorRef, { type: 'accepted' }).expect(200);
    return referral;
  };

  it('counts two concurrent session reports on one referral, both', async () => {
    const referral = await accepted();
    const answers = await Promise.all([1, 2].map((n) => report(referral.vendorRef, { type: 'session_attended', sessionNumber: n })));
    expect(answers.map((a) => [a.status, a.body.applied])).toEqual([[200, true], [200, true]]);
    const after = await t.http().get(`/api/v1/vendor/referrals/${referral.vendorRef}`).set('X-Api-Key', world.apiKey.key).expect(200);
    expect(after.body.sessionsRecorded).toBe(2);
    const [row] = await t.sql<{ sessions_used: number }>('SELECT sessions_used FROM eap_referrals WHERE id = $1', [referral.id]);
    expect(Number(row.sessions_used)).toBe(2);
  });

  it('never hands out the contract’s last session twice (two referrals at once)', async () => {
    const [first] = (await t.sql<{ vendor_ref: string }>("SELECT vendor_ref FROM eap_referrals WHERE sessions_used = 2"));
    const second = await accepted();
    const answers = await Promise.all([
      report(first.vendor_ref, { type: 'session_attended', sessionNumber: 3 }),
      report(second.vendorRef, { type: 'session_attended', sessionNumber: 1 }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    // 3 sessions on the contract: two were used, so exactly one of these is within it.
    expect(answers.map((a) => a.body.beyondQuota as boolean).sort()).toEqual([false, true]);
    const utilisation = await t.http().get(`/api/v1/eap/contracts/${world.contract.id}`).set(...bearer(world.w.admin));
    expect(utilisation.status).toBe(200);
  });
});
