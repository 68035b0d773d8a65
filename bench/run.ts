/**
 * `npm run bench`: seeds a fresh database at scale, starts the app and the bare NestJS+TypeORM baseline in the same
 * run, drives each route with autocannon, and prints requests/s, p50/p99 latency, the app's peak RSS and the ratio
 * to the baseline. Settings: BENCH_WORKERS (100000), BENCH_SECONDS (10), BENCH_CONNECTIONS (10),
 * BENCH_DATABASE_URL (default: a temp SQLite file; a postgres:// URL benches PostgreSQL), BENCH_ONLY (scenario names).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { projectRoot } from '../src/platform/config/load-config.js';
import type { BenchContext, RouteBench, Scenario } from './lib/context.js';
import { seedPeople } from './lib/seed-people.js';
import { connect } from './lib/sql.js';
import { SCENARIOS } from './scenarios/index.js';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PASSWORD = 'Bench-Password-2026';

interface Started {
  child: ChildProcess;
  url: string;
}

/** Every process the bench started: none may outlive it, even when a seed fails halfway. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function start(script: string, env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /XINGANG_LISTENING port=(\d+)/.exec(out);
      if (match) resolve({ child, url: `http://127.0.0.1:${match[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  peakRssMb: number;
  target?: string;
  connections: number;
}

async function measure(base: string, route: RouteBench, pid: number): Promise<Result> {
  let next = 0;
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
  const result = await autocannon({
    url: base,
    connections: route.connections ?? CONNECTIONS,
    duration: SECONDS,
    ...(route.maxRequests ? { amount: route.maxRequests } : {}),
    requests: [
      {
        method: route.method ?? 'GET',
        setupRequest: (request: autocannon.Request) => {
          const index = next++;
          const body = route.body?.(index);
          const token = route.tokenFor?.(index) ?? route.token;
          return {
            ...request,
            path: route.paths[index % route.paths.length],
            headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
            ...(body ? { body: JSON.stringify(body) } : {}),
          };
        },
      },
    ],
  });
  clearInterval(sampler);
  return {
    name: route.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    peakRssMb: Math.round(Math.max(peak, rssMb(pid))),
    target: route.target,
    connections: route.connections ?? CONNECTIONS,
  };
}

async function main(): Promise<void> {
  const database = await createScratchDatabase(process.env.BENCH_DATABASE_URL, 'bench');
  const only = process.env.BENCH_ONLY?.split(',');
  const scenarios: Scenario[] = SCENARIOS.filter((s) => !only || only.includes(s.name));
  // The bench owns its secrets, so seeders can write ciphertext the app reads.
  const dataKey = randomBytes(32).toString('base64');
  process.env.BENCH_DATA_KEY = dataKey;
  const appEnv = {
    DATA_KEY: dataKey,
    DATABASE_URL: database.url,
    PORT: '0',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ADMIN_PASSWORD: PASSWORD,
    API_THROTTLE_LIMIT: '100000000',
    VENDOR_API_THROTTLE_LIMIT: '100000000',
    LOGIN_THROTTLE_LIMIT: '100000',
    JOBS_ENABLED: 'true',
  };
  console.log(`bench: ${WORKERS} workers, ${SECONDS}s per route, ${CONNECTIONS} connections, database ${database.url.split(':')[0]}`);
  // The job poller stays off while seeding writes through its own connection; the measured app runs with it.
  let app = await start('dist/src/main.js', { ...appEnv, JOBS_ENABLED: 'false' });
  const sql = await connect(database.url);
  const seedStarted = Date.now();
  const people = await seedPeople(sql, WORKERS);
  console.log(`seeded ${WORKERS} workers in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

  const api = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
    const send = () =>
      fetch(`${app.url}${path}`, {
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

  const ctx: BenchContext = {
    sql,
    appUrl: app.url,
    workers: WORKERS,
    units: { root: people.root, cities: people.cities, enterprises: people.enterprises, counsellorCity },
    workerIdsInScope: inScope,
    tokens: { admin, counsellor: await login('bench-counsellor'), worker: await login('bench-worker'), official: await login('bench-official') },
    workerAccount: { workerId, userId: workerUser.id },
    counsellorUserId: counsellor.id,
    api,
  };
  for (const scenario of scenarios) {
    const started = Date.now();
    await scenario.seed?.(ctx);
    if (scenario.seed) console.log(`seeded ${scenario.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  // Restart the app after seeding so every route is measured on a warm, steady process.
  app.child.kill('SIGTERM');
  await new Promise((resolve) => app.child.once('exit', resolve));
  app = await start('dist/src/main.js', appEnv);
  ctx.appUrl = app.url;

  const baseline = await start('dist/bench/baseline/main.js', { DATABASE_URL: database.url });
  const results: Result[] = [];
  const baselineResult = await measure(baseline.url, { name: 'baseline GET /baseline/workers/{id}', paths: inScope.map((id) => `/baseline/workers/${id}`) }, baseline.child.pid!);
  results.push(baselineResult);
  for (const scenario of scenarios) {
    for (const route of await scenario.routes(ctx)) results.push(await measure(app.url, route, app.child.pid!));
  }
  baseline.child.kill('SIGTERM');
  app.child.kill('SIGTERM');
  await sql.close();
  await database.drop();

  const rows = results.map((r) => ({
    route: r.connections === CONNECTIONS ? r.name : `${r.name} [${r.connections} conn.]`,
    'req/s': Math.round(r.rps),
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    'vs baseline': `${Math.round((r.rps / baselineResult.rps) * 100)}%`,
    'peak RSS MB': r.peakRssMb,
    'errors/non-2xx': `${r.errors}/${r.non2xx}`,
    target: r.target ?? '',
  }));
  console.table(rows);
  mkdirSync(join(projectRoot(), 'bench', 'results'), { recursive: true });
  writeFileSync(join(projectRoot(), 'bench', 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), workers: WORKERS, seconds: SECONDS, connections: CONNECTIONS, database: database.url.split(':')[0], rows }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
