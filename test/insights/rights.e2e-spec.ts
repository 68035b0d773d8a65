import { createRequire } from 'node:module';
import { createContract, createVendor, registerEndpoint, sendReferral } from '../eap/support.js';
import { grantConsent, publishSlot } from '../support/population.js';
import { FieldCipher } from '../../src/platform/crypto/field-cipher.js';
import { CLOCK_START, PASSWORD, TEST_ENV, TestApp, bearer } from '../support/test-app.js';
import { insertResult } from './reports-support.js';

interface FhirValidator {
  /** The schema errors; empty when the resource is valid. */
  validate(resource: unknown): unknown[];
}
const JSONSchemaValidator = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator') as new () => FhirValidator;
const PHQ9_MODERATE_WITH_ITEM_9 = [2, 2, 1, 1, 1, 1, 1, 1, 1];
const PHQ9_MILD = [1, 1, 1, 1, 1, 0, 0, 0, 0];
const YEAR = new Date(CLOCK_START).getUTCFullYear();
/** The test database's field key: the scan reads encrypted columns as an attacker holding the key would. */
const cipher = new FieldCipher(TEST_ENV.DATA_KEY);
const plain = (value: unknown) => (typeof value === 'string' && value.startsWith('enc:') ? cipher.decrypt(value) : value);
/** What erasure leaves in encrypted columns that may not be null. */
const PLACEHOLDERS = ['[]', '{}', '（已删除）', JSON.stringify({ channel: 'via_counsellor', detail: null, bestTime: null })];

/** A worker with something in every tier: profile and account, consents, assessments, counselling, crisis, referral. */
async function fullWorker(t: TestApp, w: Awaited<ReturnType<TestApp['world']>>, unit: string, tag: string) {
  const name = `删除测试${tag}${Math.random().toString(36).slice(2, 6)}`;
  const employeeNo = `E${Date.now().toString(36)}${tag}`;
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const email = `${employeeNo.toLowerCase()}@example.cn`;
  const worker = await t.createWorkerUser(w.admin.token, unit, { name, employeeNo, phone, email, gender: 'female', birthYear: 1988, notes: `${name} 的备注` });
  await grantConsent(t, worker, 'assessment');
  await grantConsent(t, worker, 'counselling');
  await t.http().post('/api/v1/me/assessments').set(...bearer(worker)).send({ instrumentCode: 'PHQ-9', answers: PHQ9_MILD }).expect(201);
  return { worker, name, employeeNo, phone, email };
}

