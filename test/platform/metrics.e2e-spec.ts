import { randomUUID } from 'node:crypto';
import { TestApp, bearer } from '../support/test-app.js';

const TOKEN = 'metrics-token-for-the-tests-0123';

/** One sample of a metric with exactly these labels (the text format: `name{a="x",b="y"} value`). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2] ? match[2].split(',') : [];
    if (have.length === wanted.length && wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return null;
}

describe('metrics and health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ METRICS_TOKEN: TOKEN }); // the job runner is off in tests (JOBS_ENABLED=false)
  });
  afterAll(() => t.close());

  const scrape = async () => (await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

  it('refuses a scrape without the token or with a wrong one', async () => {
    const none = await t.http().get('/metrics').expect(401);
    expect(none.body).toMatchObject({ code: 'METRICS_TOKEN_REQUIRED' });
    await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
  });

  it('shows the queue depth rising while no runner takes the jobs, and the oldest due job ageing', async () => {
    const before = sample(await scrape(), 'xingang_jobs_due', { type: 'test.slow' }) ?? 0;
    await t.http().post('/api/v1/test/jobs/enqueue').send({ type: 'test.slow', count: 3 }).expect(200);
    const three = await scrape();
    expect(sample(three, 'xingang_jobs_due', { type: 'test.slow' })).toBe(before + 3);
    expect(sample(three, 'xingang_jobs_oldest_due_age_seconds', { type: 'test.slow' })).toBe(0);

    await t.advanceClock(90_000);
    await t.http().post('/api/v1/test/jobs/enqueue').send({ type: 'test.slow', count: 2 }).expect(200);
    const five = await scrape();
    expect(sample(five, 'xingang_jobs_due', { type: 'test.slow' })).toBe(before + 5);
    expect(sample(five, 'xingang_jobs_oldest_due_age_seconds', { type: 'test.slow' })).toBe(90);

    await t.runJobs();
    expect(sample(await scrape(), 'xingang_jobs_due', { type: 'test.slow' })).toBeNull();
  });

  it('counts dead jobs per type', async () => {
    await t.http().post('/api/v1/test/jobs/enqueue').send({ type: 'no.such.handler' }).expect(200);
    await t.runJobs();
    expect(sample(await scrape(), 'xingang_jobs', { type: 'no.such.handler', status: 'dead' })).toBe(1);
  });

  it('labels requests by route template, never by the raw URL or its query', async () => {
    const admin = await t.admin();
    const id = randomUUID();
    await t.http().get(`/api/v1/workers/${id}?name=张三`).set(...bearer(admin)).expect(404);
    const text = await scrape();
    expect(sample(text, 'xingang_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/workers/:id', status: '4xx' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(id);
    expect(text).not.toContain('name=');
  });

  it('exposes event-loop lag, crisis cases past their deadline and the webhook outcomes counter', async () => {
    const text = await scrape();
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).not.toBeNull();
    expect(text).toContain('# TYPE xingang_crisis_cases_past_deadline gauge');
    expect(text).toContain('# TYPE xingang_webhook_deliveries_total counter');
    expect(text).toContain('# TYPE xingang_http_request_duration_seconds histogram');
  });

  it('keeps liveness and readiness apart', async () => {
    await t.http().get('/api/v1/health/live').expect(200);
    const ready = await t.http().get('/api/v1/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' }, instance: { status: 'up' } });
  });
});
