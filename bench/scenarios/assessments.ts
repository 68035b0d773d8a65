/**
 * Benchmark data for the assessments scenarios of issue #3: 100,000 workers and 1,000,000 stored results, one
 * worker with 50 of them. Everything is inserted set-based (INSERT … SELECT over generate_series / a recursive CTE,
 * in chunks), never row by row, so a million results seed in seconds on SQLite and PostgreSQL.
 *
 * How a runner uses it (there is no bench runner in this branch yet):
 *   const seeded = await seedAssessments(fromDataSource(dataSource), { workers: 100_000, results: 1_000_000, dataKey });
 *   // on the app's database, after migrations, before the app starts serving
 *   then, through the API as admin: a counsellor in seeded.unitId (POST /users), and a worker account for
 *   seeded.submitterWorkerId (POST /users {role: 'worker', workerId, orgUnitId: seeded.unitId}); log both in, and run
 *   ASSESSMENT_SCENARIOS (below) with autocannon.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FieldCipher } from '../../src/platform/crypto/field-cipher.js';
import { rebuildLatestSql } from '../../src/population/assessments/assessment-latest.js';

export type SeedDialect = 'postgres' | 'sqlite';

/** Anything that runs SQL with positional parameters ($1… on PostgreSQL, ? on SQLite). */
export interface SeedDatabase {
  dialect: SeedDialect;
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export function fromDataSource(dataSource: DataSource): SeedDatabase {
  return { dialect: dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite', query: (sql, params) => dataSource.query(sql, params) };
}

export interface SeedOptions {
  workers: number;
  results: number;
  /** DATA_KEY of the app, so the stored answers decrypt like real ones. */
  dataKey: string;
  /** Parent of the new bench unit; default: the root unit. */
  parentUnitId?: string;
  /** Results of the first worker (the "record of a worker with 50 results" scenario). Default 50. */
  resultsForFirstWorker?: number;
  /** The first N workers get a worker account that cannot sign in (for reminder and campaign benches). Default 0. */
  accounts?: number;
  /** Rows per INSERT statement. Default 100,000. */
  chunk?: number;
}

export interface SeedSummary {
  unitId: string;
  /** The worker with `resultsForFirstWorker` results. */
  recordWorkerId: string;
  /** A worker without an account (so the runner can create one) and with assessment consent. */
  submitterWorkerId: string;
  workers: number;
  results: number;
  ms: number;
}

/** The two scenarios issue #3 adds; `token` says whose bearer token the request carries. */
export const ASSESSMENT_SCENARIOS = [
  {
    name: 'assessment submission (worker token)',
    token: 'worker' as const,
    method: 'POST' as const,
    path: () => '/api/v1/me/assessments',
    body: { instrumentCode: 'PHQ-9', answers: [1, 0, 1, 0, 1, 0, 1, 0, 0] },
    cpuTarget: 0.5,
  },
  {
    name: 'record of a worker with 50 results',
    token: 'counsellor' as const,
    method: 'GET' as const,
    path: (s: SeedSummary) => `/api/v1/workers/${s.recordWorkerId}/record`,
    body: undefined,
    cpuTarget: 0.35,
  },
];

const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';

export async function seedAssessments(db: SeedDatabase, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const { workers, results } = options;
  const first = Math.min(options.resultsForFirstWorker ?? 50, results);
  const chunk = options.chunk ?? 100_000;
  const accounts = Math.min(options.accounts ?? 0, workers);
  if (workers < 2) throw new Error('seedAssessments needs at least 2 workers');
  const sql = new Dialect(db.dialect);
  const run = (text: string, params: unknown[] = []) => db.query(...sql.bind(text, params));
  const now = new Date();

  const [parent] = (await run(
    options.parentUnitId
      ? `SELECT id, path, depth FROM org_units WHERE id = ${sql.p(1)}`
      : 'SELECT id, path, depth FROM org_units WHERE parent_id IS NULL',
    options.parentUnitId ? [options.parentUnitId] : [],
  )) as Array<{ id: string; path: string; depth: number }>;
  if (!parent) throw new Error('No parent unit: start the app once (it creates the root unit) or pass parentUnitId');
  const unitId = randomUUID();
  await run(
    `INSERT INTO org_units (id, name, parent_id, path, depth, created_at, updated_at) VALUES (${sql.list(7)})`,
    [unitId, `基准测试单位 ${unitId.slice(0, 8)}`, parent.id, `${parent.path}${unitId}/`, Number(parent.depth) + 1, sql.time(now), sql.time(now)],
  );

  // Ids are derived from the row number (a random 8-hex prefix per table and run), so results can point at workers
  // arithmetically, without a join.
  const prefix = { worker: hex8(), consent: hex8(), user: hex8(), result: hex8() };
  const time = sql.time(now);

  for (const [from, to] of ranges(workers, chunk)) {
    await run(
      `INSERT INTO workers (id, org_unit_id, name, gender, birth_year, employee_no, cadre_level, special_post, employment_status,
         life_events, erased, record_key, created_at, updated_at)
       ${sql.series(from, to)}
       SELECT ${sql.uuid(prefix.worker)}, ${sql.p(1)}, '基准职工' || g, CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END, 1960 + g % 45,
         'B' || g, 'none', CASE WHEN g % 10 = 0 THEN 'shift' ELSE 'none' END, 'employed', '[]', ${sql.false},
         (g * 2654435761) % 2147483648, ${sql.p(2)}, ${sql.p(2)}
       FROM seq`,
      [unitId, time],
    );
    await run(
      `INSERT INTO consents (id, worker_id, purpose, recipient_id, granted, recorded_by, on_paper, note, created_at, seq)
       ${sql.series(from, to)}
       SELECT ${sql.uuid(prefix.consent)}, ${sql.uuid(prefix.worker)}, 'assessment', '', ${sql.true}, ${sql.p(1)}, ${sql.true}, NULL, ${sql.p(2)}, 1
       FROM seq`,
      [SYSTEM_USER, time],
    );
  }
  for (const [from, to] of ranges(accounts, chunk)) {
    await run(
      `INSERT INTO users (id, username, display_name, password_hash, role, org_unit_id, worker_id, email, active, failed_logins, created_at, updated_at)
       ${sql.series(from, to)}
       SELECT ${sql.uuid(prefix.user)}, 'bench-${prefix.user}-' || g, '基准职工' || g, '!bench-no-login', 'worker', ${sql.p(1)},
         ${sql.uuid(prefix.worker)}, NULL, ${sql.true}, 0, ${sql.p(2)}, ${sql.p(2)}
       FROM seq`,
      [unitId, time],
    );
  }

  // Results: the first `first` belong to worker 1; the rest are spread over workers 2…n. Instruments cycle through
  // PHQ-9, GAD-7 and WHO-5; about one in a thousand PHQ-9 results is a crisis (severe). Times rise with the row number.
  const cipher = new FieldCipher(options.dataKey);
  const answers = {
    phq9: cipher.encrypt(JSON.stringify([1, 1, 1, 1, 1, 1, 1, 0, 0])),
    gad7: cipher.encrypt(JSON.stringify([1, 1, 1, 1, 1, 1, 1])),
    who5: cipher.encrypt(JSON.stringify([3, 3, 3, 3, 3])),
  };
  const workerOf = `CASE WHEN g <= ${first} THEN 1 ELSE 2 + (g - ${first} - 1) % ${workers - 1} END`;
  const phq9Total = `CASE WHEN g % 997 = 0 THEN 21 ELSE g % 20 END`;
  const total = `CASE g % 3 WHEN 0 THEN ${phq9Total} WHEN 1 THEN g % 15 ELSE g % 26 END`;
  const band = `CASE g % 3
      WHEN 0 THEN CASE WHEN ${phq9Total} >= 20 THEN 'severe' WHEN ${phq9Total} >= 15 THEN 'moderately_severe' WHEN ${phq9Total} >= 10 THEN 'moderate'
                       WHEN ${phq9Total} >= 5 THEN 'mild' ELSE 'minimal' END
      WHEN 1 THEN CASE WHEN g % 15 >= 10 THEN 'moderate' WHEN g % 15 >= 5 THEN 'mild' ELSE 'minimal' END
      ELSE CASE WHEN g % 26 >= 13 THEN 'adequate' ELSE 'poor' END END`;
  const crisis = `(g % 3 = 0 AND g % 997 = 0)`;
  for (const [from, to] of ranges(results, chunk)) {
    await run(
      `INSERT INTO assessment_results (id, worker_id, org_unit_id, instrument_code, instrument_version, answers, total_score, percent_score,
         band, subscales, subscale_bands, crisis, crisis_reasons, campaign_id, source, entered_by, acknowledged_at, acknowledged_by, created_at)
       ${sql.series(from, to)}
       SELECT ${sql.uuid(prefix.result)}, ${sql.uuid(prefix.worker, workerOf)}, ${sql.p(1)},
         CASE g % 3 WHEN 0 THEN 'PHQ-9' WHEN 1 THEN 'GAD-7' ELSE 'WHO-5' END, '1.0.0',
         CASE g % 3 WHEN 0 THEN ${sql.p(2)} WHEN 1 THEN ${sql.p(3)} ELSE ${sql.p(4)} END,
         ${total}, CASE WHEN g % 3 = 2 THEN (g % 26) * 4 ELSE NULL END, ${band}, NULL, NULL,
         ${crisis}, ${sql.json(`CASE WHEN ${crisis} THEN '["total_at_least_20"]' ELSE '[]' END`)}, NULL, 'self', ${sql.p(5)}, NULL, NULL,
         ${sql.minutesBefore(sql.p(6), `${results} - g`)}
       FROM seq`,
      [unitId, answers.phq9, answers.gad7, answers.who5, SYSTEM_USER, time],
    );
  }
  // The screening dashboards read the assessments module's latest-result summary: rebuilt set-based from the results.
  if (results > 0) for (const statement of rebuildLatestSql(db.dialect)) await run(statement);
  return {
    unitId,
    recordWorkerId: workerId(prefix.worker, 1),
    submitterWorkerId: workerId(prefix.worker, workers),
    workers,
    results,
    ms: Date.now() - started,
  };
}

/** The id seedAssessments gives worker number n (1-based). */
const workerId = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const hex8 = () => randomBytes(4).toString('hex');

function* ranges(count: number, chunk: number): Generator<[number, number]> {
  for (let from = 1; from <= count; from += chunk) yield [from, Math.min(count, from + chunk - 1)];
}

/** The few places the two dialects differ. `seq(g)` numbers the rows of one chunk. */
class Dialect {
  constructor(private readonly dialect: SeedDialect) {}

  private get pg(): boolean {
    return this.dialect === 'postgres';
  }

  /** Write every statement with $1…; SQLite's ? is positional, so a parameter used twice is passed twice. */
  p(n: number): string {
    return `$${n}`;
  }

  bind(text: string, params: unknown[]): [string, unknown[]] {
    if (this.pg) return [text, params];
    const values: unknown[] = [];
    const positional = text.replace(/\$(\d+)/g, (_, n: string) => {
      values.push(params[Number(n) - 1]);
      return '?';
    });
    return [positional, values];
  }

  list(count: number): string {
    return Array.from({ length: count }, (_, i) => this.p(i + 1)).join(', ');
  }

  get true(): string {
    return this.pg ? 'true' : '1';
  }

  get false(): string {
    return this.pg ? 'false' : '0';
  }

  series(from: number, to: number): string {
    return this.pg
      ? `WITH seq AS (SELECT generate_series(${from}, ${to}) AS g)`
      : `WITH RECURSIVE seq(g) AS (SELECT ${from} UNION ALL SELECT g + 1 FROM seq WHERE g < ${to})`;
  }

  /** `<prefix>-0000-4000-8000-<n, 12 digits>` for the row number expression. */
  uuid(prefix: string, n = 'g'): string {
    return this.pg ? `('${prefix}-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid` : `printf('${prefix}-0000-4000-8000-%012d', ${n})`;
  }

  json(expression: string): string {
    return this.pg ? `(${expression})::jsonb` : expression;
  }

  /** A timestamp parameter as each driver stores it. */
  time(date: Date): string | Date {
    return this.pg ? date : date.toISOString().replace('T', ' ').replace('Z', '');
  }

  minutesBefore(timestampParam: string, minutes: string): string {
    return this.pg
      ? `${timestampParam}::timestamptz - ((${minutes}) * interval '1 minute')`
      : `strftime('%Y-%m-%d %H:%M:%f', ${timestampParam}, '-' || (${minutes}) || ' minutes')`;
  }
}
