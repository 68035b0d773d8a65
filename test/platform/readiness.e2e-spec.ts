import pg from 'pg';
import { setTimeout as wait } from 'node:timers/promises';
import { TestApp } from '../support/test-app.js';

/**
 * Issue #21: readiness fails while the database is away and liveness stays up (a restart would not cure it), and
 * readiness comes back by itself with the database. PostgreSQL: the server refuses the app's database and ends its
 * sessions (pool, LISTEN connection); SQLite: the app's one connection is closed, as a failed disk would leave it.
 */
describe('readiness follows the database; liveness does not', () => {
  let t: TestApp;
  const onPostgres = () => /^postgres/.test(t.databaseUrl);

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  /** Runs SQL on the server's maintenance connection (the base database the scratch one was made from). */
  async function server(sql: string): Promise<void> {
    const url = new URL(t.databaseUrl);
    const database = decodeURIComponent(url.pathname.slice(1));
    url.pathname = `/${new URL(process.env.DATABASE_URL!).pathname.slice(1)}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(sql.replaceAll('$db', database));
    } finally {
      await client.end();
    }
  }

  async function away(): Promise<void> {
    if (!onPostgres()) {
      await t.http().post('/api/v1/test/database/outage').send({ away: true }).expect(200, { open: false });
      return;
    }
    await server('ALTER DATABASE "$db" WITH ALLOW_CONNECTIONS false');
    await server("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$db' AND pid <> pg_backend_pid()");
  }

  async function back(): Promise<void> {
    if (!onPostgres()) {
      await t.http().post('/api/v1/test/database/outage').send({ away: false }).expect(200, { open: true });
      return;
    }
    await server('ALTER DATABASE "$db" WITH ALLOW_CONNECTIONS true');
  }

  /** The pool reconnects on its own schedule: ask again (bounded) until readiness says `status`. */
  async function readyBecomes(status: number): Promise<{ status: number; body: Record<string, unknown> }> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await t.http().get('/api/v1/health/ready');
      if (response.status === status || Date.now() > deadline) return response;
      await wait(250);
    }
  }

  it('answers 503 on readiness while the database is away, 200 on liveness, and ready again when it returns', async () => {
    await t.http().get('/api/v1/health/ready').expect(200);

    await away();
    try {
      const down = await readyBecomes(503);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ code: 'NOT_READY', details: { database: { status: 'down' }, instance: { status: 'up' } } });
      await t.http().get('/api/v1/health/live').expect(200);
      // A request that needs the database fails cleanly instead of hanging or taking the process down: a 503 that
      // tells the client to retry, never a 500.
      const failed = await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'not-it' });
      expect({ status: failed.status, code: (failed.body as { code?: string }).code, retryAfter: failed.headers['retry-after'] }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '5' });
      await t.http().get('/api/v1/health/live').expect(200);
    } finally {
      await back();
    }

    const up = await readyBecomes(200);
    expect(up.status).toBe(200);
    expect(up.body.details).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' }, instance: { status: 'up' } });
    await t.admin(); // signing in works again
  });
});
