import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { consent, notificationsOf, PHQ9, submitOwn } from './support.js';

const EVENT_JOB = 'event:assessment.crisis>population.notify-counsellors';

/**
 * A crisis answer is never lost: the event is written with the result in one transaction (the outbox), so a process
 * that dies before or during dispatch delivers it after restart, exactly once.
 */
describe('assessment.crisis survives a crash (outbox)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;

  const eventJob = async (resultId: string) =>
    (await t.sql<{ id: string; status: string }>('SELECT id, status FROM jobs WHERE type = $1 AND dedupe_key = $2', [EVENT_JOB, `${EVENT_JOB}:${resultId}`]))[0];
  const alertsFor = async (resultId: string) =>
    (await notificationsOf(t, w.counsellorA, 'risk_alert')).filter((n) => n.link === `/risk-alerts/${resultId}`);

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await consent(t, worker);
  });
  afterAll(() => t.close());

  it('killed after the result committed and before dispatch: delivered once after restart', async () => {
    const result = await submitOwn(t, worker, 'PHQ-9', PHQ9.item9Only).expect(201);
    expect((await eventJob(result.body.id)).status).toBe('pending');

    await t.kill();
    await t.restart();

    // the result and its alert survived the crash; the notification has not gone out yet
    const alerts = await t.http().get('/api/v1/risk-alerts').set(...bearer(w.counsellorA)).expect(200);
    expect(alerts.body.items.map((a: { resultId: string }) => a.resultId)).toContain(result.body.id);
    expect(await alertsFor(result.body.id)).toHaveLength(0);

    await t.runJobs();
    expect(await alertsFor(result.body.id)).toHaveLength(1);
    await t.runJobs();
    expect(await alertsFor(result.body.id)).toHaveLength(1);
    expect((await eventJob(result.body.id)).status).toBe('done');
  });

  it('killed midway through a dispatch (job claimed, lease held): delivered once when the lease runs out', async () => {
    const result = await submitOwn(t, worker, 'GAD-7', [3, 3, 3, 3, 3, 0, 0]).expect(201);
    const job = await eventJob(result.body.id);
    // The state a runner leaves when it dies after claiming the job and before finishing it: running, leased for
    // a lease on the database's clock, attempt counted, nothing delivered (the handler's transaction never committed).
    await t.sql("UPDATE jobs SET status = 'running', locked_by = 'runner-dead', locked_until = $1, attempts = 1 WHERE id = $2", [t.dbClock(60_000), job.id]);
    await t.kill();
    await t.restart();

    // The leased job is not run again before its lease runs out (other subscribers of the event, such as the
    // individual tier's case opening, have their own outbox rows and may run meanwhile).
    await t.runJobs();
    expect((await eventJob(result.body.id)).status).toBe('running');
    expect(await alertsFor(result.body.id)).toHaveLength(0);

    await t.sql('UPDATE jobs SET locked_until = $1 WHERE id = $2', [t.dbClock(-1000), job.id]); // the lease runs out (database clock)
    expect(await t.runJobs()).toBe(1);
    expect(await alertsFor(result.body.id)).toHaveLength(1);
    await t.runJobs();
    expect(await alertsFor(result.body.id)).toHaveLength(1);
    expect((await eventJob(result.body.id)).status).toBe('done');
  });
});
