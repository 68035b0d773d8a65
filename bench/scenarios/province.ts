/**
 * Issue #17 item 5, province scale on PostgreSQL: 2,000,000 workers in 2,000 enterprise unions (20 cities × 100),
 * 10,000,000 assessment results (5 per worker over 2025–2026), 500 open crisis cases per city (the counsellor's
 * unit). Measured: the official dashboards over the whole province (target p99 < 1 s), the city counsellor's crisis
 * queue, and a screening campaign: up to 200,000 PHQ-9 submissions by campaign workers, bounded in time per round.
 *
 * Opt-in (heavy): runs only when named, e.g. `BENCH_ONLY=province BENCH_WORKERS=1000`. Everything is seeded
 * set-based (generate_series, ids derived from the row number), never row by row; the seed time is a figure.
 * Settings: BENCH_PROVINCE_WORKERS (2,000,000), BENCH_PROVINCE_RESULTS_PER_WORKER (5), BENCH_PROVINCE_SUBMISSIONS
 * (200,000), BENCH_PROVINCE_ACCOUNTS (campaign worker accounts that sign in, 200).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/people/users/passwords.js';
import { FieldCipher } from '../../src/platform/crypto/field-cipher.js';
import { rebuildLatestSql } from '../../src/population/assessments/assessment-latest.js';
import type { BenchContext, RouteBench, Scenario } from '../lib/context.js';

const WORKERS = Number(process.env.BENCH_PROVINCE_WORKERS ?? 2_000_000);
const RESULTS_PER_WORKER = Number(process.env.BENCH_PROVINCE_RESULTS_PER_WORKER ?? 5);
const SUBMISSIONS = Number(process.env.BENCH_PROVINCE_SUBMISSIONS ?? 200_000);
const ACCOUNTS = Math.min(WORKERS, Number(process.env.BENCH_PROVINCE_ACCOUNTS ?? 200));
const CITIES = 20;
const ENTERPRISES_PER_CITY = 100;
const OPEN_CASES_PER_CITY = 500;
const CHUNK = 500_000;
const PASSWORD = 'Bench-Password-2026';
const YEAR = 2026;

const hex8 = () => randomBytes(4).toString('hex');
/** `<prefix>-0000-4000-8000-<n, 12 digits>`: ids follow the row number, so rows can point at each other without a join. */
const uuidOf = (prefix: string, n: string) => `('${prefix}-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid`;

function* ranges(count: number, chunk: number): Generator<[number, number]> {
  for (let from = 1; from <= count; from += chunk) yield [from, Math.min(count, from + chunk - 1)];
}

let seeded: { cityIds: string[]; prefix: { worker: string; user: string } } | undefined;

async function timed(ctx: BenchContext, name: string, work: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await work();
  ctx.figure({ scenario: 'province', name: `seed: ${name}`, value: (Date.now() - started) / 1000, unit: 's' });
}

