import { dialectOf } from '../../src/platform/database/dialect.js';
import { TestApp } from '../support/test-app.js';

const onPostgres = dialectOf(process.env.DATABASE_URL) === 'postgres';

interface RunRow {
  action: string;
  detail: string | { label: string; runner: string };
}

/**
 * SIGTERM with a request and a job in flight: the request is answered, the job in hand finishes, the job claimed but
 * not started goes back to the queue at once and runs exactly once on another instance (PostgreSQL: a second app on
 * the same database; SQLite, one process by design: the same app restarted).
 */
describe('graceful shutdown', () => {
  let a: TestApp;
  let b: TestApp | null = null;

  beforeAll(async () => {
    a = await TestApp.start({ JOBS_ENABLED: 'true', JOBS_POLL_MS: '20', SHUTDOWN_GRACE_MS: '15000' });
    if (onPostgres) b = await a.sibling({ JOBS_ENABLED: 'false' });
  });
  afterAll(async () => {
    await b?.stop();
    await a.close();
  });

  const runs = async (label: string) => {
    const rows = await a.sql<RunRow>(`SELECT action, detail FROM audit_events WHERE action IN ('test.job.started', 'test.job.ran') ORDER BY seq`);
    return rows
      .map((row) => ({ action: row.action, ...(typeof row.detail === 'string' ? (JSON.parse(row.detail) as { label: string; runner: string }) : row.detail) }))
      .filter((row) => row.label === label);
  };

  it('answers the request in flight, finishes the job in hand and hands the claimed job to another instance', async () => {
    const enqueue = (label: string, ms: number, runAtOffsetMs: number) =>
      a.http().post('/api/v1/test/jobs/enqueue').send({ type: 'test.slow', payload: { label, ms }, runAtOffsetMs }).expect(200);
    // Enqueued together (one claim takes both), the slow one first in run_at order.
    const [first] = await Promise.all([enqueue('first', 1500, -2000), enqueue('second', 0, -1000)]);
    const runnerA = (first.body as { runner: string }).runner;

    const inFlight = a.http().post('/api/v1/test/wait').send({ ms: 1200 });
    const answered = inFlight.then((response) => response.status);
    // SIGTERM only once the request has reached the app (a request still connecting would rightly be refused).
    const waiting = async () => ((await a.http().post('/api/v1/test/waiting').expect(200)).body as { waiting: number }).waiting;
    while ((await runs('first')).length === 0 || (await waiting()) === 0) await new Promise((resolve) => setImmediate(resolve));

    await a.stop(); // SIGTERM; resolves when the process has exited
    expect(await answered).toBe(200);

    expect((await runs('first')).map((r) => [r.action, r.runner])).toEqual([
      ['test.job.started', runnerA],
      ['test.job.ran', runnerA],
    ]);
    const [second] = await a.sql<{ status: string; attempts: number; locked_by: string | null }>(
      `SELECT status, attempts, locked_by FROM jobs WHERE type = 'test.slow' AND run_at = (SELECT MAX(run_at) FROM jobs WHERE type = 'test.slow')`,
    );
    expect(second).toMatchObject({ status: 'pending', attempts: 0, locked_by: null }); // released, not left to its lease

    let other: TestApp;
    if (b) other = b;
    else {
      await a.restart({ JOBS_ENABLED: 'false' });
      other = a;
    }
    // The other instance's clock has not moved: the lease (60 s) has not run out, so only the release makes it claimable.
    expect(await other.runJobs()).toBe(1);
    const runnerB = ((await other.http().post('/api/v1/test/jobs/enqueue').send({ type: 'test.noop.unused', runAtOffsetMs: 3_600_000 }).expect(200)).body as { runner: string }).runner;
    expect(runnerB).not.toBe(runnerA);
    expect((await runs('second')).map((r) => [r.action, r.runner])).toEqual([
      ['test.job.started', runnerB],
      ['test.job.ran', runnerB],
    ]);
    expect(await other.runJobs()).toBe(0);
  });
});
