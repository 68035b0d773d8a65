/**
 * `npm run bench -- --scale` (or BENCH_SCALE=1 npm run bench): the scale-out scenario (issue 15). PostgreSQL only:
 * a fresh database on BENCH_DATABASE_URL (default the local server of scripts/pg-local.sh / docker compose), two app
 * instances on it (each with its job runner and audit sequencer, as deployed), and audited reads
 * (`GET /workers/{id}`) and audited writes (`PATCH /workers/{id}`: the change and its audit row in one transaction)
 * driven through 1 and then 2 instances with the same total connections, in interleaved rounds. While each load
 * runs, `pg_stat_activity` is sampled every BENCH_SCALE_SAMPLE_MS (10) for the app's backends: a sample counts as a
 * lock wait when one of them waits on a heavyweight lock (`wait_event_type = 'Lock'`; a row lock, the old global
 * advisory lock, a relation lock), and the statements that waited are tallied, so a miss names its cause.
 *
 * Settings: BENCH_WORKERS (2000), BENCH_USERS (32 signed-in counsellors, one throttle bucket each, as real traffic
 * has), BENCH_SECONDS per load and round (4), BENCH_ROUNDS (3), BENCH_CONNECTIONS in total (16), BENCH_SCALE_SAMPLE_MS.
 * Writes bench/results/<time>-postgres-scale.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createScratchDatabase } from '../scripts/lib/scratch-database.js';
import { projectRoot } from '../src/platform/config/load-config.js';
import { dialectOf } from '../src/platform/database/dialect.js';
import { median } from './lib/measure.js';
import { cpuMs, startServer, type Server } from './lib/processes.js';
import { writeResults } from './lib/report.js';
import { seedPeople } from './lib/seed-people.js';
import { connect } from './lib/sql.js';

const LOCAL_PG = 'postgres://xingang:xingang@localhost:5432/xingang';
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2000);
const USERS = Number(process.env.BENCH_USERS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SAMPLE_MS = Number(process.env.BENCH_SCALE_SAMPLE_MS ?? 10);
const PASSWORD = 'Bench-Password-2026';
/** The issue's targets for audited writes at 2 instances. */
const LOCK_TARGET = 0.1;

type Workload = 'audited reads' | 'audited writes';

interface LockSamples {
  samples: number;
  /** Samples in which at least one app backend waited on a lock. */
  withLockWait: number;
  /** App backends seen active, and of those waiting on a lock, summed over samples. */
  activeBackends: number;
  lockWaitingBackends: number;
  /** What waited: lock type and the statement's start, with how many samples saw it. */
  waits: Map<string, number>;
  /** Every app backend seen, by state and wait event ('CPU' when none): where a request's time in the database goes. */
  states: Map<string, number>;
  /** The app's backends (pids) seen during the load, for their CPU time. */
  pids: Set<number>;
}

interface Run {
  workload: Workload;
  instances: number;
  round: number;
  rps: number;
  requests: number;
  /** CPU time of the app processes, and of the app's PostgreSQL backends, per completed request. */
  appCpuMsPerRequest: number;
  dbCpuMsPerRequest: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  locks: LockSamples;
}