describe('data-subject rights', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    // The EAP referral's webhook goes to a local address that accepts nothing (delivery fails; the message stays).
    t = await TestApp.start({ EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    w = await t.world();
  });
  afterAll(() => t.close());

  it('gives the worker a copy of their data as a FHIR R4 Bundle that validates against the R4 schema, and as HTML', async () => {
    const { worker, name, phone } = await fullWorker(t, w, w.enterpriseA, 'x');
    const referral = await t
      .http()
      .post('/api/v1/referrals')
      .set(...bearer(w.counsellorA))
      .send({ workerId: worker.workerId, providerType: 'hospital', providerName: '市精神卫生中心', reason: '持续失眠' })
      .expect(201);
    expect(referral.body.id).toBeDefined();
    await grantConsent(t, worker, 'research');
    await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'research', granted: false }).expect(201);

    const response = await t.http().get('/api/v1/me/export').set(...bearer(worker)).expect(200);
    expect(response.headers['content-type']).toContain('application/fhir+json');
    const bundle = JSON.parse(response.text) as { resourceType: string; entry: { resource: { resourceType: string; id: string } }[] };
    expect(new JSONSchemaValidator().validate(bundle)).toEqual([]);
    const types = bundle.entry.map((e) => e.resource.resourceType);
    for (const type of ['Patient', 'QuestionnaireResponse', 'Observation', 'ServiceRequest', 'Task', 'Consent']) expect(types).toContain(type);
    expect(types.filter((x) => x === 'Consent')).toHaveLength(4); // assessment, counselling, research granted, research withdrawn
    expect(JSON.stringify(bundle)).toContain(phone);
    // Every reference points inside the Bundle.
    const ids = new Set(bundle.entry.map((e) => `urn:uuid:${e.resource.id}`));
    for (const ref of JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? []) expect(ids.has(ref.slice(13, -1))).toBe(true);

    // The validator catches a broken resource (so the check above can fail).
    const broken = structuredClone(bundle) as { entry: { resource: Record<string, unknown> }[] };
    broken.entry.find((e) => e.resource.resourceType === 'Observation')!.resource.status = 'not-a-status';
    expect(new JSONSchemaValidator().validate(broken).length).toBeGreaterThan(0);

    const html = await t.http().get('/api/v1/me/export').query({ format: 'html' }).set(...bearer(worker)).expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain(name);
    expect(html.text).toContain('心理测评');
    expect(html.text).not.toContain('<script');

    const audited = await t.sql<{ n: number | string }>("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'rights.export' AND worker_id = $1", [worker.workerId]);
    expect(Number(audited[0].n)).toBe(2);
    await t.http().get('/api/v1/me/export').set(...bearer(w.counsellorA)).expect(403);
  });

  it('applies a correction a counsellor approves; a refusal needs a reason the worker reads', async () => {
    const { worker } = await fullWorker(t, w, w.enterpriseA, 'c');
    const asked = await t.http().post('/api/v1/me/correction-requests').set(...bearer(worker)).send({ field: 'phone', value: '13800000000', note: '换号了' }).expect(201);
    await t.http().post(`/api/v1/rights-requests/${asked.body.id}/approve`).set(...bearer(w.counsellorB)).expect(404); // outside B's subtree
    await t.http().post(`/api/v1/rights-requests/${asked.body.id}/approve`).set(...bearer(w.official)).expect(403);
    await t.http().post(`/api/v1/rights-requests/${asked.body.id}/approve`).set(...bearer(w.counsellorA)).expect(200);
    expect((await t.http().get('/api/v1/me/profile').set(...bearer(worker)).expect(200)).body.phone).toBe('13800000000');
    await t.http().post(`/api/v1/rights-requests/${asked.body.id}/approve`).set(...bearer(w.counsellorA)).expect(409);

    const second = await t.http().post('/api/v1/me/correction-requests').set(...bearer(worker)).send({ field: 'birthYear', value: '1890' }).expect(201);
    expect((await t.http().post(`/api/v1/rights-requests/${second.body.id}/approve`).set(...bearer(w.counsellorA)).expect(400)).body.code).toBe('CORRECTION_INVALID');
    await t.http().post(`/api/v1/rights-requests/${second.body.id}/refuse`).set(...bearer(w.counsellorA)).send({ code: 'inaccurate_request' }).expect(400);
    await t.http().post(`/api/v1/rights-requests/${second.body.id}/refuse`).set(...bearer(w.counsellorA)).send({ code: 'inaccurate_request', reason: '出生年份与身份证不符' }).expect(200);
    const mine = (await t.http().get('/api/v1/me/rights-requests').set(...bearer(worker)).expect(200)).body as { id: string; status: string; reviewNote: string }[];
    expect(mine.find((r) => r.id === second.body.id)).toMatchObject({ status: 'refused', reviewNote: '出生年份与身份证不符' });
  });

  it('shows the worker who accessed their record and when, from the audit log', async () => {
    const { worker } = await fullWorker(t, w, w.enterpriseA, 'a');
    await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.counsellorA)).expect(200);
    const report = (await t.http().get('/api/v1/me/access-report').set(...bearer(worker)).expect(200)).body as { who: string; role: string; action: string }[];
    expect(report[0]).toMatchObject({ role: 'counsellor', action: 'record.read', who: expect.any(String) });
    expect(report.some((e) => e.role === 'worker')).toBe(false);
    await t.http().get('/api/v1/me/access-report').set(...bearer(w.counsellorA)).expect(403);
  });

  it('erases a worker everywhere after review: no table holds their identity, aggregates and the audit chain stay', async () => {
    const subject = await fullWorker(t, w, w.enterpriseB, 'd');
    const { worker, name, employeeNo, phone, email } = subject;
    // Enough colleagues for the dashboards to publish figures.
    for (let i = 0; i < 14; i++) {
      const id = await t.createWorker(w.admin.token, w.enterpriseB, { gender: 'female', birthYear: 1988 });
      await insertResult(t, id, w.enterpriseB, 'mild', CLOCK_START.replace('T', ' ').replace('Z', ''));
    }
    // A crisis result opens a case (item 9), counselling with notes naming the worker, a referral naming them too.
    await t.http().post('/api/v1/me/assessments').set(...bearer(worker)).send({ instrumentCode: 'PHQ-9', answers: PHQ9_MODERATE_WITH_ITEM_9 }).expect(201);
    await t.runJobs();
    const slotId = await publishSlot(t, w.counsellorB, 1);
    const appointment = await t.http().post('/api/v1/me/counselling/appointments').set(...bearer(worker)).send({ slotId }).expect(201);
    await t.advanceClock(90 * 60_000);
    await t.http().post(`/api/v1/counselling/appointments/${appointment.body.id}/attendance`).set(...bearer(w.counsellorB)).send({ status: 'attended' }).expect(200);
    await t.http().put(`/api/v1/counselling/appointments/${appointment.body.id}/notes`).set(...bearer(w.counsellorB)).send({ notes: `${name} 工作压力大`, concerns: ['work_stress'] }).expect(200);
    await t.http().post('/api/v1/referrals').set(...bearer(w.counsellorB)).send({ workerId: worker.workerId, providerType: 'hospital', providerName: '市精神卫生中心', reason: `${name} 需要住院评估` }).expect(201);
    // An EAP referral out (its summary and contact detail name the worker; a webhook message carries the data).
    const vendor = await createVendor(t, w.admin);
    await createContract(t, w.admin, vendor.id, { orgUnitId: w.city });
    await registerEndpoint(t, w.admin, vendor.id, 'http://127.0.0.1:9/hooks');
    await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'eap_referral', granted: true, recipientId: vendor.id }).expect(201);
    await sendReferral(t, w.counsellorB, worker.workerId as string, vendor.id, {
      summary: `${name} 近两个月睡眠差`,
      contactPreference: { channel: 'phone', detail: phone, bestTime: '工作日晚上' },
    });
    // A service-desk request of their own, with a callback number.
    await t.http().post('/api/v1/me/requests').set(...bearer(worker)).send({ category: 'psychological_distress', summary: `我是${name}，最近压力很大`, callbackNumber: phone }).expect(201);
    const cases = await t.sql<{ id: string }>('SELECT id FROM crisis_cases WHERE worker_id = $1', [worker.workerId]);
    expect(cases).toHaveLength(1);
    await t.http().post(`/api/v1/crisis-cases/${cases[0].id}/notes`).set(...bearer(w.counsellorB)).send({ body: `已联系${name}` }).expect(201);

    const dashboards = async () => {
      const out: Record<string, unknown> = {};
      for (const [report, query] of [['screening', { instrument: 'PHQ-9' }], ['crisis', {}], ['referrals', {}], ['counselling', {}], ['eap', {}], ['service_desk', {}]] as const) {
        const body = (await t.http().get(`/api/v1/reports/${report}`).query({ ...query, year: YEAR, unitId: w.enterpriseB }).set(...bearer(w.official)).expect(200)).body as Record<string, unknown>;
        delete body.generatedAt;
        out[report] = body;
      }
      return out;
    };
    const rawCounts = () =>
      t.sql(
        `SELECT 'results' AS k, band AS v, COUNT(*) AS n FROM assessment_results WHERE org_unit_id = $1 GROUP BY band
         UNION ALL SELECT 'cases', level, COUNT(*) FROM crisis_cases WHERE org_unit_id = $2 GROUP BY level
         UNION ALL SELECT 'referrals', state, COUNT(*) FROM referrals WHERE org_unit_id = $3 GROUP BY state
         UNION ALL SELECT 'appointments', status, COUNT(*) FROM counselling_appointments WHERE org_unit_id = $4 GROUP BY status
         UNION ALL SELECT 'workers', gender, COUNT(*) FROM workers WHERE org_unit_id = $5 GROUP BY gender
         UNION ALL SELECT 'eap', status, COUNT(*) FROM eap_referrals WHERE worker_id IN (SELECT id FROM workers WHERE org_unit_id = $6) GROUP BY status
         UNION ALL SELECT 'desk', status, COUNT(*) FROM desk_requests WHERE subject_unit_id = $7 GROUP BY status ORDER BY 1, 2`,
        [w.enterpriseB, w.enterpriseB, w.enterpriseB, w.enterpriseB, w.enterpriseB, w.enterpriseB, w.enterpriseB],
      );

    // The request; an open crisis case is a retention hold: the counsellor cannot approve and refuses with the reason.
    const request = await t.http().post('/api/v1/me/deletion-requests').set(...bearer(worker)).send({ note: '我已离职' }).expect(201);
    await t.http().post('/api/v1/me/deletion-requests').set(...bearer(worker)).send({}).expect(409);
    const seen = (await t.http().get(`/api/v1/rights-requests/${request.body.id}`).set(...bearer(w.counsellorB)).expect(200)).body;
    expect(seen.holds.map((h: { code: string }) => h.code)).toEqual(['ACTIVE_CRISIS_CASE']);
    expect((await t.http().post(`/api/v1/rights-requests/${request.body.id}/approve`).set(...bearer(w.counsellorB)).expect(409)).body.code).toBe('RETENTION_HOLD');
    await t
      .http()
      .post(`/api/v1/rights-requests/${request.body.id}/refuse`)
      .set(...bearer(w.counsellorB))
      .send({ code: 'legal_retention', reason: '危机个案尚未结案，相关记录须依法保留' })
      .expect(200);
    const refused = (await t.http().get('/api/v1/me/rights-requests').set(...bearer(worker)).expect(200)).body as { kind: string; status: string; refusalCode: string }[];
    expect(refused[0]).toMatchObject({ kind: 'deletion', status: 'refused', refusalCode: 'legal_retention' });

    // The case is closed; asked again, the deletion is approved and carried out.
    await t.http().post(`/api/v1/crisis-cases/${cases[0].id}/acknowledge`).set(...bearer(w.counsellorB)).expect(200);
    await t.http().post(`/api/v1/crisis-cases/${cases[0].id}/transition`).set(...bearer(w.counsellorB)).send({ to: 'closed', reason: '危机已解除' }).expect(200);
    const before = await dashboards();
    expect(JSON.stringify(before)).toMatch(/"count":1\d/); // some figures are published
    const countsBefore = await rawCounts();
    const again = await t.http().post('/api/v1/me/deletion-requests').set(...bearer(worker)).send({}).expect(201);
    await t.http().post(`/api/v1/rights-requests/${again.body.id}/approve`).set(...bearer(w.official)).expect(403);
    const done = (await t.http().post(`/api/v1/rights-requests/${again.body.id}/approve`).set(...bearer(w.counsellorB)).expect(200)).body;
    expect(done.status).toBe('completed');

    // No table holds the worker's identifying data: scan every row of every table.
    await scanAllTables(t, [name, employeeNo, phone, email, worker.username]);
    // Every table that keys rows by worker is covered by a module's erasure rules (a new table without one fails).
    const covered = new Set(((await t.http().get('/api/v1/rights-requests/erasure-coverage').set(...bearer(w.counsellorB)).expect(200)).body as { table: string }[]).map((c) => c.table));
    const withWorkerColumn = await tablesWithColumn(t, 'worker_id');
    expect(withWorkerColumn.filter((table) => table !== 'audit_events' && !covered.has(table))).toEqual([]);
    // Rows still keyed by the (now pseudonymous) id hold no encrypted free text, only the placeholders erasure writes.
    for (const table of withWorkerColumn.filter((x) => x !== 'audit_events')) {
      for (const row of await t.sql<Record<string, unknown>>(`SELECT * FROM ${table} WHERE worker_id = $1`, [worker.workerId])) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value === 'string' && value.startsWith('enc:') && !PLACEHOLDERS.includes(cipher.decrypt(value))) throw new Error(`${table}.${column} still holds encrypted text`);
        }
      }
    }
    const [profile] = await t.sql<Record<string, unknown>>('SELECT * FROM workers WHERE id = $1', [worker.workerId]);
    expect(profile).toMatchObject({ phone: null, email: null, employee_no: null, notes: null });

    // Aggregates unchanged; the audit chain still verifies; the account is gone; staff no longer find the worker.
    expect(await dashboards()).toEqual(before);
    expect(await rawCounts()).toEqual(countsBefore);
    const admin = await t.admin();
    expect((await t.http().post('/api/v1/audit/verify').set(...bearer(admin)).expect(200)).body).toMatchObject({ intact: true });
    await t.http().post('/api/v1/auth/login').send({ username: worker.username, password: PASSWORD }).expect(401);
    await t.http().get('/api/v1/me/profile').set(...bearer(worker)).expect(401); // the unexpired access token is refused
    await t.http().get(`/api/v1/workers/${worker.workerId}`).set(...bearer(w.counsellorB)).expect(404);
    // The erasure itself is on the record, by id.
    const audit = (await t.http().get('/api/v1/audit/events').query({ workerId: worker.workerId, action: 'rights.deletion_completed' }).set(...bearer(admin)).expect(200)).body;
    expect(audit).toHaveLength(1);
  });
});

async function tableNames(t: TestApp): Promise<string[]> {
  const rows = process.env.DATABASE_URL?.startsWith('postgres')
    ? await t.sql<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
    : await t.sql<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  return rows.map((r) => r.name).sort();
}

async function tablesWithColumn(t: TestApp, column: string): Promise<string[]> {
  if (process.env.DATABASE_URL?.startsWith('postgres')) {
    const rows = await t.sql<{ name: string }>('SELECT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = $1', [column]);
    return rows.map((r) => r.name).sort();
  }
  const out: string[] = [];
  for (const table of await tableNames(t)) {
    const columns = await t.sql<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`);
    if (columns.some((c) => c.name === column)) out.push(table);
  }
  return out;
}

/** Fails naming the table and the value when any row of any table still contains one of the strings. */
async function scanAllTables(t: TestApp, needles: string[]): Promise<void> {
  const found: string[] = [];
  for (const table of await tableNames(t)) {
    for (const row of await t.sql(`SELECT * FROM ${table}`)) {
      const text = JSON.stringify(Object.values(row).map(plain));
      for (const needle of needles) if (text.includes(needle)) found.push(`${table}: ${needle}`);
    }
  }
  expect([...new Set(found)]).toEqual([]);
}

