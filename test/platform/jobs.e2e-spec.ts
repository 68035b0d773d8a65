import { SmtpSink } from '../support/smtp-sink.js';
import { PASSWORD, TestApp, bearer } from '../support/test-app.js';

describe('job queue, email and restarts', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    sink = new SmtpSink();
    const smtpUrl = await sink.start();
    t = await TestApp.start({ SMTP_URL: smtpUrl });
    w = await t.world();
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const createUserWithEmail = async (email: string) =>
    t.http().post('/api/v1/users').set(...bearer(w.admin)).send({ username: email.split('@')[0], password: PASSWORD, role: 'counsellor', orgUnitId: w.enterpriseA, email }).expect(201);

  it('delivers email through the queue to a real SMTP server', async () => {
    await createUserWithEmail('li.counsellor@example.org');
    expect(sink.to('li.counsellor@example.org')).toHaveLength(0); // queued, not sent inline
    await t.runJobs();
    const [mail] = sink.to('li.counsellor@example.org');
    expect(mail.raw).toContain('Subject:');
  });

  it('keeps a queued email across a crash and sends it once after restart', async () => {
    await createUserWithEmail('crash.test@example.org');
    await t.kill();
    await t.restart();
    await t.runJobs();
    await t.runJobs();
    expect(sink.to('crash.test@example.org')).toHaveLength(1);
  });

  it('retries a failed send with backoff, then delivers when the server is back', async () => {
    await sink.stop();
    await createUserWithEmail('retry.test@example.org');
    await t.runJobs();
    const [job] = await t.sql<{ status: string; attempts: number; last_error: string }>(
      "SELECT status, attempts, last_error FROM jobs WHERE type = 'mail.send' AND status <> 'done'",
    );
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.last_error).toBeTruthy();
    expect(await t.runJobs()).toBe(0); // not due yet: the backoff holds it
    sink = new SmtpSink();
    await t.restart({ SMTP_URL: await sink.start() });
    await t.advanceClock(5_000);
    await t.runJobs();
    expect(sink.to('retry.test@example.org')).toHaveLength(1);
  });

  it('gives up after the last attempt and keeps the job as dead with its error', async () => {
    await t.restart({ SMTP_URL: 'smtp://127.0.0.1:9' });
    await createUserWithEmail('dead.letter@example.org');
    for (let attempt = 0; attempt < 12; attempt++) {
      await t.runJobs();
      await t.advanceClock(2 * 3600_000);
    }
    const rows = await t.sql<{ status: string; attempts: number }>("SELECT status, attempts FROM jobs WHERE type = 'mail.send' AND status <> 'done'");
    expect(rows).toEqual([expect.objectContaining({ status: 'dead', attempts: 10 })]);
  });

  it('shows dead jobs to root administrators and queues one again on retry (audited)', async () => {
    const [dead] = await t.sql<{ id: string }>("SELECT id FROM jobs WHERE type = 'mail.send' AND status = 'dead'");
    const list = await t.http().get('/api/v1/jobs/dead').set(...bearer(w.admin)).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: dead.id, type: 'mail.send', attempts: 10, maxAttempts: 10, lastError: expect.any(String) })]);
    expect(list.body[0]).not.toHaveProperty('payload'); // it names the recipient

    const cityAdmin = await t.createUser(w.admin.token, 'admin', w.city);
    await t.http().get('/api/v1/jobs/dead').set(...bearer(cityAdmin)).expect(403);
    await t.http().get('/api/v1/jobs/dead').set(...bearer(w.counsellorA)).expect(403);
    await t.http().post(`/api/v1/jobs/${dead.id}/retry`).set(...bearer(cityAdmin)).expect(403);
    await t.http().post('/api/v1/jobs/00000000-0000-4000-8000-000000000000/retry').set(...bearer(w.admin)).expect(404);

    sink = new SmtpSink();
    await t.restart({ SMTP_URL: await sink.start() });
    const retried = await t.http().post(`/api/v1/jobs/${dead.id}/retry`).set(...bearer(w.admin)).expect(200);
    expect(retried.body).toMatchObject({ id: dead.id, attempts: 0 });
    const again = await t.http().post(`/api/v1/jobs/${dead.id}/retry`).set(...bearer(w.admin)).expect(409);
    expect(again.body.code).toBe('JOB_NOT_DEAD');
    await t.runJobs();
    expect(sink.to('dead.letter@example.org')).toHaveLength(1);
    expect((await t.http().get('/api/v1/jobs/dead').set(...bearer(w.admin)).expect(200)).body).toEqual([]);
    const audit = await t.sql<{ action: string }>("SELECT action FROM audit_events WHERE resource_type = 'job' ORDER BY seq");
    expect(audit.map((a) => a.action)).toEqual(['job.dead.list', 'job.retry', 'job.dead.list']);
  });

  it('does not run a job again whose lease ran out on its last attempt: it goes dead', async () => {
    await createUserWithEmail('last.attempt@example.org');
    await t.sql(
      "UPDATE jobs SET status = 'running', locked_by = 'runner-dead', locked_until = $1, attempts = max_attempts WHERE type = 'mail.send' AND status = 'pending'",
      [t.dbClock(-1000)],
    );
    expect(await t.runJobs()).toBe(0);
    expect(sink.to('last.attempt@example.org')).toHaveLength(0);
    const [job] = await t.sql<{ status: string; last_error: string }>("SELECT status, last_error FROM jobs WHERE locked_by IS NULL AND status = 'dead'");
    expect(job).toMatchObject({ status: 'dead', last_error: expect.stringMatching(/lease/) });
  });

  // Purging done jobs is the retention job's (RETENTION_FINISHED_JOB_DAYS): test/platform/retention.e2e-spec.ts.

  const onPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');
  (onPostgres ? it : it.skip)('shares the queue between two app instances without running a job twice (PostgreSQL)', async () => {
    sink = new SmtpSink();
    await t.restart({ SMTP_URL: await sink.start() });
    const second = await t.sibling();
    try {
      for (let i = 0; i < 30; i++) await createUserWithEmail(`pair${i}@example.org`);
      await Promise.all([t.runJobs(), second.runJobs(), t.runJobs(), second.runJobs()]);
      for (let i = 0; i < 30; i++) expect(sink.to(`pair${i}@example.org`)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
