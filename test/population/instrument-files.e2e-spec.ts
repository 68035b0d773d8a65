import { readFileSync } from 'node:fs';
import { casesForSource, onDuty } from '../individual/support.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { consent, consentOnPaper, submitOwn } from './support.js';

/** Instrument files as the tests edit them: deep, loosely typed JSON (the server checks them, not the compiler). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FileJson = Record<string, any>;
/** A made-up instrument, not shipped: loaded through the admin API it must reach every reader with no code change. */
const fixture = () => JSON.parse(readFileSync(new URL('../fixtures/instruments/plant-4.json', import.meta.url), 'utf8')) as FileJson;
const phq9File = () => JSON.parse(readFileSync(new URL('../../src/population/assessments/instruments/library/phq-9.json', import.meta.url), 'utf8')) as FileJson;

describe('admins load, check, publish and retire instrument files (#19)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;
  const files = () => t.http().post('/api/v1/instruments/files').set(...bearer(w.admin));

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    await onDuty(t, w.supervisor, w.enterpriseA, w.counsellorA);
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await consent(t, worker);
  });
  afterAll(() => t.close());

  it('refuses a file whose golden example does not score as stated with a 400 naming the example and the value', async () => {
    const file = fixture();
    file.examples[1].expect.total = 9;
    const response = await files().send({ file }).expect(400);
    expect(response.body.code).toBe('INSTRUMENT_FILE_INVALID');
    expect(response.body.problems).toEqual([{ path: '/examples/1', message: 'PLANT-4 example 2 "item 4 all the time": total is 8, the example states 9' }]);
    expect(response.body.message).toMatch(/^量表文件有 1 处问题/);
  });

  it('names each field that breaks the format, and checks without storing', async () => {
    const file = fixture();
    file.bands[1].min = 7;
    delete file.citation;
    const check = await t.http().post('/api/v1/instruments/files/check').set(...bearer(w.admin)).send({ file }).expect(200);
    expect(check.body).toMatchObject({ ok: false, preview: null });
    expect(check.body.problems.map((p: { path: string }) => p.path)).toEqual(['']);
    delete file.bands;
    const again = await files().send({ file: { ...fixture(), bands: [{ ...fixture().bands[0], max: 4 }, fixture().bands[1]] } }).expect(400);
    expect(again.body.problems[0]).toMatchObject({ path: '/bands/1/min', message: expect.stringMatching(/calm \(to 4\) and stressed \(from 6\) leave a gap/) as unknown });
    const list = await t.http().get('/api/v1/instruments/files').set(...bearer(w.admin)).expect(200);
    expect(list.body.some((v: { code: string }) => v.code === 'PLANT-4')).toBe(false);
  });

  it('refuses SCL-90 unless the union’s licence is recorded, and a licensed file is not published without it', async () => {
    const scl = { ...fixture(), code: 'SCL-90', name: { zh: '症状自评量表', en: 'Symptom Checklist-90' } };
    const refused = await files().send({ file: scl }).expect(400);
    expect(refused.body.problems[0]).toMatchObject({ path: '/licence/agreement', message: expect.stringMatching(/SCL-90 is sold under licence/) as unknown });

    const licensed = { ...fixture(), code: 'LIC-1', licence: { ...fixture().licence, permission: 'licence_required' } };
    await files().send({ file: licensed }).expect(201);
    const publish = await t.http().post('/api/v1/instruments/files/LIC-1/1.0.0/publish').set(...bearer(w.admin)).expect(400);
    expect(publish.body.code).toBe('INSTRUMENT_LICENCE_REQUIRED');
    const withLicence = { ...licensed, licence: { ...licensed.licence, agreement: { licensee: '市总工会', reference: 'LIC-2026-001' } } };
    await files().send({ file: withLicence }).expect(201); // replaces the draft
    await t.http().post('/api/v1/instruments/files/LIC-1/1.0.0/publish').set(...bearer(w.admin)).expect(200);
  });

  it('is for admins only', async () => {
    await t.http().post('/api/v1/instruments/files').set(...bearer(w.counsellorA)).send({ file: fixture() }).expect(403);
    await t.http().get('/api/v1/instruments/files').set(...bearer(w.official)).expect(403);
  });

  it('a new instrument loaded as a file is taken, scored, on the record, counted in a dashboard and triggers its crisis rule, with no code change', async () => {
    // Draft: previewed and tried, not yet offered to workers.
    const draft = await files().send({ file: fixture() }).expect(201);
    expect(draft.body).toMatchObject({ code: 'PLANT-4', version: '1.0.0', status: 'draft', origin: 'uploaded', current: false });
    const tried = await t.http().post('/api/v1/instruments/files/PLANT-4/1.0.0/try').set(...bearer(w.admin)).send({ answers: [1, 1, 1, 3] }).expect(200);
    expect(tried.body).toMatchObject({ totalScore: 6, band: 'stressed', subscales: { work: 3 }, subscaleBands: { work: 'ok' }, crisisLevel: 'imminent' });
    await submitOwn(t, worker, 'PLANT-4', [0, 0, 0, 0]).expect(400);

    await t.http().post('/api/v1/instruments/files/PLANT-4/1.0.0/publish').set(...bearer(w.admin)).expect(200);
    expect((await t.http().get('/api/v1/instruments').set(...bearer(worker)).expect(200)).body.map((i: { code: string }) => i.code)).toContain('PLANT-4');

    // Taken and scored; the crisis rule fires graded by answer and opens an imminent case explained in words.
    const result = await submitOwn(t, worker, 'PLANT-4', [2, 2, 1, 3]).expect(201);
    expect(result.body).toMatchObject({ instrumentVersion: '1.0.0', totalScore: 8, band: 'stressed', subscaleBands: { work: 'strained' }, crisis: true });
    await t.runJobs();
    await t.runJobs();
    expect((await casesForSource(t, result.body.id))[0]).toMatchObject({ level: 'imminent' });

    // On the record, with its subscale.
    const record = await t.http().get('/api/v1/me/record').set(...bearer(worker)).expect(200);
    expect(JSON.stringify(record.body)).toContain('PLANT-4');

    // Officials see it in the dashboards' instrument list with its band labels, and it is counted.
    const listed = await t.http().get('/api/v1/report-instruments').set(...bearer(w.official)).expect(200);
    expect(listed.body.find((i: { code: string }) => i.code === 'PLANT-4')).toMatchObject({
      bands: [{ code: 'calm', label: { zh: '压力较小' } }, { code: 'stressed' }],
      positiveBands: ['stressed'],
      subscales: [{ code: 'work', positiveBands: ['strained'] }],
    });
    const year = String(new Date(result.body.createdAt).getUTCFullYear());
    const report = await t.http().get('/api/v1/reports/screening').query({ instrument: 'PLANT-4', year }).set(...bearer(w.official)).expect(200);
    // Its bands and cut-off are the report's columns (one result: the cells themselves stay suppressed under k).
    expect(Object.keys(report.body.total.cells)).toEqual(expect.arrayContaining(['calm', 'stressed', 'above_cutoff', 'below_cutoff']));
    const bySubscale = await t.http().get('/api/v1/reports/screening').query({ instrument: 'PLANT-4', subscale: 'work', year }).set(...bearer(w.official)).expect(200);
    expect(Object.keys(bySubscale.body.total.cells)).toEqual(expect.arrayContaining(['ok', 'strained', 'above_cutoff']));
    await t.http().get('/api/v1/reports/screening').query({ instrument: 'PLANT-4', subscale: 'nope', year }).set(...bearer(w.official)).expect(400);

    // Retired: no longer taken; the result keeps its version.
    await t.http().post('/api/v1/instruments/files/PLANT-4/1.0.0/retire').set(...bearer(w.admin)).expect(200);
    await submitOwn(t, worker, 'PLANT-4', [0, 0, 0, 0]).expect(400);
    const [row] = await t.sql<{ instrument_version: string }>('SELECT instrument_version FROM assessment_results WHERE id = $1', [result.body.id]);
    expect(row.instrument_version).toBe('1.0.0');
    await t.http().post('/api/v1/instruments/files/PLANT-4/1.0.0/publish').set(...bearer(w.admin)).expect(409);
  });

  it('a new version of a shipped instrument can change its crisis levels; results keep the version they were scored with', async () => {
    const file = phq9File();
    file.version = '1.1.0';
    file.crisisRules[0].levelByAnswer = { '2': 'imminent', '3': 'imminent' };
    file.examples = [{ name: 'item 9 more than half the days', answers: [0, 0, 0, 0, 0, 0, 0, 0, 2], expect: { total: 2, band: 'minimal', crisis: ['item_9_above_0'], level: 'imminent' } }];
    await files().send({ file }).expect(201);
    await t.http().post('/api/v1/instruments/files/PHQ-9/1.1.0/publish').set(...bearer(w.admin)).expect(200);
    const other = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await consent(t, other);
    const result = await submitOwn(t, other, 'PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 2]).expect(201);
    expect(result.body.instrumentVersion).toBe('1.1.0');
    await t.runJobs();
    await t.runJobs();
    expect((await casesForSource(t, result.body.id))[0]).toMatchObject({ level: 'imminent' });
    const versions = (await t.http().get('/api/v1/instruments/files').set(...bearer(w.admin)).expect(200)).body as Array<{ code: string; version: string; current: boolean }>;
    expect(versions.filter((v) => v.code === 'PHQ-9').map((v) => [v.version, v.current])).toEqual([['1.0.0', false], ['1.1.0', true]]);
    await files().send({ file }).expect(409); // a published version is never overwritten
  });

  it('staff enter a paper form with the date it was filled in; a late crisis form says that the case opens today', async () => {
    const paper = await t.createWorker(w.admin.token, w.enterpriseA);
    await consentOnPaper(t, w.counsellorA, paper);
    const enter = (body: Record<string, unknown>) => t.http().post(`/api/v1/workers/${paper}/assessments`).set(...bearer(w.counsellorA)).send({ instrumentCode: 'PHQ-9', ...body });
    const now = new Date((await enter({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] }).expect(201)).body.createdAt as string);
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

    await enter({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], completedAt: day(2) }).expect(400);
    await enter({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], completedAt: day(-400) }).expect(400);
    await submitOwn(t, worker, 'PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 0], { completedAt: day(-1) }).expect(400);

    const quiet = await enter({ answers: [1, 0, 0, 0, 0, 0, 0, 0, 0], completedAt: day(-5) }).expect(201);
    expect(quiet.body).toMatchObject({ completedAt: `${day(-5)}T12:00:00.000Z`, source: 'staff' });
    expect(quiet.body.lateForm).toBeUndefined();

    const late = await enter({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], completedAt: day(-5) }).expect(201);
    expect(late.body.lateForm).toMatchObject({ daysLate: expect.any(Number) as unknown, zh: expect.stringMatching(new RegExp(`填写于 ${day(-5)}.*危机个案今天才开立`)) as unknown });
    const [job] = await t.sql<{ payload: string | Record<string, unknown> }>('SELECT payload FROM jobs WHERE dedupe_key = $1', [`event:assessment.crisis>individual.open-case:${late.body.id}`]);
    const payload = (typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload) as Record<string, unknown>;
    expect(payload.completedAt).toBe(`${day(-5)}T12:00:00.000Z`);
  });
});
