import { randomUUID } from 'node:crypto';
import { TestApp, bearer } from '../support/test-app.js';
import { DashboardAttacker, PHQ9_BANDS, truthOf, type FixtureWorker, type PublishedReport } from './dashboard-attack.js';
import { insertResult } from './reports-support.js';

const K = 10;
const YEAR = 2026;
const AGE_OF: Record<number, string> = { 1985: '40_49', 1995: '30_39', 1970: '50_plus' };

/**
 * An official requests every dashboard over a city with a small unit (S: 5 workers, all at or above the cut-off), a
 * unit with a sub-unit (A: 27 own workers + A1: 6) and a larger sibling (B: 22, 9 of them not screened): every report,
 * unit, breakdown, gender × age filter, subgroup filter and quarter, and the CSV exports. Every number becomes a
 * constraint over the hidden fine cells (test/insights/dashboard-attack.ts); the solver must derive no withheld count
 * and no count under k.
 */
describe('dashboards against a linear-programming attacker', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let attacker: DashboardAttacker;
  const fixture: FixtureWorker[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    const a1 = await t.createUnit(w.admin.token, w.enterpriseA);
    const s = await t.createUnit(w.admin.token, w.city);
    const programme = randomUUID();
    await t.sql(
      `INSERT INTO care_programmes (id, subgroup_code, org_unit_id, title, eligibility, status, outcome_instruments, created_by, created_at)
       VALUES ($1, 'women', $2, 'attack fixture', '{}', 'active', '[]', $3, $4)`,
      [programme, w.city, w.admin.id, `${YEAR}-01-05 09:00:00.000`],
    );
    let i = 0;
    const add = async (unit: string, count: number, notScreened: number, bands: string[]) => {
      for (let j = 0; j < count; j++, i++) {
        const gender = i % 3 === 0 ? 'male' : 'female';
        const birthYear = [1985, 1995, 1970][i % 3];
        const id = await t.createWorker(w.admin.token, unit, { gender, birthYear });
        const screened = j >= notScreened;
        const month = 1 + (i % 11);
        const band = bands[i % bands.length];
        if (screened) await insertResult(t, id, unit, band, `${YEAR}-${String(month).padStart(2, '0')}-10 09:00:00.000`);
        const enrolled = gender === 'female' && i % 4 !== 1 ? (i % 5 === 0 ? 'invited' : 'accepted') : null;
        if (enrolled) {
          await t.sql(
            `INSERT INTO programme_enrolments (programme_id, worker_id, org_unit_id, status, source, created_at) VALUES ($1, $2, $3, $4, 'rule', $5)`,
            [programme, id, unit, enrolled, `${YEAR}-02-01 09:00:00.000`],
          );
        }
        fixture.push({
          unit,
          gender,
          age: AGE_OF[birthYear],
          subgroup: enrolled === 'accepted',
          phq9: screened ? { band, quarter: `q${Math.floor((month - 1) / 3) + 1}` } : null,
          programme: enrolled === null ? null : enrolled === 'accepted' ? 'taking_part' : 'not_taking_part',
        });
      }
    };
    await add(w.enterpriseA, 27, 4, PHQ9_BANDS);
    await add(a1, 6, 1, PHQ9_BANDS);
    await add(w.enterpriseB, 22, 9, PHQ9_BANDS);
    await add(s, 5, 0, ['moderate', 'moderately_severe', 'severe']);
    const subtrees = { [w.city]: [w.city, w.enterpriseA, a1, w.enterpriseB, s], [w.enterpriseA]: [w.enterpriseA, a1], [a1]: [a1], [w.enterpriseB]: [w.enterpriseB], [s]: [s] };
    attacker = new DashboardAttacker(subtrees, K);
    const catalogue = (await t.http().get('/api/v1/reports').set(...bearer(w.official)).expect(200)).body as { name: string; breakdowns: string[]; needsInstrument: boolean }[];
    for (const entry of catalogue) {
      // Every filter on screening and trends; the other reports share their code path and population, so fewer.
      const filters: Record<string, string>[] = entry.needsInstrument
        ? [{}, { gender: 'female' }, { gender: 'male' }, { ageBand: '40_49' }, { gender: 'female', ageBand: '40_49' }]
        : [{}, { gender: 'male' }, { gender: 'female', ageBand: '40_49' }];
      if (entry.name === 'screening') filters.push({ subgroup: 'women' }, { subgroup: 'women', ageBand: '30_39' });
      if (entry.name === 'trends') filters.push({ quarter: 'q2' }, { quarter: 'q3', gender: 'male' });
      for (const unit of Object.keys(subtrees)) {
        for (const breakdown of entry.breakdowns) {
          for (const filter of filters) {
            const query = { year: String(YEAR), unitId: unit, breakdown, ...filter, ...(entry.needsInstrument ? { instrument: 'PHQ-9' } : {}) };
            const response = await t.http().get(`/api/v1/reports/${entry.name}`).query(query).set(...bearer(w.official)).expect(200);
            attacker.learn(response.body as PublishedReport, unit);
          }
        }
        // The export publishes the same cells as a file: read them back from the CSV as an attacker would.
        const query = { year: String(YEAR), unitId: unit, breakdown: 'unit', ...(entry.needsInstrument ? { instrument: 'PHQ-9' } : {}) };
        const json = (await t.http().get(`/api/v1/reports/${entry.name}`).query(query).set(...bearer(w.official)).expect(200)).body as PublishedReport;
        const csv = await t.http().get(`/api/v1/reports/${entry.name}/export`).query({ ...query, format: 'csv' }).set(...bearer(w.official)).expect(200);
        attacker.learn(fromCsv(csv.text, json), unit);
      }
    }
  }, 600_000);
  afterAll(() => t.close());

  it('derives no withheld count and no count under k from every report, breakdown, filter, quarter and export', () => {
    const { leaks, unsound, figures } = attacker.attack(truthOf(fixture));
    expect(unsound).toEqual([]);
    expect(figures).toBeGreaterThan(1000);
    if (process.env.ATTACK_REPORT) console.log(JSON.stringify({ figures, leaks: leaks.length, sample: leaks.filter((l) => !l.figure.startsWith('fine')).slice(0, 40) }, null, 1));
    expect(leaks.slice(0, 20)).toEqual([]);
  });

  it('had figures to work with: the city and its larger units are published', () => {
    expect(attacker.published.length).toBeGreaterThan(100);
  });
});

/** An export's cells, as a report: values in the header's column order, `<k` for withheld. */
function fromCsv(text: string, json: PublishedReport): PublishedReport {
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
  const rowOf = (line: string, key: string) => ({
    key,
    cells: Object.fromEntries(
      json.columns.map((c, i) => {
        const value = line.split(',')[i + 1];
        const template = key === 'total' ? json.total.cells[c.code] : json.rows.find((r) => r.key === key)!.cells[c.code];
        return [c.code, value === '<k' || !/^\d+$/.test(value) ? { ...template, count: null, suppressed: true } : { ...template, count: Number(value), suppressed: false }];
      }),
    ),
  });
  return { ...json, rows: json.rows.map((r, i) => rowOf(lines[i], r.key)), total: rowOf(lines[lines.length - 1], 'total') };
}
