import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { consent, consentOnPaper, PHQ9, submitOwn } from '../population/support.js';
import { insertResult } from './reports-support.js';

/**
 * The dashboards' pre-aggregated counts (population_counts, assessment_counts; docs/insights.md) after a varied
 * history — results across units, quarters, years, instruments and bands, out of order, by workers and by staff; new
 * workers by hand and by roster import; a worker moving unit; gender and birth-year changes; a unit moving under
 * another; a worker's data deleted — equal a fresh rebuild from the facts, and every dashboard publishes exactly
 * what the pass over every worker and their facts publishes.
 */
describe('pre-aggregated dashboard counts', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let unitC: string;
  let unitD: string;
  const accounts: TestUser[] = [];

  const at = (year: number, month: number, day = 10) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 09:00:00.000`;
  const snapshot = async () => ({
    population: await t.sql(
      'SELECT unit_id, scope, gender, birth_year, n, CAST(key_sum AS text) AS k FROM population_counts WHERE n <> 0 ORDER BY unit_id, scope, gender, birth_year',
    ),
    counts: await t.sql(
      `SELECT instrument_code, year, unit_id, scope, quarter, gender, age_band, band, n, CAST(key_sum AS text) AS k FROM assessment_counts WHERE n <> 0
       ORDER BY instrument_code, year, unit_id, scope, quarter, gender, age_band, band`,
    ),
    latest: await t.sql('SELECT instrument_code, year, worker_id, result_id, band FROM assessment_latest ORDER BY instrument_code, year, worker_id'),
  });

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    unitC = await t.createUnit(w.admin.token, w.city);
    unitD = await t.createUnit(w.admin.token, w.enterpriseA); // a sub-unit: three levels of roll-up
    const units = [w.enterpriseA, w.enterpriseB, unitC, unitD, w.city];
    const genders = ['female', 'male', 'other', 'undisclosed'];
    const bands = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'];
    for (let i = 0; i < 40; i++) {
      const unit = units[i % units.length];
      const id = await t.createWorker(w.admin.token, unit, { gender: genders[i % 4], ...(i % 7 === 0 ? {} : { birthYear: 1960 + ((i * 7) % 40) }) });
      if (i % 5 === 4) continue; // never screened
      await insertResult(t, id, unit, bands[i % 5], at(2026, 1 + ((i * 5) % 12)));
      if (i % 3 === 0) await insertResult(t, id, unit, bands[(i + 2) % 5], at(2026, 12, 1)); // a later result replaces the first
      if (i % 4 === 0) await insertResult(t, id, unit, 'severe', at(2026, 1, 2)); // an older one arriving late changes nothing
      if (i % 2 === 0) await insertResult(t, id, unit, bands[(i + 1) % 5], at(2025, 1 + (i % 12)));
      if (i % 3 === 1) await insertResult(t, id, unit, ['minimal', 'mild', 'moderate', 'severe'][i % 4], at(2026, 1 + (i % 12)), 'GAD-7');
    }
    // Submissions through the app: by workers themselves and by staff from paper.
    for (const unit of [w.enterpriseA, w.enterpriseB, unitD]) {
      const worker = await t.createWorkerUser(w.admin.token, unit, { gender: 'female', birthYear: 1990 });
      await consent(t, worker);
      await submitOwn(t, worker, 'PHQ-9', PHQ9.minimal).expect(201);
      await t.advanceClock(60_000);
      await submitOwn(t, worker, 'PHQ-9', PHQ9.moderate).expect(201);
      accounts.push(worker);
    }
    const paper = await t.createWorker(w.admin.token, w.enterpriseB, { gender: 'male', birthYear: 1970 });
    await consentOnPaper(t, w.counsellorB, paper);
    await t.http().post(`/api/v1/workers/${paper}/assessments`).set(...bearer(w.counsellorB)).send({ instrumentCode: 'PHQ-9', answers: PHQ9.severe }).expect(201);
    // A roster import.
    const csv = 'name,gender,birthYear\n导入甲,female,1980\n导入乙,male,\n导入丙,other,1999\n';
    await t.http().post('/api/v1/workers/import').set(...bearer(w.admin)).field('orgUnitId', unitC).attach('file', Buffer.from(csv), 'roster.csv').expect(201);
  });
  afterAll(() => t.close());

  const reports = async (user: TestUser) => {
    const answers: Record<string, unknown>[] = [];
    const queries: [string, Record<string, string>][] = [];
    for (const unitId of [w.city, w.enterpriseA, w.enterpriseB, unitD]) {
      for (const year of ['2025', '2026']) {
        for (const instrument of ['PHQ-9', 'GAD-7']) {
          for (const breakdown of ['unit', 'gender', 'age_band']) queries.push(['screening', { instrument, year, unitId, breakdown }]);
          queries.push(['trends', { instrument, year, unitId }]);
        }
      }
      queries.push(['screening', { instrument: 'PHQ-9', year: '2026', unitId, gender: 'female', ageBand: '40_49', breakdown: 'unit' }]);
      queries.push(['trends', { instrument: 'PHQ-9', year: '2026', unitId, quarter: 'q4', breakdown: 'gender' }]);
      for (const report of ['crisis', 'referrals', 'counselling', 'programmes', 'eap', 'service_desk']) {
        for (const breakdown of ['unit', 'age_band']) queries.push([report, { year: '2026', unitId, breakdown }]);
      }
    }
    for (const [report, query] of queries) {
      const get = async (path: string) => {
        const body = (await t.http().get(path).query(query).set(...bearer(user)).expect(200)).body as Record<string, unknown>;
        delete body.generatedAt;
        return body;
      };
      const published = await get(`/api/v1/reports/${report}`);
      expect({ report, query, published }).toEqual({ report, query, published: await get(`/api/v1/test/insights/reports/${report}`) });
      answers.push(published);
    }
    return answers;
  };

  it('are kept in step with every change: equal to a rebuild from the facts, and the dashboards publish what the facts give', async () => {
    // A worker moves unit; another changes gender; another's birth year moves them to another age band.
    const [moving, regendered, reborn] = accounts;
    await t.http().patch(`/api/v1/workers/${moving.workerId}`).set(...bearer(w.admin)).send({ orgUnitId: unitC }).expect(200);
    await t.http().patch(`/api/v1/workers/${regendered.workerId}`).set(...bearer(w.admin)).send({ gender: 'male' }).expect(200);
    await t.http().patch(`/api/v1/workers/${reborn.workerId}`).set(...bearer(w.admin)).send({ birthYear: 1960, name: '改名者' }).expect(200);
    // A unit (with its screened workers) moves from enterprise A to enterprise B.
    await t.http().patch(`/api/v1/org-units/${unitD}`).set(...bearer(w.admin)).send({ parentId: w.enterpriseB }).expect(200);
    // A submission after the move lands under the new ancestors.
    await t.advanceClock(60_000);
    await submitOwn(t, reborn, 'PHQ-9', PHQ9.severe).expect(201);
    // A worker's data deleted on their request (the counts stay: the pseudonym keeps unit, gender and birth year).
    const request = await t.http().post('/api/v1/me/deletion-requests').set(...bearer(moving)).send({ note: '离职' }).expect(201);
    const before = await snapshot();
    await t.http().post(`/api/v1/rights-requests/${request.body.id}/approve`).set(...bearer(w.supervisor)).expect(200);
    expect(await snapshot()).toEqual(before);

    const maintained = await snapshot();
    expect(maintained.population.length).toBeGreaterThan(20);
    expect(maintained.counts.length).toBeGreaterThan(50);
    const published = await reports(w.official);
    expect(published.length).toBeGreaterThan(100);
    await t.http().post('/api/v1/test/insights/rebuild').expect(200);
    expect(await snapshot()).toEqual(maintained);
    // And the figures after the rebuild are the figures before it.
    expect(await reports(w.official)).toEqual(published);
  });

  it('reads only the rows of the units a dashboard shows: roll-up rows per ancestor add up to their parts', async () => {
    const rows = await t.sql<{ scope: string; n: number | string }>(
      `SELECT scope, SUM(n) AS n FROM population_counts WHERE (scope = 'subtree' AND unit_id = $1) OR (scope = 'direct' AND unit_id IN ($2, $3, $4, $5, $6)) GROUP BY scope ORDER BY scope`,
      [w.city, w.city, w.enterpriseA, w.enterpriseB, unitC, unitD],
    );
    const [direct, subtree] = rows.map((r) => Number(r.n));
    const [workers] = await t.sql<{ n: number | string }>('SELECT COUNT(*) AS n FROM workers WHERE org_unit_id IN ($1, $2, $3, $4, $5)', [
      w.city,
      w.enterpriseA,
      w.enterpriseB,
      unitC,
      unitD,
    ]);
    expect(subtree).toBe(Number(workers.n));
    expect(direct).toBe(subtree); // the city's subtree is exactly these five units
  });

  it('stay in step through a merge of duplicate profiles and its undo (results and a birth year move between them)', async () => {
    // The kept profile has no birth year and an older PHQ-9; the duplicate, in another unit, a newer one and a GAD-7.
    const keep = await t.createWorker(w.admin.token, w.enterpriseA, { gender: 'female' });
    const duplicate = await t.createWorker(w.admin.token, w.enterpriseB, { gender: 'female', birthYear: 1975 });
    await insertResult(t, keep, w.enterpriseA, 'mild', at(2026, 3));
    await insertResult(t, duplicate, w.enterpriseB, 'severe', at(2026, 6));
    await insertResult(t, duplicate, w.enterpriseB, 'mild', at(2026, 2), 'GAD-7');
    const rebuilt = async () => {
      const maintained = await snapshot();
      await t.http().post('/api/v1/test/insights/rebuild').expect(200);
      expect(await snapshot()).toEqual(maintained);
      return maintained;
    };
    const before = await rebuilt();

    const merge = await t.http().post('/api/v1/worker-merges').set(...bearer(w.admin)).send({ keepId: keep, mergeId: duplicate }).expect(201);
    const merged = await rebuilt();
    // The kept profile's latest PHQ-9 of the year is now the duplicate's newer result, counted at the kept profile.
    expect(merged.latest.filter((r) => r.worker_id === keep).map((r) => [r.instrument_code, r.band])).toEqual([
      ['GAD-7', 'mild'],
      ['PHQ-9', 'severe'],
    ]);
    expect(merged.latest.filter((r) => r.worker_id === duplicate)).toEqual([]);

    await t.http().post(`/api/v1/worker-merges/${merge.body.id}/undo`).set(...bearer(w.admin)).expect(200);
    expect(await rebuilt()).toEqual(before);
  });
});
