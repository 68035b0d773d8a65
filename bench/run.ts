/**
 * `npm run bench`: seeds a fresh database at scale, starts the app and the bare NestJS+TypeORM baseline, and drives
 * every route with autocannon in interleaved rounds (each round: the baseline, then every route), measuring the CPU
 * time of the serving process per request (robust on a shared machine, unlike requests/s) beside requests/s, p50/p99
 * and peak RSS. Each route's ratio is bare CPU-ms/request ÷ route CPU-ms/request, the median over rounds of the ratio
 * within a round. Prints a table and writes bench/results/<time>-<database>.json.
 *
 * Settings: BENCH_WORKERS (100000), BENCH_SECONDS per route and round (5), BENCH_ROUNDS (3), BENCH_CONNECTIONS (10),
 * BENCH_DATABASE_URL (default: a temp SQLite file; a postgres:// URL benches PostgreSQL), BENCH_ONLY (scenario names,
 * comma-separated), BENCH_ROUTES (a substring a route's name must contain), BENCH_CPU_PROF (a directory: the app runs
 * under `node --cpu-prof` and writes its profile there on exit), BENCH_FASTIFY=1 (also the bare endpoint on Fastify).
 *
 * `npm run bench -- --scale` (or BENCH_SCALE=1) runs the scale-out scenario instead (bench/scale.ts: PostgreSQL, 1 and
 * 2 app instances, audited reads and writes, lock waits sampled from pg_stat_activity).
 *
 * Adding a scenario: a file in bench/scenarios/ exporting a `Scenario` (seed, then routes), listed in
 * bench/scenarios/index.ts. One-off figures (a seed time, an event-to-screen latency) go through `ctx.figure`.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { projectRoot } from '../src/platform/config/load-config.js';
import type { BenchContext, Figure, RouteBench, Scenario } from './lib/context.js';
import { measureRound, type RoundResult } from './lib/measure.js';
import { startServer, type Server } from './lib/processes.js';
import { printTable, summarise, writeResults, type RouteSummary } from './lib/report.js';
import { runScale } from './scale.js';
import { seedPeople } from './lib/seed-people.js';
import { connect } from './lib/sql.js';
import { SCENARIOS } from './scenarios/index.js';
import { rebuildReportCountsSql } from '../src/insights/reports/services/report-counts-rebuild.js';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PASSWORD = 'Bench-Password-2026';

async function main(): Promise<void> {
  const database = await createScratchDatabase(process.env.BENCH_DATABASE_URL, 'bench');
  const dialect = database.url.split(':')[0];
  const only = process.env.BENCH_ONLY?.split(',');
  const routeFilter = process.env.BENCH_ROUTES;
  const scenarios: Scenario[] = SCENARIOS.filter((s) => (only ? only.includes(s.name) : !s.optIn));
  // The bench owns its secrets, so seeders can write ciphertext the app reads.
  const dataKey = randomBytes(32).toString('base64');
  process.env.BENCH_DATA_KEY = dataKey;
  const appEnv = {
    DATA_KEY: dataKey,
    JWT_SECRET: randomBytes(32).toString('base64'),
    DATABASE_URL: database.url,
    PORT: '0',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ADMIN_PASSWORD: PASSWORD,
    // Tokens signed in before a long seed must still be valid when the routes are measured.
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    API_THROTTLE_LIMIT: '100000000',
    VENDOR_API_THROTTLE_LIMIT: '100000000',
    LOGIN_THROTTLE_LIMIT: '100000',
    JOBS_ENABLED: 'true',
  };
  const profileDir = process.env.BENCH_CPU_PROF;
  const extraApps: Server[] = [];
  const figures: Figure[] = [];
  console.log(`bench: ${WORKERS} workers, ${ROUNDS} rounds of ${SECONDS} s per route, ${CONNECTIONS} connections, database ${dialect}`);
  // The job poller stays off while seeding writes through its own connection; the measured app runs with it.
  let app = await startServer('dist/src/main.js', { ...appEnv, JOBS_ENABLED: 'false' });
  const sql = await connect(database.url);
  const seedStarted = Date.now();
  const people = await seedPeople(sql, WORKERS);
  figures.push({ scenario: 'people', name: `seed ${WORKERS} workers`, value: (Date.now() - seedStarted) / 1000, unit: 's' });

  const api = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
    const send = () =>
      fetch(`${ctx.appUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // After a long seed the kept-alive sockets may have been closed by the server's idle timeout: each pooled one fails
    // once (EPIPE, ECONNRESET), so retry on a network error (not on an HTTP answer) a few times.
    const response = await send()
      .catch(send)
      .catch(send)
      .catch(send);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const ctx = { appUrl: app.url, app } as BenchContext;
  const login = async (username: string) => (await api<{ accessToken: string }>('POST', '/api/v1/auth/login', '', { username, password: PASSWORD })).accessToken;
  const admin = await login('admin');
  const counsellorCity = people.cities[0];
  const counsellor = await api<{ id: string }>('POST', '/api/v1/users', admin, { username: 'bench-counsellor', password: PASSWORD, role: 'counsellor', orgUnitId: counsellorCity });
  await api('POST', '/api/v1/users', admin, { username: 'bench-official', password: PASSWORD, role: 'official', orgUnitId: people.root });
  const workerId = people.workerIds[0];
  const workerUser = await api<{ id: string }>('POST', '/api/v1/users', admin, { username: 'bench-worker', password: PASSWORD, role: 'worker', orgUnitId: people.enterprises[0], workerId });
  // Workers of the counsellor's city: enterprises are assigned round-robin, the first third belong to city 0.
  const cityEnterprises = new Set(people.enterprises.slice(0, people.enterprises.length / 3));
  const inScope = (await sql.query<{ id: string; org_unit_id: string }>('SELECT id, org_unit_id FROM workers LIMIT 6000'))
    .filter((w) => cityEnterprises.has(w.org_unit_id))
    .map((w) => w.id)
    .slice(0, 1000);

  Object.assign(ctx, {
    sql,
    workers: WORKERS,
    units: { root: people.root, cities: people.cities, enterprises: people.enterprises, counsellorCity },
    workerIdsInScope: inScope,
    tokens: { admin, counsellor: await login('bench-counsellor'), worker: await login('bench-worker'), official: await login('bench-official') },
    workerAccount: { workerId, userId: workerUser.id },
    counsellorUserId: counsellor.id,
    api,
    password: PASSWORD,
    login,
    figure: (figure: Figure) => figures.push(figure),
    startApp: async (env: Record<string, string> = {}) => {
      const server = await startServer('dist/src/main.js', { ...appEnv, ...env });
      extraApps.push(server);
      return server;
    },
  } satisfies Omit<BenchContext, 'app' | 'appUrl'>);
  for (const scenario of scenarios) {
    if (!scenario.seed) continue;
    const started = Date.now();
    await scenario.seed(ctx);
    figures.push({ scenario: scenario.name, name: 'seed', value: (Date.now() - started) / 1000, unit: 's' });
  }
  // Seeds write workers and results by SQL: the dashboards' pre-aggregated counts are recomputed from them once.
  const rebuildStarted = Date.now();
  for (const statement of rebuildReportCountsSql(sql.dialect, { latest: false, inTransaction: false })) await sql.query(statement);
  await sql.query('ANALYZE');
  figures.push({ scenario: 'insights', name: 'pre-aggregated counts rebuild + ANALYZE', value: (Date.now() - rebuildStarted) / 1000, unit: 's' });

  // Restart the app after seeding so every route is measured on a warm, steady process.
  await app.stop();
  app = await startServer('dist/src/main.js', appEnv, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', './dist/bench/lib/exit-on-sigterm.js'] : []);
  ctx.app = app;
  ctx.appUrl = app.url;

  const baseline = await startServer('dist/bench/baseline/main.js', { DATABASE_URL: database.url });
  const bareRoute: RouteBench = { name: 'bare GET /baseline/workers/{id}', paths: inScope.map((id) => `/baseline/workers/${id}`) };
  const routes: Array<{ scenario: string; route: RouteBench }> = [];
  if (process.env.BENCH_FASTIFY === '1') {
    // The same bare endpoint on Fastify, measured as a route: its ratio is what the adapter alone would save.
    const fastify = await startServer('dist/bench/baseline/main.js', { DATABASE_URL: database.url, BASELINE_ADAPTER: 'fastify' });
    extraApps.push(fastify);
    routes.push({ scenario: 'baseline', route: { ...bareRoute, name: 'bare GET /baseline/workers/{id} on Fastify', server: fastify } });
  }
  for (const scenario of scenarios) {
    for (const route of await scenario.routes(ctx)) {
      if (!routeFilter || route.name.includes(routeFilter)) routes.push({ scenario: scenario.name, route });
    }
  }
  const options = { seconds: SECONDS, connections: CONNECTIONS, rounds: ROUNDS };
  // A short warm-up of every route that does not consume data, so the first round does not pay for the JIT.
  await measureRound(baseline, bareRoute, { ...options, seconds: 1 });
  for (const { route } of routes) if (!route.maxRequests) await measureRound(route.server ?? app, route, { ...options, seconds: 1 });

  const bare: RoundResult[] = [];
  const measured = routes.map(() => [] as RoundResult[]);
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await measureRound(baseline, bareRoute, options));
    for (const [i, { route }] of routes.entries()) measured[i].push(await measureRound(route.server ?? app, route, options));
    console.log(`bench: round ${round + 1} of ${ROUNDS} done`);
  }
  await baseline.stop();
  await app.stop();
  for (const server of extraApps) await server.stop();
  await sql.close();
  await database.drop();

  const summaries: RouteSummary[] = [summarise('baseline', bareRoute, bare, bare, CONNECTIONS), ...routes.map(({ scenario, route }, i) => summarise(scenario, route, measured[i], bare, CONNECTIONS))];
  printTable(summaries, figures, CONNECTIONS);
  const file = writeResults(projectRoot(), { database: dialect, workers: WORKERS, seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, routes: summaries, figures });
  console.log(`bench: results in ${file}${profileDir ? `; CPU profile of the app in ${profileDir}` : ''}`);
}

(process.argv.includes('--scale') || process.env.BENCH_SCALE === '1' ? runScale() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
