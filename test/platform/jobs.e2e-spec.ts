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