export const provinceScenario: Scenario = {
  name: 'province',
  optIn: true,
  async seed(ctx) {
    if (ctx.sql.dialect !== 'postgres') {
      console.log('province: PostgreSQL only (BENCH_DATABASE_URL=postgres://…); skipped');
      return;
    }
    const q = (text: string, params?: unknown[]) => ctx.sql.query(text, params);
    const [root] = await q('SELECT id, path FROM org_units WHERE parent_id IS NULL') as Array<{ id: string; path: string }>;
    const now = new Date();
    const units: unknown[][] = [];
    const cityIds: string[] = [];
    const enterprises: string[] = [];
    for (let c = 0; c < CITIES; c++) {
      const city = randomUUID();
      cityIds.push(city);
      units.push([city, `省基准城市${c + 1}总工会`, root.id, `${root.path}${city}/`, 1, now, now]);
      for (let e = 0; e < ENTERPRISES_PER_CITY; e++) {
        const id = randomUUID();
        enterprises.push(id);
        units.push([id, `省基准企业工会${c + 1}-${e + 1}`, city, `${root.path}${city}/${id}/`, 2, now, now]);
      }
    }
    await ctx.sql.insert('org_units', ['id', 'name', 'parent_id', 'path', 'depth', 'created_at', 'updated_at'], units);
    // Worker g belongs to enterprise (g - 1) % 2000, looked up from a VALUES list joined by number.
    await q(`CREATE TEMP TABLE province_units (n int PRIMARY KEY, id uuid NOT NULL)`);
    await ctx.sql.insert('province_units', ['n', 'id'], enterprises.map((id, i) => [i, id]));
    const prefix = { worker: hex8(), user: hex8(), result: hex8(), case: hex8(), consent: hex8() };

    await timed(ctx, `${WORKERS} workers`, async () => {
      for (const [from, to] of ranges(WORKERS, CHUNK)) {
        await q(
          `INSERT INTO workers (id, org_unit_id, name, gender, birth_year, employee_no, cadre_level, special_post, employment_status, life_events, erased, created_at, updated_at)
           SELECT ${uuidOf(prefix.worker, 'g')}, u.id, '省职工' || g, CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END, 1962 + g % 42,
             'P' || g, 'none', CASE WHEN g % 5 = 0 THEN 'shift' ELSE 'none' END, 'employed', '[]', false, $1, $1
           FROM generate_series(${from}, ${to}) g JOIN province_units u ON u.n = (g - 1) % ${enterprises.length}`,
          [now],
        );
      }
    });
    const cipher = new FieldCipher(process.env.BENCH_DATA_KEY!);
    const answers = cipher.encrypt(JSON.stringify([1, 1, 1, 1, 1, 1, 1, 0, 0]));
    const results = WORKERS * RESULTS_PER_WORKER;
    await timed(ctx, `${results} results`, async () => {
      // Result g: worker ((g - 1) % WORKERS) + 1, slot (g - 1) / WORKERS picks the instrument; times spread over two years.
      for (const [from, to] of ranges(results, CHUNK)) {
        await q(
          `INSERT INTO assessment_results (id, worker_id, org_unit_id, instrument_code, instrument_version, answers, total_score, band, crisis, crisis_reasons, source, entered_by, created_at)
           SELECT ${uuidOf(prefix.result, 'g')}, ${uuidOf(prefix.worker, `(g - 1) % ${WORKERS} + 1`)}, u.id,
             CASE (g - 1) / ${WORKERS} % 3 WHEN 0 THEN 'PHQ-9' WHEN 1 THEN 'GAD-7' ELSE 'WHO-5' END, '1', $1, g % 27,
             CASE (g - 1) / ${WORKERS} % 3
               WHEN 0 THEN CASE WHEN g % 100 < 50 THEN 'minimal' WHEN g % 100 < 75 THEN 'mild' WHEN g % 100 < 88 THEN 'moderate' WHEN g % 100 < 95 THEN 'moderately_severe' ELSE 'severe' END
               WHEN 1 THEN CASE WHEN g % 100 < 55 THEN 'minimal' WHEN g % 100 < 80 THEN 'mild' WHEN g % 100 < 92 THEN 'moderate' ELSE 'severe' END
               ELSE CASE WHEN g % 100 < 70 THEN 'adequate' ELSE 'poor' END END,
             false, '[]', 'self', $2, TIMESTAMPTZ '2025-01-01 09:00:00+00' + ((g * 7) % 729) * INTERVAL '1 day'
           FROM generate_series(${from}, ${to}) g JOIN province_units u ON u.n = ((g - 1) % ${WORKERS}) % ${enterprises.length}`,
          [answers, '00000000-0000-0000-0000-000000000000'],
        );
      }
    });
    await timed(ctx, 'assessment_latest rebuild + ANALYZE', async () => {
      for (const statement of rebuildLatestSql('postgres')) await q(statement);
      await q('ANALYZE');
    });
    await timed(ctx, `${OPEN_CASES_PER_CITY} open crisis cases per city`, () =>
      // Case g: city (g - 1) % 20, a different worker of that city's first enterprise each time.
      q(
        `INSERT INTO crisis_cases (id, worker_id, org_unit_id, level, state, active, due_at, assignee_id, source_type, source_id, escalation_step, created_at, updated_at)
         SELECT ${uuidOf(prefix.case, 'g')}, ${uuidOf(prefix.worker, `((g - 1) % ${CITIES}) * ${ENTERPRISES_PER_CITY} + ((g - 1) / ${CITIES}) % ${Math.max(1, Math.floor(WORKERS / enterprises.length))} * ${enterprises.length} + 1`)}, u.id,
           (ARRAY['imminent','urgent','concern'])[1 + g % 3], 'open', true, $1::timestamptz + (g % 48) * INTERVAL '1 hour', NULL, 'assessment', gen_random_uuid(), 0, $1, $1
         FROM generate_series(1, ${CITIES * OPEN_CASES_PER_CITY}) g JOIN province_units u ON u.n = ((g - 1) % ${CITIES}) * ${ENTERPRISES_PER_CITY}`,
        [now],
      ),
    );
    await timed(ctx, `${ACCOUNTS} campaign accounts`, async () => {
      const hash = await hashPassword(PASSWORD, 'standard');
      await q(
        `INSERT INTO users (id, username, display_name, password_hash, role, org_unit_id, worker_id, email, active, failed_logins, created_at, updated_at)
         SELECT ${uuidOf(prefix.user, 'g')}, 'province-' || g, '省职工' || g, $1, 'worker', w.org_unit_id, w.id, NULL, true, 0, $2, $2
         FROM generate_series(1, ${ACCOUNTS}) g JOIN workers w ON w.id = ${uuidOf(prefix.worker, 'g')}`,
        [hash, now],
      );
      await q(
        `INSERT INTO consents (id, worker_id, purpose, recipient_id, granted, recorded_by, on_paper, note, created_at, seq)
         SELECT ${uuidOf(prefix.consent, 'g')}, ${uuidOf(prefix.worker, 'g')}, 'assessment', '', true, $1, true, NULL, $2, 1 FROM generate_series(1, ${ACCOUNTS}) g`,
        ['00000000-0000-0000-0000-000000000000', now],
      );
    });
    await ctx.api('POST', '/api/v1/users', ctx.tokens.admin, { username: 'province-counsellor', password: PASSWORD, role: 'counsellor', orgUnitId: cityIds[0] });
    seeded = { cityIds, prefix };
  },
  async routes(ctx): Promise<RouteBench[]> {
    if (!seeded) return [];
    const login = async (username: string) => (await ctx.api<{ accessToken: string }>('POST', '/api/v1/auth/login', '', { username, password: PASSWORD })).accessToken;
    const counsellor = await login('province-counsellor');
    const campaign: string[] = [];
    for (let i = 1; i <= ACCOUNTS; i++) campaign.push(await login(`province-${i}`));
    const dashboard = (name: string, path: string): RouteBench => ({ name: `province GET ${name}`, paths: [path], token: ctx.tokens.official, connections: 1, p99TargetMs: 1000 });
    const year = `year=${YEAR}`;
    return [
      dashboard('/reports/screening (PHQ-9, by unit, whole province)', `/api/v1/reports/screening?instrument=PHQ-9&${year}`),
      dashboard('/reports/screening (GAD-7, by gender)', `/api/v1/reports/screening?instrument=GAD-7&${year}&breakdown=gender`),
      dashboard('/reports/screening (PHQ-9, one city, by age band)', `/api/v1/reports/screening?instrument=PHQ-9&${year}&breakdown=age_band&unitId=${seeded.cityIds[1]}`),
      dashboard('/reports/trends (WHO-5, by quarter)', `/api/v1/reports/trends?instrument=WHO-5&${year}`),
      dashboard('/reports/crisis', `/api/v1/reports/crisis?${year}`),
      {
        name: `province GET /crisis-cases (city counsellor, ${OPEN_CASES_PER_CITY} open in the city)`,
        paths: [1, 2, 3].map((page) => `/api/v1/crisis-cases?page=${page}&pageSize=20`),
        token: counsellor,
      },
      {
        name: `province POST /me/assessments (campaign, up to ${SUBMISSIONS} over the run)`,
        method: 'POST',
        paths: ['/api/v1/me/assessments'],
        tokenFor: (i) => campaign[i % campaign.length],
        body: () => ({ instrumentCode: 'PHQ-9', answers: [1, 0, 1, 0, 1, 0, 1, 0, 0] }),
        maxRequests: SUBMISSIONS,
        cpuTarget: 0.5,
      },
    ];
  },
};
