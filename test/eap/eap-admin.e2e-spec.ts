import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearer, TestApp } from '../support/test-app.js';
import { consentingWorker, createContract, createVendor, dayFrom, eapWorld, registerEndpoint, sendReferral } from './support.js';

/**
 * Running the EAP arrangements: who manages vendors and contracts, what is kept encrypted or hashed, the SSRF guard
 * on webhook URLs, renewal reminders through the job queue, and utilisation as JSON and CSV.
 */
describe('EAP administration', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof eapWorld>>;

  beforeAll(async () => {
    t = await TestApp.start({ EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    world = await eapWorld(t);
  });
  afterAll(() => t.close());

  it('lets only root administrators manage vendors, keys, endpoints and secrets', async () => {
    const { w, vendor } = world;
    const unitAdmin = await t.createUser(w.admin.token, 'admin', w.city);
    for (const user of [unitAdmin]) {
      const refused = await t.http().post('/api/v1/eap/vendors').set(...bearer(user)).send({ name: '某机构', services: ['hotline'] }).expect(403);
      expect(refused.body.code).toBe('ROOT_ADMIN_ONLY');
      await t.http().post(`/api/v1/eap/vendors/${vendor.id}/api-keys`).set(...bearer(user)).send({ label: 'x' }).expect(403);
      await t.http().get(`/api/v1/eap/vendors/${vendor.id}/api-keys`).set(...bearer(user)).expect(403);
      await t.http().post(`/api/v1/eap/vendors/${vendor.id}/webhook-endpoints`).set(...bearer(user)).send({ url: 'https://vendor.example/hooks' }).expect(403);
    }
    for (const user of [w.counsellorA, w.supervisor, w.official]) {
      await t.http().post('/api/v1/eap/vendors').set(...bearer(user)).send({ name: '某机构', services: ['hotline'] }).expect(403);
      await t.http().get('/api/v1/eap/vendors').set(...bearer(user)).expect(200);
    }
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await t.http().get('/api/v1/eap/vendors').set(...bearer(worker)).expect(403);
    const duplicate = await t.http().post('/api/v1/eap/vendors').set(...bearer(w.admin)).send({ name: vendor.name, services: ['hotline'] }).expect(409);
    expect(duplicate.body.code).toBe('DUPLICATE');
  });

  it('keeps secrets and what the counsellor wrote encrypted at rest', async () => {
    const { w, vendor } = world;
    const endpoint = await registerEndpoint(t, w.admin, vendor.id, 'http://127.0.0.1:9/hooks');
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, vendor.id);
    const { referral } = await sendReferral(t, w.counsellorA, worker.workerId, vendor.id);
    const [stored] = await t.sql<{ secrets: string }>('SELECT secrets FROM eap_webhook_endpoints WHERE id = $1', [endpoint.id]);
    expect(stored.secrets).toMatch(/^enc:v1:/);
    expect(stored.secrets).not.toContain(endpoint.secret.slice(6, 20));
    const [row] = await t.sql<Record<string, string>>('SELECT summary, contact_preference, shared_data FROM eap_referrals WHERE id = $1', [referral.id]);
    for (const value of Object.values(row)) {
      expect(value).toMatch(/^enc:v1:/);
      expect(value).not.toContain('13800138000');
    }
    const [message] = await t.sql<{ body: string }>('SELECT body FROM eap_webhook_messages WHERE referral_id = $1', [referral.id]);
    expect(message.body).toMatch(/^enc:v1:/);
    const jobs = JSON.stringify(await t.sql("SELECT payload FROM jobs WHERE type = 'eap.webhook.deliver'"));
    expect(jobs).not.toMatch(/13800138000|睡眠/);
    const listed = (await t.http().get(`/api/v1/eap/vendors/${vendor.id}/webhook-endpoints`).set(...bearer(w.admin)).expect(200)).body;
    expect(JSON.stringify(listed)).not.toContain('whsec_');
  });

  it('audits reads of a referral by staff and by the vendor, with the worker on the record', async () => {
    const { w, vendor, apiKey } = world;
    const worker = await consentingWorker(t, w.admin, w.enterpriseA, vendor.id);
    const { referral } = await sendReferral(t, w.counsellorA, worker.workerId, vendor.id, { service: 'hotline' });
    await t.http().get(`/api/v1/eap/referrals/${referral.id}`).set(...bearer(w.counsellorA)).expect(200);
    await t.http().get(`/api/v1/vendor/referrals/${referral.vendorRef}`).set('X-Api-Key', apiKey.key).expect(200);
    const rows = await t.sql<{ action: string; actor_role: string; actor_id: string }>('SELECT action, actor_role, actor_id FROM audit_events WHERE worker_id = $1 ORDER BY seq', [worker.workerId]);
    expect(rows.map((r) => [r.action, r.actor_role])).toEqual(
      expect.arrayContaining([
        ['eap_referral.preview', 'counsellor'],
        ['eap_referral.send', 'counsellor'],
        ['eap_referral.read', 'counsellor'],
        ['vendor.referral_read', 'vendor'],
      ]),
    );
    expect(rows.find((r) => r.action === 'vendor.referral_read')?.actor_id).toBe(apiKey.id);
  });

  describe('contracts', () => {
    it('are managed in one’s subtree and read by the units they cover', async () => {
      const { w, vendor, contract } = world;
      const enterpriseAdmin = await t.createUser(w.admin.token, 'admin', w.enterpriseA);
      const own = await createContract(t, enterpriseAdmin, vendor.id, { orgUnitId: w.enterpriseA });
      await t.http().post('/api/v1/eap/contracts').set(...bearer(enterpriseAdmin)).send({ ...(await contractBody(vendor.id, w.enterpriseB)) }).expect(404);
      await t.http().patch(`/api/v1/eap/contracts/${contract.id}`).set(...bearer(enterpriseAdmin)).send({ sessionsTotal: 50 }).expect(404);
      // Counsellors read their own unit's contract and the city's (which covers them), not a sibling's.
      const seenByA = ((await t.http().get('/api/v1/eap/contracts').set(...bearer(w.counsellorA)).expect(200)).body as Array<{ id: string }>).map((c) => c.id);
      expect(seenByA).toEqual(expect.arrayContaining([own.id, contract.id]));
      const seenByB = ((await t.http().get('/api/v1/eap/contracts').set(...bearer(w.counsellorB)).expect(200)).body as Array<{ id: string }>).map((c) => c.id);
      expect(seenByB).toContain(contract.id);
      expect(seenByB).not.toContain(own.id);
      await t.http().get(`/api/v1/eap/contracts/${own.id}`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().post('/api/v1/eap/contracts').set(...bearer(w.counsellorA)).send(await contractBody(vendor.id, w.enterpriseA)).expect(403);
    });

    it('check their terms: dates, services the vendor offers, quota not below what is used', async () => {
      const { w, vendor, contract } = world;
      const body = await contractBody(vendor.id, w.city);
      const badDates = await t.http().post('/api/v1/eap/contracts').set(...bearer(w.admin)).send({ ...body, startsOn: '2026-12-31', endsOn: '2026-01-01' }).expect(400);
      expect(badDates.body.code).toBe('CONTRACT_DATES_INVALID');
      await t.http().post('/api/v1/eap/contracts').set(...bearer(w.admin)).send({ ...body, endsOn: '2026-02-30' }).expect(400);
      const notOffered = await t.http().post('/api/v1/eap/contracts').set(...bearer(w.admin)).send({ ...body, services: ['group_workshop'] }).expect(400);
      expect(notOffered.body).toMatchObject({ code: 'SERVICE_NOT_OFFERED', service: 'group_workshop' });
      const [{ n }] = await t.sql<{ n: number | string }>("SELECT COUNT(*) AS n FROM eap_referral_events WHERE contract_id = $1 AND type = 'session_attended'", [contract.id]);
      expect(Number(n)).toBe(0);
      await t.http().patch(`/api/v1/eap/contracts/${contract.id}`).set(...bearer(w.admin)).send({ sessionsTotal: 12 }).expect(200);
    });

    it('remind the unit’s administrators before they end, once per lead day, and not for an end date that moved', async () => {
      const { w } = world;
      const vendor = await createVendor(t, w.admin);
      const now = await t.advanceClock(0);
      const ending = await createContract(t, w.admin, vendor.id, { orgUnitId: w.city, endsOn: dayFrom(now, 10), reminderDays: [7, 3] });
      const renewed = await createContract(t, w.admin, vendor.id, { orgUnitId: w.enterpriseA, endsOn: dayFrom(now, 10), reminderDays: [7] });
      await t.http().patch(`/api/v1/eap/contracts/${renewed.id}`).set(...bearer(w.admin)).send({ endsOn: dayFrom(now, 375) }).expect(200);
      const cityAdmin = await t.createUser(w.admin.token, 'admin', w.city);
      await t.advanceClock(4 * 24 * 3600_000);
      await t.runJobs();
      const inbox = async (token: string) =>
        ((await t.http().get('/api/v1/me/notifications').set('Authorization', `Bearer ${token}`).expect(200)).body.items as Array<{ kind: string; link: string }>).filter(
          (n) => n.kind === 'eap.contract_renewal',
        );
      const [reminder] = await inbox(cityAdmin.token);
      expect(reminder.link).toBe(`/eap/contracts/${ending.id}`);
      expect((await inbox(w.admin.token)).filter((n) => n.link === `/eap/contracts/${renewed.id}`)).toEqual([]);
      await t.advanceClock(4 * 24 * 3600_000);
      await t.runJobs();
      await t.runJobs();
      expect((await inbox(cityAdmin.token)).filter((n) => n.link === `/eap/contracts/${ending.id}`)).toHaveLength(2);
    });

    it('stop taking referrals once terminated', async () => {
      const { w } = world;
      const vendor = await createVendor(t, w.admin);
      const contract = await createContract(t, w.admin, vendor.id, { orgUnitId: w.city });
      await t.http().post(`/api/v1/eap/contracts/${contract.id}/terminate`).set(...bearer(w.admin)).expect(200);
      const worker = await consentingWorker(t, w.admin, w.enterpriseA, vendor.id);
      const draft = (await t.http().post('/api/v1/eap/referrals').set(...bearer(w.counsellorA)).send({ workerId: worker.workerId, vendorId: vendor.id, service: 'hotline', urgency: 'routine', contactPreference: { channel: 'worker_initiates' }, summary: '需要热线支持' }).expect(201)).body;
      const shown = (await t.http().get(`/api/v1/eap/referrals/${draft.id}/preview`).set(...bearer(w.counsellorA)).expect(200)).body;
      expect(shown.coverage).toMatchObject({ ok: false, code: 'CONTRACT_NOT_ACTIVE' });
      await t.http().patch(`/api/v1/eap/contracts/${contract.id}`).set(...bearer(w.admin)).send({ sessionsTotal: 5 }).expect(409);
    });
  });

  it('gives utilisation as JSON and CSV to administrators, supervisors and officials, never to workers or vendors', async () => {
    const { w, contract, apiKey } = world;
    type Row = { contractId: string; referralsSent: number | null; exact: boolean; withheld: { field: string; reason: string }[]; disclosure: { maxError: number } | null };
    // Supervisors refer workers themselves: exact. Officials: a handful of referrals is withheld, and says why.
    const exact = (await t.http().get('/api/v1/eap/utilisation').set(...bearer(w.supervisor)).expect(200)).body as Row[];
    const sent = exact.find((r) => r.contractId === contract.id)!;
    expect(sent).toMatchObject({ exact: true, disclosure: null, withheld: [] });
    expect(sent.referralsSent).toBeGreaterThan(0);
    expect(sent.referralsSent).toBeLessThan(10);
    const rows = (await t.http().get('/api/v1/eap/utilisation').set(...bearer(w.official)).expect(200)).body as Row[];
    const official = rows.find((r) => r.contractId === contract.id)!;
    expect(official).toMatchObject({ exact: false, referralsSent: null, disclosure: { maxError: 20 } });
    expect(official.withheld).toContainEqual({ field: 'referralsSent', reason: 'fewer_than_k' });
    const csv = await t.http().get('/api/v1/eap/utilisation/csv').set(...bearer(w.supervisor)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('合同编号 contract');
    expect(lines.some((line) => line.startsWith(contract.reference))).toBe(true);
    const officialCsv = (await t.http().get('/api/v1/eap/utilisation/csv').set(...bearer(w.official)).expect(200)).text.replace(/^\uFEFF/, '').trim().split('\r\n');
    const line = officialCsv.find((l) => l.startsWith(contract.reference))!.split(',');
    expect(line[officialCsv[0].split(',').indexOf('转介数 referrals')]).toBe('<k');
    expect(line[line.length - 1]).toMatch(/^扰动/);
    await t.http().get('/api/v1/eap/utilisation').set(...bearer(w.counsellorA)).expect(403);
    await t.http().get('/api/v1/eap/utilisation').set('X-Api-Key', apiKey.key).expect(403);
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await t.http().get('/api/v1/eap/utilisation').set(...bearer(worker)).expect(403);
  });

  it('audits every read of utilisation (list, CSV, one contract) with the reader and the query', async () => {
    const { w, contract, vendor } = world;
    const rowsOf = async (from: number) =>
      t.sql<{ seq: number; action: string; actor_id: string; actor_role: string; resource_type: string; resource_id: string | null; detail: unknown }>(
        "SELECT seq, action, actor_id, actor_role, resource_type, resource_id, detail FROM audit_events WHERE action LIKE 'eap_utilisation.%' AND seq > $1 ORDER BY seq",
        [from],
      );
    const detailOf = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
    const [{ seq: before }] = await t.sql<{ seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_events');
    await t.http().get('/api/v1/eap/utilisation').query({ vendorId: vendor.id }).set(...bearer(w.official)).expect(200);
    await t.http().get('/api/v1/eap/utilisation/csv').query({ orgUnitId: w.city }).set(...bearer(w.supervisor)).expect(200);
    await t.http().get(`/api/v1/eap/contracts/${contract.id}/utilisation`).set(...bearer(w.official)).expect(200);
    const rows = await rowsOf(Number(before));
    expect(rows.map((r) => [r.action, r.actor_id, r.actor_role, r.resource_type, r.resource_id])).toEqual([
      ['eap_utilisation.read', w.official.id, 'official', 'eap_utilisation', null],
      ['eap_utilisation.export', w.supervisor.id, 'supervisor', 'eap_utilisation', null],
      ['eap_utilisation.read', w.official.id, 'official', 'eap_contract', contract.id],
    ]);
    expect(detailOf(rows[0].detail)).toEqual({ vendorId: vendor.id, orgUnitId: null, contracts: expect.any(Number), exact: false });
    expect(detailOf(rows[1].detail)).toEqual({ format: 'csv', vendorId: null, orgUnitId: w.city, contracts: expect.any(Number), exact: true });
    expect(detailOf(rows[2].detail)).toEqual({ exact: false });
    // A refused read discloses nothing and leaves no read row.
    await t.http().get(`/api/v1/eap/contracts/${contract.id}/utilisation`).set(...bearer(w.counsellorA)).expect(403);
    expect(await rowsOf(Number(rows[2].seq))).toEqual([]);
  });

  describe('the SSRF guard, outside development', () => {
    let target: Server;
    let hits = 0;
    let endpointId = '';

    beforeAll(async () => {
      target = createServer((_request, response) => {
        hits++;
        response.writeHead(204).end();
      });
      await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
      // Registered while allowed (as in development) …
      const { w, vendor } = world;
      endpointId = (await registerEndpoint(t, w.admin, vendor.id, `http://127.0.0.1:${(target.address() as AddressInfo).port}/hooks`)).id;
      // … then the app runs with the guard on.
      await t.restart({ EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' });
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => target.close(() => resolve()));
    });

    it.each([
      'http://127.0.0.1:8080/hooks',
      'http://localhost:8080/hooks',
      'http://[::1]/hooks',
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.8/hooks',
      'http://[::ffff:192.168.1.1]/hooks',
      'http://0x7f000001/hooks',
      'ftp://vendor.example/hooks',
      'http://user:pw@vendor.example/hooks',
      'not a url',
    ])('refuses to register %s', async (url) => {
      const refused = await t.http().post(`/api/v1/eap/vendors/${world.vendor.id}/webhook-endpoints`).set(...bearer(world.w.admin)).send({ url }).expect(400);
      expect(refused.body.code).toBe('WEBHOOK_URL_FORBIDDEN');
    });

    it('refuses to deliver to a private address, without sending a byte, and logs the refusal', async () => {
      const { w, vendor } = world;
      const worker = await consentingWorker(t, w.admin, w.enterpriseA, vendor.id);
      const { referral } = await sendReferral(t, w.counsellorA, worker.workerId, vendor.id, { service: 'hotline' });
      await t.runJobs();
      expect(hits).toBe(0);
      const refused = await t.sql<{ outcome: string; error: string }>(
        'SELECT d.outcome, d.error FROM eap_webhook_deliveries d JOIN eap_webhook_messages m ON m.id = d.message_id WHERE m.referral_id = $1 AND m.endpoint_id = $2',
        [referral.id, endpointId],
      );
      expect(refused).toEqual([{ outcome: 'refused', error: expect.stringMatching(/URL_FORBIDDEN_ADDRESS/) }]);
    });
  });
});

async function contractBody(vendorId: string, orgUnitId: string) {
  return {
    vendorId,
    orgUnitId,
    reference: 'EAP-TEST',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    services: ['hotline'],
    sessionsPerWorker: 3,
    sessionsTotal: 10,
    pricePerSessionCents: 20000,
  };
}