/** Samples the app's backends in `pg_stat_activity` until stopped. */
function sampleLocks(url: string, database: string): { stop(): Promise<LockSamples> } {
  const result: LockSamples = { samples: 0, withLockWait: 0, activeBackends: 0, lockWaitingBackends: 0, waits: new Map(), states: new Map(), pids: new Set() };
  const client = new pg.Client({ connectionString: url, application_name: 'xingang-bench-sampler' });
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const started = Date.now();
      const { rows: all } = await client.query<{ pid: number; state: string; wait_event_type: string | null; wait_event: string | null; query: string }>(
        `SELECT pid, state, wait_event_type, wait_event, left(query, 70) AS query FROM pg_stat_activity
         WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        [database],
      );
      for (const r of all) result.pids.add(r.pid);
      const rows = all.filter((r) => r.state !== 'idle');
      for (const r of rows) {
        const key = `${r.state} / ${r.wait_event_type ? `${r.wait_event_type}:${r.wait_event}` : 'CPU'}`;
        result.states.set(key, (result.states.get(key) ?? 0) + 1);
      }
      result.samples += 1;
      const waiting = rows.filter((r) => r.wait_event_type === 'Lock');
      result.activeBackends += rows.length;
      result.lockWaitingBackends += waiting.length;
      if (waiting.length > 0) result.withLockWait += 1;
      for (const w of waiting) {
        const key = `${w.wait_event}: ${w.query.replace(/\s+/g, ' ')}`;
        result.waits.set(key, (result.waits.get(key) ?? 0) + 1);
      }
      await new Promise((next) => setTimeout(next, Math.max(0, SAMPLE_MS - (Date.now() - started))));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return result;
    },
  };
}

/** One load through `servers` (connections split between them), with the lock sampler running alongside. */
async function drive(
  servers: Server[],
  workload: Workload,
  paths: string[],
  tokens: string[],
  sample: () => { stop(): Promise<LockSamples> },
  backendPids: () => Promise<Set<number>>,
) {
  let next = 0;
  const appCpuBefore = servers.map((server) => cpuMs(server.pid));
  const dbCpuBefore = new Map([...(await backendPids()).entries()].map(([pid]) => [pid, backendCpu(pid)]));
  const sampler = sample();
  const results = await Promise.all(
    servers.map((server) =>
      autocannon({
        url: server.url,
        connections: Math.max(1, Math.round(CONNECTIONS / servers.length)),
        duration: SECONDS,
        requests: [
          {
            method: workload === 'audited reads' ? 'GET' : 'PATCH',
            setupRequest: (request: autocannon.Request) => {
              const index = next++;
              const body = workload === 'audited writes' ? JSON.stringify({ name: `压测职工${index}` }) : undefined;
              return {
                ...request,
                path: paths[index % paths.length],
                headers: { authorization: `Bearer ${tokens[index % tokens.length]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
                ...(body ? { body } : {}),
              };
            },
          },
        ],
      }),
    ),
  );
  const locks = await sampler.stop();
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  const appCpu = servers.reduce((sum, server, i) => sum + cpuMs(server.pid) - appCpuBefore[i], 0);
  // The database's share: CPU of the app's backends over the load (a backend opened meanwhile counts from zero).
  const dbCpu = [...locks.pids].reduce((sum, pid) => sum + Math.max(0, backendCpu(pid) - (dbCpuBefore.get(pid) ?? 0)), 0);
  return {
    appCpuMsPerRequest: requests ? appCpu / requests : Number.NaN,
    dbCpuMsPerRequest: requests ? dbCpu / requests : Number.NaN,
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    requests,
    // The slower instance's tail is the cluster's tail.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    locks,
  };
}

/** CPU time (ms) of a PostgreSQL backend on this machine; 0 when it is gone or elsewhere (a remote server). */
function backendCpu(pid: number): number {
  try {
    return cpuMs(pid);
  } catch {
    return 0;
  }
}

function merge(samples: LockSamples[]): LockSamples {
  const out: LockSamples = { samples: 0, withLockWait: 0, activeBackends: 0, lockWaitingBackends: 0, waits: new Map(), states: new Map(), pids: new Set() };
  for (const s of samples) {
    out.samples += s.samples;
    out.withLockWait += s.withLockWait;
    out.activeBackends += s.activeBackends;
    out.lockWaitingBackends += s.lockWaitingBackends;
    for (const [key, n] of s.waits) out.waits.set(key, (out.waits.get(key) ?? 0) + n);
    for (const [key, n] of s.states) out.states.set(key, (out.states.get(key) ?? 0) + n);
  }
  return out;
}

