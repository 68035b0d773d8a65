import { FieldCipher } from '../../src/platform/crypto/field-cipher.js';
import { rebuildLatestSql } from '../../src/population/assessments/assessment-latest.js';
import type { RouteBench, Scenario } from '../lib/context.js';

const RESULTS_PER_WORKER = Number(process.env.BENCH_INSIGHTS_RESULTS_PER_WORKER ?? 10);
const YEAR = 2026;

/**
 * Issue #9: the dashboards over the whole roster (the official of the root unit: every worker, 100,000 by default)
 * and 1,000,000 assessment results (10 per worker, spread over 2025–2026: PHQ-9, GAD-7 and WHO-5 with a realistic
 * band mix). Seeded set-based: one INSERT … SELECT per result slot over the workers table, never row by row.
 */
export const insightsScenario: Scenario = {
  name: 'insights',
  async seed(ctx) {
    const cipher = new FieldCipher(process.env.BENCH_DATA_KEY!);
    const answers = cipher.encrypt(JSON.stringify([1, 1, 1, 1, 1, 1, 1, 0, 0]));
    const pg = ctx.sql.dialect === 'postgres';
    const uuid = pg
      ? 'gen_random_uuid()'
      : `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;
    const rand100 = pg ? 'floor(random() * 100)::int' : '(abs(random()) % 100)';
    for (let slot = 0; slot < RESULTS_PER_WORKER; slot++) {
      const instrument = slot < 6 ? 'PHQ-9' : slot < 8 ? 'GAD-7' : 'WHO-5';
      const bands =
        instrument === 'PHQ-9'
          ? `CASE WHEN r < 50 THEN 'minimal' WHEN r < 75 THEN 'mild' WHEN r < 88 THEN 'moderate' WHEN r < 95 THEN 'moderately_severe' ELSE 'severe' END`
          : instrument === 'GAD-7'
            ? `CASE WHEN r < 55 THEN 'minimal' WHEN r < 80 THEN 'mild' WHEN r < 92 THEN 'moderate' ELSE 'severe' END`
            : `CASE WHEN r < 70 THEN 'adequate' ELSE 'poor' END`;
      // Slot s lands in month (s × 7 + r) mod 24 of 2025–2026, so every quarter of both years has results.
      const day = `((${slot} * 211 + r * 7) % 730)`;
      const at = pg ? `TIMESTAMPTZ '2025-01-01 09:00:00+00' + ${day} * INTERVAL '1 day'` : `strftime('%Y-%m-%d %H:%M:%f', '2025-01-01 09:00:00', '+' || ${day} || ' days')`;
      await ctx.sql.query(
        `INSERT INTO assessment_results (id, worker_id, org_unit_id, instrument_code, instrument_version, answers, total_score, band, crisis, crisis_reasons, source, entered_by, created_at)
         SELECT ${uuid}, s.id, s.org_unit_id, '${instrument}', '1', ${pg ? '$1' : '?'}, s.r % 27, ${bands}, FALSE, '[]', 'staff', ${pg ? '$2' : '?'}, ${at}
         FROM (SELECT w.id, w.org_unit_id, ${rand100} AS r FROM workers w) s`,
        [answers, '00000000-0000-0000-0000-000000000000'],
      );
    }
    // The dashboards read the assessments module's latest-result summary: rebuilt set-based from the results.
    for (const statement of rebuildLatestSql(ctx.sql.dialect)) await ctx.sql.query(statement);
    await ctx.sql.query('ANALYZE');
    const [row] = await ctx.sql.query<{ n: number | string; latest: number | string }>(
      'SELECT (SELECT COUNT(*) FROM assessment_results) AS n, (SELECT COUNT(*) FROM assessment_latest) AS latest',
    );
    console.log(`insights: ${row.n} assessment results (${row.latest} latest per worker, instrument and year) in the database`);
  },
  async routes(ctx): Promise<RouteBench[]> {
    const token = ctx.tokens.official;
    const route = (name: string, path: string, connections?: number): RouteBench => ({
      name: `GET ${name}`,
      paths: [path],
      token,
      connections,
      p99TargetMs: 100,
    });
    const q = `year=${YEAR}`;
    return [
      route('/reports/screening (PHQ-9, by unit, whole roster)', `/api/v1/reports/screening?instrument=PHQ-9&${q}`, 1),
      route('/reports/screening (PHQ-9, by age band, women)', `/api/v1/reports/screening?instrument=PHQ-9&${q}&breakdown=age_band&gender=female`, 1),
      route('/reports/screening (GAD-7, city, by gender)', `/api/v1/reports/screening?instrument=GAD-7&${q}&breakdown=gender&unitId=${ctx.units.counsellorCity}`, 1),
      route('/reports/trends (WHO-5, by quarter)', `/api/v1/reports/trends?instrument=WHO-5&${q}`, 1),
      route('/reports/crisis', `/api/v1/reports/crisis?${q}`, 1),
      route('/reports/referrals', `/api/v1/reports/referrals?${q}`, 1),
      route('/reports/counselling', `/api/v1/reports/counselling?${q}`, 1),
      route('/reports/programmes', `/api/v1/reports/programmes?${q}`, 1),
      route('/reports/eap', `/api/v1/reports/eap?${q}`, 1),
      route('/reports/service_desk', `/api/v1/reports/service_desk?${q}`, 1),
      route('/reports/screening/export (xlsx)', `/api/v1/reports/screening/export?instrument=PHQ-9&${q}&format=xlsx`, 1),
      route('/reports/screening (PHQ-9, by unit, 10 connections)', `/api/v1/reports/screening?instrument=PHQ-9&${q}`),
    ];
  },
};
