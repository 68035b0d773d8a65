import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import request from 'supertest';
import type { Role } from '../../src/platform/auth/permissions.js';
import { dialectOf } from '../../src/platform/database/dialect.js';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';

export const ADMIN_PASSWORD = 'Admin-Password-1';
export const PASSWORD = 'Test-Password-1';
export const CLOCK_START = '2026-11-25T02:00:00.000Z';

export interface TestUser {
  id: string;
  username: string;
  token: string;
  orgUnitId: string;
  workerId: string | null;
}

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
const MAIN = join(process.cwd(), 'dist', 'src', 'main.js');

/** The settings every e2e app shares; a file passes overrides for its own needs. */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  TEST_HOOKS: 'true',
  TEST_CLOCK_START: CLOCK_START,
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
  PASSWORD_HASH_COST: 'low',
  JWT_SECRET: 'test-jwt-secret-that-is-long-enough-0123456789',
  DATA_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  AUDIT_KEY: 'test-audit-key-that-is-long-enough-0123456789',
  ADMIN_PASSWORD,
  API_THROTTLE_LIMIT: '100000',
  LOGIN_THROTTLE_LIMIT: '100000',
  REFRESH_THROTTLE_LIMIT: '100000',
  SESSION_IP_THROTTLE_LIMIT: '100000',
  JOBS_ENABLED: 'false',
  // Keep everything: no retention job is scheduled, so advancing the clock by days purges nothing a test reads.
  // test/platform/retention.e2e-spec.ts turns the periods on.
  RETENTION_NOTIFICATION_DAYS: '0',
  RETENTION_SIGN_IN_DAYS: '0',
  RETENTION_FINISHED_JOB_DAYS: '0',
  RETENTION_WEBHOOK_DELIVERY_DAYS: '0',
  RETENTION_DESK_TEXT_DAYS: '0',
  PORT: '0',
  // Never the project's data/ directory: tools a test runs (restore, audit:verify) keep their checkpoints here.
  AUDIT_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), 'xingang-checkpoints-')),
};

/**
 * The real, built app (dist/) in a child process on a fresh database (SQLite file or PostgreSQL database, by
 * DATABASE_URL), migrated by the real migrations. Time and the job queue are driven through the test hooks; the
 * process can be killed and restarted on the same database. Each test makes its own units, users and workers.
 */
export class TestApp {
  private child: ChildProcess | null = null;
  private baseUrl = '';

