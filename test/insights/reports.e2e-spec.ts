import ExcelJS from 'exceljs';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { DifferencingAttacker, insertResult, key, type Report } from './reports-support.js';

const K = 10;
const YEAR = 2026;

/**
 * The dashboards publish aggregates only, with small-cell suppression that survives an attacker who combines every
 * response: unit A has 12 women and 1 man, unit B 8 women and 7 men (3 of them not screened), unit C one woman.
 */
describe('dashboards with small-cell suppression', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let unitC: string;
  const workers: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    unitC = await t.createUnit(w.admin.token, w.city);
    const add = async (unit: string, gender: string, band: string | null, month: number) => {
      const id = await t.createWorker(w.admin.token, unit, { gender, birthYear: 1985 });
      workers.push(id);
      if (band) await insertResult(t, id, unit, band, `${YEAR}-${String(month).padStart(2, '0')}-10 09:00:00.000`);
    };
    const bands = ['minimal', 'mild', 'moderate'];
    for (let i = 0; i < 12; i++) await add(w.enterpriseA, 'female', bands[i % 3], 1 + (i % 6));
    await add(w.enterpriseA, 'male', 'severe', 3);
    for (let i = 0; i < 8; i++) await add(w.enterpriseB, 'female', bands[i % 3], 2 + (i % 5));
    for (let i = 0; i < 7; i++) await add(w.enterpriseB, 'male', i < 4 ? bands[i % 3] : null, 4);
    await add(unitC, 'female', 'minimal', 5);
  });
  afterAll(() => t.close());

  const get = async (user: TestUser, path: string, query: Record<string, string>): Promise<Report> =>
    (await t.http().get(`/api/v1/reports/${path}`).query(query).set(...bearer(user)).expect(200)).body as Report;

  it('never publishes a cell under k; every count is perturbed within its stated bound and says so', async () => {
    const report = await get(w.official, 'screening', { instrument: 'PHQ-9', year: String(YEAR), breakdown: 'unit' });
    const cells = [...report.rows, report.total].flatMap((r) => Object.values(r.cells));
    expect(cells.some((c) => !c.suppressed)).toBe(true);
    for (const cell of cells) {
      expect(cell.exact).toBe(false);
      if (!cell.suppressed) expect(cell.count).toBeGreaterThanOrEqual(K);
      else expect(cell.reason).toBe('fewer_than_k');
    }
    expect(report.disclosure).toMatchObject({ method: 'cell_key_perturbation', minCellSize: K, maxError: 20 });
    // C (one worker) is withheld and says why; the city's 29 workers are published within the bound.
    const row = (unit: string) => report.rows.find((r) => r.key === `unit:${unit}`);
    expect(row(unitC)?.cells.all).toMatchObject({ count: null, suppressed: true, reason: 'fewer_than_k' });
    expect(Math.abs((report.total.cells.all.count as number) - 29)).toBeLessThanOrEqual(20);
    // No per-person row: nothing in the answer names or identifies a worker.
    const text = JSON.stringify(report);
    for (const id of workers) expect(text).not.toContain(id);
  });

  it('gives the same workers the same number however, whenever and by whomever they are asked (no fresh noise)', async () => {
    const cityKids = [w.enterpriseA, w.enterpriseB, unitC];
    // learn() throws when one coordinate (unit, gender, age band, category) is published with two values.
    const attacker = new DifferencingAttacker({ [w.city]: cityKids }, [], ['female', 'male'], ['40_49']);
    for (const user of [w.official, w.supervisor]) {
      for (const unit of [w.city, ...cityKids]) {
        for (const gender of [undefined, 'female', 'male']) {
          for (const breakdown of ['unit', 'gender', 'age_band']) {
            const query: Record<string, string> = { instrument: 'PHQ-9', year: String(YEAR), unitId: unit, breakdown };
            if (gender) query.gender = gender;
            attacker.learn(await get(user, 'screening', query), unit);
          }
        }
      }
    }
    expect(attacker.smallCells(K)).toEqual([]);
    expect(attacker.known.size).toBeGreaterThan(10);
    // The city's workers are the same set in every dashboard: the same perturbed total everywhere.
    const screeningTotal = attacker.known.get(key(w.city, 'all', 'all', 'all'));
    const crisis = await get(w.official, 'crisis', { year: String(YEAR) });
    expect(crisis.total.cells.all.count).toBe(screeningTotal);
  });

  it('withholds the only man of unit A whichever way it is asked; A and its women are both perturbed', async () => {
    const all = await get(w.official, 'screening', { instrument: 'PHQ-9', year: String(YEAR), unitId: w.enterpriseA, breakdown: 'gender' });
    const women = await get(w.official, 'screening', { instrument: 'PHQ-9', year: String(YEAR), unitId: w.enterpriseA, gender: 'female' });
    const men = await get(w.official, 'screening', { instrument: 'PHQ-9', year: String(YEAR), unitId: w.enterpriseA, gender: 'male' });
    expect(men.total.cells.all.suppressed).toBe(true);
    expect(all.rows.find((r) => r.key === 'male')?.cells.all.suppressed).toBe(true);
    // Their difference is no exact count: neither figure is exact.
    expect([all.total.cells.all.exact, women.total.cells.all.exact]).toEqual([false, false]);
  });

  it('answers officials, supervisors and admins of the subtree; refuses counsellors and workers; 404 outside the scope', async () => {
    await get(w.supervisor, 'crisis', { year: String(YEAR) });
    const admin = await t.createUser(w.admin.token, 'admin', w.city);
    await get(admin, 'referrals', { year: String(YEAR) });
    await get(w.official, 'counselling', { year: String(YEAR) });
    await get(w.official, 'programmes', { year: String(YEAR) });
    await get(w.official, 'eap', { year: String(YEAR) });
    await get(w.official, 'service_desk', { year: String(YEAR) });
    await t.http().get('/api/v1/reports/crisis').set(...bearer(w.counsellorA)).expect(403);
    const enterpriseOfficial = await t.createUser(w.admin.token, 'official', w.enterpriseA);
    await t.http().get('/api/v1/reports/crisis').query({ unitId: w.enterpriseB }).set(...bearer(enterpriseOfficial)).expect(404);
    await t.http().get('/api/v1/reports/nonsense').set(...bearer(w.official)).expect(400);
    await t.http().get('/api/v1/reports/screening').set(...bearer(w.official)).expect(400);
  });

  it('shows trends by quarter from the same suppressed figures', async () => {
    const report = await get(w.official, 'trends', { instrument: 'PHQ-9', year: String(YEAR) });
    expect(report.breakdown).toBe('quarter');
    expect(report.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['q1', 'q2']));
    for (const row of [...report.rows, report.total]) for (const cell of Object.values(row.cells)) if (!cell.suppressed) expect(cell.count).toBeGreaterThanOrEqual(K);
  });

  it('exports CSV and XLSX with the same suppression, and audits every export', async () => {
    const query = { instrument: 'PHQ-9', year: String(YEAR), breakdown: 'unit' };
    const report = await get(w.official, 'screening', query);
    const csv = await t.http().get('/api/v1/reports/screening/export').query({ ...query, format: 'csv' }).set(...bearer(w.official)).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(report.rows.length + 2);
    expect(lines[lines.length - 1].split(',')[1]).toBe(String(report.total.cells.all.count));
    expect(csv.text).toContain('<k');
    const xlsx = await t
      .http()
      .get('/api/v1/reports/screening/export')
      .query({ ...query, format: 'xlsx' })
      .set(...bearer(w.official))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.worksheets[0];
    const values: unknown[] = [];
    sheet.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain(report.total.cells.all.count);
    expect(values).toContain('<k');
    for (const v of values) if (typeof v === 'number') expect(v).toBeGreaterThanOrEqual(K);
    const audits = await t.sql<{ n: number | string }>("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'report.export' AND actor_id = $1", [w.official.id]);
    expect(Number(audits[0].n)).toBe(2);
    await t.http().get('/api/v1/reports/screening/export').query({ ...query, format: 'pdf' }).set(...bearer(w.official)).expect(400);
  });
});
