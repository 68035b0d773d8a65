import { randomBytes } from 'node:crypto';
import { bearer, type TestApp, type TestUser } from '../support/test-app.js';

export const DAY_MS = 24 * 3600_000;
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** The China calendar day `days` after the app's current time. */
export const dayFrom = (now: Date, days: number) => new Date(now.getTime() + 8 * 3600_000 + days * DAY_MS).toISOString().slice(0, 10);

export interface ContractTerms {
  orgUnitId?: string;
  services?: string[];
  sessionsPerWorker?: number;
  sessionsTotal?: number;
  startsOn?: string;
  endsOn?: string;
  reminderDays?: number[];
}

/** An EAP world: the usual units and staff, a vendor with an API key, and a contract of the city union. */
export async function eapWorld(t: TestApp, terms: ContractTerms = {}) {
  const w = await t.world();
  const vendor = await createVendor(t, w.admin);
  const apiKey = await issueKey(t, w.admin, vendor.id);
  const contract = await createContract(t, w.admin, vendor.id, { orgUnitId: w.city, ...terms });
  return { w, vendor, apiKey, contract };
}

export async function createVendor(t: TestApp, admin: TestUser, services = ['individual_counselling', 'hotline', 'family_counselling']): Promise<{ id: string; name: string }> {
  const response = await t
    .http()
    .post('/api/v1/eap/vendors')
    .set(...bearer(admin))
    .send({ name: unique('心理服务中心'), services, regions: ['北京市'], contactName: '王经理', contactEmail: 'intake@vendor.example' })
    .expect(201);
  return response.body as { id: string; name: string };
}

export async function issueKey(t: TestApp, admin: TestUser, vendorId: string): Promise<{ id: string; key: string }> {
  const response = await t.http().post(`/api/v1/eap/vendors/${vendorId}/api-keys`).set(...bearer(admin)).send({ label: 'production' }).expect(201);
  return response.body as { id: string; key: string };
}

export async function createContract(t: TestApp, admin: TestUser, vendorId: string, terms: ContractTerms & { orgUnitId: string }) {
  const now = await t.advanceClock(0);
  const response = await t
    .http()
    .post('/api/v1/eap/contracts')
    .set(...bearer(admin))
    .send({
      vendorId,
      orgUnitId: terms.orgUnitId,
      reference: unique('EAP'),
      startsOn: terms.startsOn ?? dayFrom(now, -30),
      endsOn: terms.endsOn ?? dayFrom(now, 335),
      services: terms.services ?? ['individual_counselling', 'hotline'],
      sessionsPerWorker: terms.sessionsPerWorker ?? 3,
      sessionsTotal: terms.sessionsTotal ?? 10,
      pricePerSessionCents: 30000,
      ...(terms.reminderDays ? { reminderDays: terms.reminderDays } : {}),
    })
    .expect(201);
  return response.body as { id: string; reference: string };
}

/** A worker (with an account) in `unitId` who granted eap_referral consent for the vendor. */
export async function consentingWorker(t: TestApp, admin: TestUser, unitId: string, vendorId: string): Promise<TestUser & { workerId: string }> {
  const worker = await t.createWorkerUser(admin.token, unitId);
  await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'eap_referral', granted: true, recipientId: vendorId }).expect(201);
  return { ...worker, workerId: worker.workerId! };
}

export const REFERRAL_INPUT = {
  service: 'individual_counselling',
  urgency: 'priority',
  contactPreference: { channel: 'phone', detail: '13800138000', bestTime: '工作日晚上 / weekday evenings' },
  summary: '近两个月睡眠差，工作压力大，希望得到专业咨询 / Poor sleep for two months, work stress; asks for counselling',
};

export async function draftReferral(t: TestApp, counsellor: TestUser, workerId: string, vendorId: string, overrides: Record<string, unknown> = {}) {
  const response = await t.http().post('/api/v1/eap/referrals').set(...bearer(counsellor)).send({ workerId, vendorId, ...REFERRAL_INPUT, ...overrides }).expect(201);
  return response.body as { id: string; vendorRef: string; status: string };
}

export async function preview(t: TestApp, counsellor: TestUser, referralId: string) {
  return (await t.http().get(`/api/v1/eap/referrals/${referralId}/preview`).set(...bearer(counsellor)).expect(200)).body as {
    data: Record<string, unknown>;
    sha256: string | null;
    canSend: boolean;
    consentGranted: boolean;
    coverage: { ok: boolean; code: string | null; contractId: string | null };
  };
}

/** Draft, preview and send; returns the sent referral and the preview it was sent on. */
export async function sendReferral(t: TestApp, counsellor: TestUser, workerId: string, vendorId: string, overrides: Record<string, unknown> = {}) {
  const draft = await draftReferral(t, counsellor, workerId, vendorId, overrides);
  const shown = await preview(t, counsellor, draft.id);
  expect(shown.canSend).toBe(true);
  const sent = await t.http().post(`/api/v1/eap/referrals/${draft.id}/send`).set(...bearer(counsellor)).send({ previewSha256: shown.sha256 }).expect(200);
  return { referral: sent.body as { id: string; vendorRef: string; status: string; contractId: string; individualReferralId: string | null }, preview: shown };
}

export async function registerEndpoint(t: TestApp, admin: TestUser, vendorId: string, url: string): Promise<{ id: string; secret: string }> {
  const response = await t.http().post(`/api/v1/eap/vendors/${vendorId}/webhook-endpoints`).set(...bearer(admin)).send({ url, description: 'example vendor' }).expect(201);
  return response.body as { id: string; secret: string };
}
