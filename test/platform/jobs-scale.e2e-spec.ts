import { SmtpSink } from '../support/smtp-sink.js';
import { PASSWORD, TestApp, bearer } from '../support/test-app.js';

const onPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');

/** Waits (real time: leases run on the database's clock) until `done()` holds, at most `ms`. */
async function until(done: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Two instances on one PostgreSQL with a 1 s lease and a mail relay that answers in 1.5 s: a job outlives its lease
 * unless the heartbeat renews it, and a killed instance's leases run out and move to the other instance.
 */
(onPostgres ? describe : describe.skip)('jobs exactly once across instances (PostgreSQL)', () => {
  let a: TestApp;
  let b: TestApp;
  let sink: SmtpSink;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    sink = new SmtpSink({ delayMs: 1500 });
    const env = { SMTP_URL: await sink.start(), JOBS_LEASE_SECONDS: '1' };
    a = await TestApp.start(env);
    b = await a.sibling();
    w = await a.world();
  });
  afterAll(async () => {
    await b.stop();
    await a.close();
    await sink.stop();
  });

  const mailTo = async (prefix: string, count: number) => {
    const addresses = Array.from({ length: count }, (_, i) => `${prefix}${i}@example.org`);
    for (const email of addresses) {
      await a.http().post('/api/v1/users').set(...bearer(w.admin)).send({ username: email.split('@')[0], password: PASSWORD, role: 'counsellor', orgUnitId: w.enterpriseA, email }).expect(201);
    }
    return addresses;
  };

  it('runs a slow handler once although it outlives its lease, with both instances polling', async () => {
    const addresses = await mailTo('slow', 4);
    await Promise.all([a.runJobs(), b.runJobs(), a.runJobs(), b.runJobs()]);
    for (const address of addresses) expect(sink.to(address)).toHaveLength(1);
    const jobs = await a.sql<{ status: string; attempts: number }>("SELECT status, attempts FROM jobs WHERE type = 'mail.send' AND payload->>'to' LIKE 'slow%'");
    expect(jobs).toEqual(addresses.map(() => ({ status: 'done', attempts: 1 })));
  });

  it('runs a killed instance’s jobs once, on the other instance, when their leases run out', async () => {
    const addresses = await mailTo('killed', 3);
    const running = a.runJobs().catch(() => 0); // dies with its instance
    await until(() => sink.waiting > 0, 5000);
    await a.kill();
    await running;
    expect(sink.messages.filter((m) => m.to.some((to) => to.startsWith('killed')))).toHaveLength(0);
    await until(async () => {
      await b.runJobs();
      return addresses.every((address) => sink.to(address).length > 0);
    }, 15_000);
    await b.runJobs();
    for (const address of addresses) expect(sink.to(address)).toHaveLength(1);
    await a.restart();
  });
});
