import { randomUUID } from 'node:crypto';
import { TestApp, bearer } from '../support/test-app.js';
import { UTILISATION_CSV_COLUMNS } from '../../src/eap/utilisation/utilisation.service.js';
import { createContract, createVendor } from '../eap/support.js';
import { DashboardAttacker, EAP_STATUSES, PHQ9_BANDS, truthOf, type EapStatus, type FixtureWorker, type PublishedReport, type PublishedUtilisation } from './dashboard-attack.js';
import { insertResult } from './reports-support.js';

const K = 10;
const YEAR = 2026;
const AGE_OF: Record<number, string> = { 1985: '40_49', 1995: '30_39', 1970: '50_plus' };

/**
 * An official requests every dashboard over a city with a small unit (S: 5 workers, all at or above the cut-off), a
 * unit with a sub-unit (A: 27 own workers + A1: 6) and a larger sibling (B: 22, 9 of them not screened): every report,
 * unit, breakdown, gender × age filter, subgroup filter and quarter, and the CSV exports; and EAP utilisation per
 * contract (a city contract with ~30 referrals, one of S with 4), linked to the EAP dashboard by its referrals. Every number becomes a
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
    const vendor = await createVendor(t, w.admin);
    const cityContract = (await createContract(t, w.admin, vendor.id, { orgUnitId: w.city, sessionsTotal: 200 })).id;
    const smallContract = (await createContract(t, w.admin, vendor.id, { orgUnitId: s })).id;
    const refer = async (workerId: string, contract: string, status: EapStatus) => {
      const at = (day: number) => `${YEAR}-03-${String(day).padStart(2, '0')} 09:00:00.000`;
      const accepted = ['accepted', 'attended', 'completed', 'dropped_out'].includes(status);
      await t.sql(
        `INSERT INTO eap_referrals (id, vendor_ref, worker_id, vendor_id, contract_id, service, urgency, contact_preference, summary, status,
           sent_at, sent_by, accepted_at, declined_at, first_session_at, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'individual_counselling', 'routine', 'seeded', 'seeded', $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [randomUUID(), `ref-${randomUUID()}`, workerId, vendor.id, contract, status, at(2), w.admin.id, accepted ? at(3) : null, status === 'declined' ? at(3) : null,
          ['attended', 'completed', 'dropped_out'].includes(status) ? at(6) : null, w.admin.id, at(1), at(6)],
      );
    };
    let i = 0;
    const add = async (unit: string, count: number, notScreened: number, bands: string[], referrals: EapStatus[] = []) => {
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
        // Every other worker of the larger units is referred under the city's contract; S's under its own.
        const eap = unit === s ? (j < referrals.length ? { status: referrals[j], contract: smallContract } : null) : i % 2 === 0 ? { status: EAP_STATUSES[(i >> 1) % EAP_STATUSES.length], contract: cityContract } : null;
        if (eap) await refer(id, eap.contract, eap.status);
        fixture.push({
          eap,
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
    await add(s, 5, 0, ['moderate', 'moderately_severe', 'severe'], ['completed', 'completed', 'attended', 'declined']);
    const subtrees = { [w.city]: [w.city, w.enterpriseA, a1, w.enterpriseB, s], [w.enterpriseA]: [w.enterpriseA, a1], [a1]: [a1], [w.enterpriseB]: [w.enterpriseB], [s]: [s] };
    attacker = new DashboardAttacker(subtrees, K, { [cityContract]: w.city, [smallContract]: s });
    // EAP utilisation, every way an official can ask for it: the list, by vendor, by unit, each contract, the CSV.
    const utilisation = (path: string, query: Record<string, string> = {}) => t.http().get(`/api/v1/eap/${path}`).query(query).set(...bearer(w.official)).expect(200);
    attacker.learnUtilisation((await utilisation('utilisation')).body as PublishedUtilisation[], 'utilisation');
    attacker.learnUtilisation((await utilisation('utilisation', { vendorId: vendor.id })).body as PublishedUtilisation[], 'utilisation by vendor');
    for (const unit of Object.keys(subtrees)) attacker.learnUtilisation((await utilisation('utilisation', { orgUnitId: unit })).body as PublishedUtilisation[], `utilisation of ${unit}`);
    for (const contract of [cityContract, smallContract]) attacker.learnUtilisation([(await utilisation(`contracts/${contract}/utilisation`)).body as PublishedUtilisation], 'contract utilisation');
    const listed = (await utilisation('utilisation')).body as PublishedUtilisation[];
    attacker.learnUtilisation(utilisationFromCsv((await utilisation('utilisation/csv')).text, listed), 'utilisation csv');
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

/** The utilisation CSV read back as an attacker would: each figure by its header, `<k` for withheld. */
function utilisationFromCsv(text: string, json: PublishedUtilisation[]): PublishedUtilisation[] {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
  return lines.map((line) => {
    const row = json.find((r) => r.reference === line[header.indexOf('合同编号 contract')])!;
    const read: PublishedUtilisation = { ...row, withheld: [] };
    for (const [field, title] of UTILISATION_CSV_COLUMNS) {
      const value = line[header.indexOf(title)];
      if (value === '<k') read.withheld.push({ field, reason: 'fewer_than_k' });
      (read as Record<string, unknown>)[field] = value === '<k' || value === '' ? null : typeof row[field] === 'number' ? Number(value) : value;
    }
    return read;
  });
}

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