export async function runScale(): Promise<void> {
  const base = process.env.BENCH_DATABASE_URL ?? LOCAL_PG;
  if (dialectOf(base) !== 'postgres') throw new Error('The scale-out bench runs on PostgreSQL: set BENCH_DATABASE_URL=postgres://… (or start the local server: bash scripts/pg-local.sh)');
  const database = await createScratchDatabase(base, 'bench_scale').catch((error: unknown) => {
    throw new Error(`PostgreSQL at ${base.replace(/\/\/[^@]*@/, '//…@')} is not reachable (${error instanceof Error ? error.message : String(error)}): start it (bash scripts/pg-local.sh, or docker compose up -d db) or set BENCH_DATABASE_URL`);
  });
  const databaseName = new URL(database.url).pathname.slice(1);
  const appEnv = {
    JWT_SECRET: 'bench-scale-jwt-secret-0123456789abcdef',
    DATA_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
    AUDIT_KEY: 'bench-scale-audit-key-0123456789abcdef',
    LOOKUP_KEY: 'bench-scale-lookup-key-0123456789abcdef',
    DATABASE_URL: database.url,
    PORT: '0',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ADMIN_PASSWORD: PASSWORD,
    PASSWORD_HASH_COST: 'low',
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    // High enough never to refuse the bench, still counted in the shared throttle table on every request.
    API_THROTTLE_LIMIT: '100000000',
    LOGIN_THROTTLE_LIMIT: '100000',
    SESSION_IP_THROTTLE_LIMIT: '100000',
    AUDIT_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), 'xingang-bench-scale-checkpoints-')),
  };
  const env = { cpus: cpus().length, loadBefore: loadavg()[0] };
  console.log(`bench --scale: PostgreSQL, ${WORKERS} workers, ${USERS} users, ${ROUNDS} rounds of ${SECONDS} s per load, ${CONNECTIONS} connections in total, ${env.cpus} CPUs (load ${env.loadBefore.toFixed(1)})`);

  const servers: Server[] = [];
  const sql = await connect(database.url);
  try {
    // Seed through one instance with the job runner off, then start the two measured instances.
    const seeder = await startServer('dist/src/main.js', { ...appEnv, JOBS_ENABLED: 'false' });
    servers.push(seeder);
    const people = await seedPeople(sql, WORKERS);
    const api = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${seeder.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const login = async (username: string) => (await api<{ accessToken: string }>('POST', '/api/v1/auth/login', '', { username, password: PASSWORD })).accessToken;
    const admin = await login('admin');
    const city = people.cities[0];
    const tokens: string[] = [];
    for (let i = 0; i < USERS; i++) {
      await api('POST', '/api/v1/users', admin, { username: `bench-scale-${i}`, password: PASSWORD, role: 'counsellor', orgUnitId: city });
      tokens.push(await login(`bench-scale-${i}`));
    }
    const cityEnterprises = new Set(people.enterprises.slice(0, people.enterprises.length / 3));
    const inScope = (await sql.query<{ id: string; org_unit_id: string }>('SELECT id, org_unit_id FROM workers'))
      .filter((w) => cityEnterprises.has(w.org_unit_id))
      .map((w) => `/api/v1/workers/${w.id}`);
    await seeder.stop();
    servers.length = 0;

    const a = await startServer('dist/src/main.js', { ...appEnv, JOBS_ENABLED: 'true' });
    servers.push(a);
    const b = await startServer('dist/src/main.js', { ...appEnv, JOBS_ENABLED: 'true' });
    servers.push(b);
    const sample = () => sampleLocks(database.url, databaseName);
    const backendPids = async () =>
      new Set(
        (await sql.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()", [databaseName])).map(
          (r) => r.pid,
        ),
      );
    const configurations = [[a], [a, b]];
    // Warm-up: JIT, prepared statements and the pools of both instances.
    for (const workload of ['audited reads', 'audited writes'] as const) {
      for (const set of configurations) await drive(set, workload, inScope, tokens, sample, backendPids);
    }

    const runs: Run[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const workload of ['audited reads', 'audited writes'] as const) {
        // Alternate which configuration goes first, so a neighbour's load drifting over the round cancels out.
        const order = round % 2 === 1 ? configurations : [...configurations].reverse();
        for (const set of order) runs.push({ workload, instances: set.length, round, ...(await drive(set, workload, inScope, tokens, sample, backendPids)) });
      }
      console.log(`bench --scale: round ${round} of ${ROUNDS} done`);
    }
    const pending = await sql.query<{ n: string }>('SELECT COUNT(*) AS n FROM audit_events WHERE chain_index IS NULL');

    const summaries = (['audited reads', 'audited writes'] as const).flatMap((workload) =>
      [1, 2].map((instances) => {
        const mine = runs.filter((r) => r.workload === workload && r.instances === instances);
        const locks = merge(mine.map((r) => r.locks));
        const top = [...locks.waits.entries()].sort((x, y) => y[1] - x[1]).slice(0, 5);
        return {
          workload,
          instances,
          rps: median(mine.map((r) => r.rps)),
          rpsRounds: mine.map((r) => Math.round(r.rps)),
          appCpuMsPerRequest: median(mine.map((r) => r.appCpuMsPerRequest)),
          dbCpuMsPerRequest: median(mine.map((r) => r.dbCpuMsPerRequest)),
          p50: median(mine.map((r) => r.p50)),
          p99: median(mine.map((r) => r.p99)),
          errors: mine.reduce((s, r) => s + r.errors, 0),
          non2xx: mine.reduce((s, r) => s + r.non2xx, 0),
          samples: locks.samples,
          lockWaitShare: locks.samples ? locks.withLockWait / locks.samples : 0,
          backendLockShare: locks.activeBackends ? locks.lockWaitingBackends / locks.activeBackends : 0,
          meanActiveBackends: locks.samples ? locks.activeBackends / locks.samples : 0,
          lockWaits: Object.fromEntries(top),
          backendStates: Object.fromEntries([...locks.states.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([k, n]) => [k, Number((n / Math.max(1, locks.samples)).toFixed(2))])),
        };
      }),
    );
    const writes = (n: number) => summaries.find((s) => s.workload === 'audited writes' && s.instances === n)!;
    const targets = {
      lockWaitsUnder10PctAt2: { value: writes(2).lockWaitShare, met: writes(2).lockWaitShare < LOCK_TARGET },
      writesAt2AtLeastAt1: { value: writes(2).rps / writes(1).rps, met: writes(2).rps >= writes(1).rps },
    };
    const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
    console.table(
      summaries.map((s) => ({
        load: s.workload,
        instances: s.instances,
        'req/s': Math.round(s.rps),
        'app CPU-ms/req': Number(s.appCpuMsPerRequest.toFixed(2)),
        'db CPU-ms/req': Number(s.dbCpuMsPerRequest.toFixed(2)),
        'p50 ms': s.p50,
        'p99 ms': s.p99,
        'samples w/ lock wait': pct(s.lockWaitShare),
        'backends waiting': pct(s.backendLockShare),
        'active backends': s.meanActiveBackends.toFixed(1),
        'err/non-2xx': `${s.errors}/${s.non2xx}`,
      })),
    );
    for (const s of summaries) {
      for (const [what, n] of Object.entries(s.lockWaits)) console.log(`  lock wait, ${s.workload} at ${s.instances}: ${n}× ${what}`);
      console.log(`  backends per sample, ${s.workload} at ${s.instances}: ${Object.entries(s.backendStates).map(([k, n]) => `${k} ${n}`).join('; ')}`);
    }
    console.log(
      `bench --scale: audited writes at 2 instances: lock waits in ${pct(targets.lockWaitsUnder10PctAt2.value)} of samples (target < 10 %: ${targets.lockWaitsUnder10PctAt2.met ? 'met' : 'NOT met'}); ` +
        `writes/s ×${targets.writesAt2AtLeastAt1.value.toFixed(2)} of 1 instance (target ≥ ×1.00: ${targets.writesAt2AtLeastAt1.met ? 'met' : 'NOT met'}); ${pending[0].n} audit rows awaiting the sequencer at the end`,
    );
    const file = writeResults(projectRoot(), {
      database: 'postgres-scale',
      scenario: 'scale-out (issue 15)',
      workers: WORKERS,
      users: USERS,
      seconds: SECONDS,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      sampleMs: SAMPLE_MS,
      machine: { ...env, loadAfter: loadavg()[0] },
      summaries,
      targets,
      auditPendingAtEnd: Number(pending[0].n),
      runs: runs.map(({ locks, ...r }) => ({ ...r, samples: locks.samples, lockWaitShare: locks.samples ? locks.withLockWait / locks.samples : 0 })),
    });
    console.log(`bench --scale: results in ${file}`);
  } finally {
    for (const server of servers) await server.stop();
    await sql.close();
    await database.drop();
    rmSync(appEnv.AUDIT_CHECKPOINT_DIR, { recursive: true, force: true });
  }
}