  private constructor(
    private readonly database: ScratchDatabase,
    private readonly env: Record<string, string>,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<TestApp> {
    const database = await createScratchDatabase(process.env.DATABASE_URL, 'test');
    // Each database's audit checkpoints apart (siblings share them, as instances of one deployment do).
    const checkpoints = mkdtempSync(join(tmpdir(), 'xingang-checkpoints-'));
    const drop = async () => {
      await database.drop();
      rmSync(checkpoints, { recursive: true, force: true });
    };
    const app = new TestApp({ url: database.url, drop }, { ...TEST_ENV, DATABASE_URL: database.url, AUDIT_CHECKPOINT_DIR: checkpoints, ...overrides });
    await app.launch();
    return app;
  }

  /** A second app instance on the same database (as a horizontally scaled deployment runs). */
  async sibling(overrides: Record<string, string> = {}): Promise<TestApp> {
    const other = new TestApp({ url: this.database.url, drop: async () => undefined }, { ...this.env, ...overrides });
    await other.launch();
    return other;
  }

  get url(): string {
    return this.baseUrl;
  }

  /** Where this app's audit sequencer writes its signed checkpoints. */
  get checkpointDir(): string {
    return this.env.AUDIT_CHECKPOINT_DIR;
  }

  get databaseUrl(): string {
    return this.database.url;
  }

  private async launch(): Promise<void> {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /XINGANG_LISTENING port=(\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`app exited with ${code} before listening:\n${output}`)));
    });
    child.stdout.removeAllListeners('data');
    child.stdout.resume();
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  /** A process killed by a signal keeps exitCode null (signalCode is set), so both are checked. */
  private running(): ChildProcess | null {
    return this.child && this.child.exitCode === null && this.child.signalCode === null ? this.child : null;
  }

  /** Graceful stop (SIGTERM), as a deploy would do. */
  async stop(): Promise<void> {
    const child = this.running();
    if (!child) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  /** Crash: SIGKILL, nothing gets to clean up. */
  async kill(): Promise<void> {
    const child = this.running();
    if (!child) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** Starts the app again on the same database, with extra settings if given. */
  async restart(overrides: Record<string, string> = {}): Promise<void> {
    await this.stop();
    Object.assign(this.env, overrides);
    await this.launch();
  }

  async close(): Promise<void> {
    await this.stop();
    await this.database.drop();
  }

  /** Runs the audit sequencer now: links committed audit rows into the chain and writes a checkpoint. */
  async sequenceAudit(): Promise<{ linked: number; pending: number }> {
    return (await this.http().post('/api/v1/test/audit/sequence').expect(200)).body as { linked: number; pending: number };
  }

  http() {
    return request(this.baseUrl);
  }

  /** Runs every due job now (the poller is off in tests). */
  async runJobs(): Promise<number> {
    const response = await this.http().post('/api/v1/test/jobs/run').expect(200);
    return (response.body as { ran: number }).ran;
  }

  /**
   * The database's clock `ms` from now, as a jobs lease column stores it: leases run on the database's clock (the
   * real one), not the app's test clock, so a test expires a lease by writing one in the past.
   */
  dbClock(ms: number): string {
    const iso = new Date(Date.now() + ms).toISOString();
    return dialectOf(this.database.url) === 'postgres' ? iso : iso.replace('T', ' ').replace('Z', '');
  }

  async advanceClock(ms: number): Promise<Date> {
    const response = await this.http().post('/api/v1/test/clock').send({ advanceMs: ms }).expect(200);
    return new Date((response.body as { now: string }).now);
  }

  /** Raw SQL on the app's database, as an attacker or an auditor with database access would run it. */
  async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    if (dialectOf(this.database.url) === 'postgres') {
      const client = new pg.Client({ connectionString: this.database.url });
      await client.connect();
      try {
        return (await client.query(query, params)).rows as T[];
      } finally {
        await client.end();
      }
    }
    const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    const db = new Database(this.database.url.replace(/^sqlite:/, ''));
    try {
      const positional = query.replace(/\$\d+/g, '?');
      const statement = db.prepare(positional);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
    } finally {
      db.close();
    }
  }

  async login(username: string, password = PASSWORD): Promise<string> {
    const response = await this.http().post('/api/v1/auth/login').send({ username, password }).expect(200);
    return (response.body as { accessToken: string }).accessToken;
  }

  async admin(): Promise<TestUser> {
    const token = await this.login('admin', ADMIN_PASSWORD);
    const me = await this.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    const body = me.body as { userId: string; orgUnitId: string };
    return { id: body.userId, username: 'admin', token, orgUnitId: body.orgUnitId, workerId: null };
  }

  async createUnit(adminToken: string, parentId: string, name = unique('单位')): Promise<string> {
    const response = await this.http()
      .post('/api/v1/org-units')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ name, parentId })
      .expect(201);
    return (response.body as { id: string }).id;
  }

  async createWorker(token: string, orgUnitId: string, fields: Record<string, unknown> = {}): Promise<string> {
    const response = await this.http()
      .post('/api/v1/workers')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: unique('职工'), orgUnitId, ...fields })
      .expect(201);
    return (response.body as { id: string }).id;
  }

  async createUser(adminToken: string, role: Role, orgUnitId: string, workerId?: string): Promise<TestUser> {
    const username = unique(role);
    const response = await this.http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ username, password: PASSWORD, role, orgUnitId, ...(workerId ? { workerId } : {}) })
      .expect(201);
    const body = response.body as { id: string; orgUnitId: string };
    return { id: body.id, username, token: await this.login(username), orgUnitId: body.orgUnitId, workerId: workerId ?? null };
  }

  /** A worker profile with a signed-in worker account. */
  async createWorkerUser(adminToken: string, orgUnitId: string, fields: Record<string, unknown> = {}): Promise<TestUser> {
    const workerId = await this.createWorker(adminToken, orgUnitId, fields);
    return this.createUser(adminToken, 'worker', orgUnitId, workerId);
  }

  /**
   * A small tree of its own under the root: a city union with two sibling enterprise unions, and an admin,
   * counsellor, supervisor and official in the city, counsellors in each enterprise.
   */
  async world() {
    const admin = await this.admin();
    const city = await this.createUnit(admin.token, admin.orgUnitId, unique('市总工会'));
    const enterpriseA = await this.createUnit(admin.token, city, unique('企业工会A'));
    const enterpriseB = await this.createUnit(admin.token, city, unique('企业工会B'));
    const [counsellorA, counsellorB, supervisor, official] = await Promise.all([
      this.createUser(admin.token, 'counsellor', enterpriseA),
      this.createUser(admin.token, 'counsellor', enterpriseB),
      this.createUser(admin.token, 'supervisor', city),
      this.createUser(admin.token, 'official', city),
    ]);
    return { admin, city, enterpriseA, enterpriseB, counsellorA, counsellorB, supervisor, official };
  }
}

export const bearer = (user: { token: string }) => ['Authorization', `Bearer ${user.token}`] as const;
