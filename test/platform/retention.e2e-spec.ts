import { randomUUID } from 'node:crypto';
import { logCall, act } from '../service-desk/support.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';

const DAY = 86_400_000;
/** The system actor's id (src/platform/auth/actor.ts). */
const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';
/** Short periods so a few advanced days cross them; a batch of 2 so every rule takes several batches. */
const PERIODS = {
  RETENTION_NOTIFICATION_DAYS: '30',
  RETENTION_SIGN_IN_DAYS: '20',
  RETENTION_FINISHED_JOB_DAYS: '7',
  RETENTION_WEBHOOK_DELIVERY_DAYS: '10',
  RETENTION_DESK_TEXT_DAYS: '40',
  RETENTION_BATCH: '2',
};

/**
 * Issue #21 item 5: the daily retention job deletes notifications, ended sign-in sessions, done jobs and webhook
 * delivery attempts past their period, and clears the free text of requests closed before theirs (the row and its
 * figures stay); never the audit log. Each batch is audited as a system action; two runs at once do no harm.
 */
describe('retention (RETENTION_*_DAYS)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;

  const isPg = () => /^postgres/.test(t.databaseUrl);
  const at = (date: Date) => (isPg() ? date.toISOString() : date.toISOString().replace('T', ' ').replace('Z', ''));
  const count = async (sql: string, params: unknown[] = []) => Number((await t.sql<{ n: number | string }>(sql, params))[0].n);
  const notify = (userId: string) => t.http().post('/api/v1/test/notify').send({ userId, kind: 'test' }).expect(201);
  const delivery = (attemptedAt: Date) =>
    t.sql('INSERT INTO eap_webhook_deliveries (id, message_id, endpoint_id, attempt, outcome, status_code, attempted_at) VALUES ($1, $2, $3, 1, $4, 200, $5)', [
      randomUUID(),
      `msg_${randomUUID().slice(0, 8)}`,
      randomUUID(),
      'delivered',
      at(attemptedAt),
    ]);
  /** A 12351 call, answered and closed with the caller's name and number, a resolution and a trail note. */
  const closedCall = async (summary: string) => {
    const call = await logCall(t, w.counsellorA, { summary, callerName: '张师傅', callbackNumber: '13800138000', initialReply: '已给出建议' });
    await act(t, w.counsellorA, call.id, 'close', { resolution: '电话中已疏导', satisfaction: 4 });
    return call.id;
  };

  beforeAll(async () => {
    t = await TestApp.start(PERIODS);
    w = await t.world();
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
  });
  afterAll(() => t.close());

  it('is scheduled once a day through the job queue, one job per slot', async () => {
    const jobs = await t.sql<{ run_at: string | Date; dedupe_key: string }>("SELECT run_at, dedupe_key FROM jobs WHERE type = 'ops.retention' AND status = 'pending'");
    expect(jobs).toHaveLength(1);
    expect(jobs[0].dedupe_key).toMatch(/^ops\.retention:\d{4}-\d{2}-\d{2}$/);
    const now = await t.advanceClock(0);
    const runAt = new Date(jobs[0].run_at instanceof Date ? jobs[0].run_at : `${jobs[0].run_at.replace(' ', 'T')}Z`);
    expect(runAt.getTime()).toBeGreaterThan(now.getTime());
    expect(runAt.getTime() - now.getTime()).toBeLessThanOrEqual(DAY);
    expect(runAt.getUTCHours()).toBe(19); // 03:00 in China
    // A second instance starting up adds no second job for the slot.
    await t.restart();
    expect(await count("SELECT count(*) AS n FROM jobs WHERE type = 'ops.retention'")).toBe(1);
  }, 120_000); // an app restart on a busy 2-core machine

  it('removes what is past its period, keeps what is not, clears closed requests’ text and audits each batch', async () => {
    const start = await t.advanceClock(0);
    // Old: made now, then 45 days pass (past every period).
    for (let i = 0; i < 5; i++) await notify(worker.id);
    const oldCall = await closedCall('下班后经常收到工作群消息');
    const openCall = (await logCall(t, w.counsellorA, { summary: '还没处理完的诉求' })).id;
    for (let i = 0; i < 3; i++) await delivery(new Date(start.getTime() - i * 1000));
    await t.runJobs(); // done jobs (the desk's notifications and deadline checks among them)
    const doneBefore = await count("SELECT count(*) AS n FROM jobs WHERE status = 'done'");
    expect(doneBefore).toBeGreaterThan(0);
    const tokensBefore = await count('SELECT count(*) AS n FROM refresh_tokens');
    const auditBefore = await count('SELECT count(*) AS n FROM audit_events');
    const notificationsBefore = await count('SELECT count(*) AS n FROM notifications'); // the desk's notices to staff too
    expect(notificationsBefore).toBeGreaterThanOrEqual(5);

    await t.advanceClock(45 * DAY);
    // Recent: made after the jump, within every period.
    await notify(worker.id);
    await delivery(new Date(start.getTime() + 44 * DAY));
    const freshCall = await closedCall('刚结案的诉求');
    const freshUser = await t.createWorkerUser(w.admin.token, w.enterpriseA); // signs in now: a live session

    expect(await t.runJobs()).toBeGreaterThan(0); // the day's retention job, and the jobs the fresh call queued

    expect(await count('SELECT count(*) AS n FROM notifications WHERE user_id = $1', [worker.id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM notifications WHERE created_at < $1', [at(new Date(start.getTime() + DAY))])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM eap_webhook_deliveries')).toBe(1);
    // Done jobs from before the jump are gone; the ones just run stay.
    expect(await count("SELECT count(*) AS n FROM jobs WHERE status = 'done' AND finished_at < $1", [at(new Date(start.getTime() + DAY))])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM jobs WHERE status = 'done'")).toBeGreaterThan(0);
    // Every session of before the jump had expired (14 days) more than 20 days ago; the fresh sign-in stays.
    expect(tokensBefore).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM refresh_tokens WHERE created_at < $1', [at(new Date(start.getTime() + DAY))])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM refresh_tokens WHERE user_id = $1', [freshUser.id])).toBe(1);

    // The old closed request keeps its row and figures; its free text is gone (in staff's view too).
    const [old] = await t.sql<Record<string, unknown>>('SELECT status, category, satisfaction, caller_name, callback_number, resolution, text_removed_at FROM desk_requests WHERE id = $1', [oldCall]);
    expect(old).toMatchObject({ status: 'closed', category: 'rights_overtime', satisfaction: 4, caller_name: null, callback_number: null, resolution: null });
    expect(old.text_removed_at).not.toBeNull();
    expect(await count('SELECT count(*) AS n FROM desk_request_events WHERE request_id = $1 AND body IS NOT NULL', [oldCall])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM desk_request_events WHERE request_id = $1', [oldCall])).toBeGreaterThan(2);
    const seen = (await t.http().get(`/api/v1/desk/requests/${oldCall}`).set(...bearer(w.counsellorA)).expect(200)).body as { summary: string; status: string };
    expect(seen).toMatchObject({ status: 'closed', summary: '（已超过保留期限，内容已清除）/ (removed after the retention period)' });
    // An open request and one closed within the period keep their text.
    for (const id of [openCall, freshCall]) {
      const [kept] = await t.sql<{ text_removed_at: unknown }>('SELECT text_removed_at FROM desk_requests WHERE id = $1', [id]);
      expect(kept.text_removed_at).toBeNull();
    }
    expect(((await t.http().get(`/api/v1/desk/requests/${freshCall}`).set(...bearer(w.counsellorA)).expect(200)).body as { summary: string }).summary).toBe('刚结案的诉求');

    // Audited as a system action, one row per batch (of 2) with its count; the audit log itself only grew.
    const rows = await t.sql<{ actor_id: string; resource_type: string; detail: string | Record<string, unknown> }>(
      "SELECT actor_id, resource_type, detail FROM audit_events WHERE action = 'retention.applied' ORDER BY seq",
    );
    const detail = (d: string | Record<string, unknown>) => (typeof d === 'string' ? (JSON.parse(d) as Record<string, unknown>) : d);
    const removed = (type: string) => rows.filter((r) => r.resource_type === type).reduce((n, r) => n + Number(detail(r.detail).affected), 0);
    expect(rows.every((r) => r.actor_id === SYSTEM_USER_ID)).toBe(true);
    expect(rows.every((r) => Number(detail(r.detail).affected) <= 2)).toBe(true);
    expect(removed('notifications')).toBe(notificationsBefore);
    expect(removed('eap_webhook_deliveries')).toBe(3);
    expect(removed('desk_requests.text')).toBe(1);
    expect(removed('jobs')).toBe(doneBefore);
    expect(removed('refresh_tokens')).toBe(tokensBefore);
    expect(detail(rows.find((r) => r.resource_type === 'notifications')!.detail)).toMatchObject({ setting: 'RETENTION_NOTIFICATION_DAYS', days: 30 });
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBeGreaterThan(auditBefore);
    const verified = await t.http().post('/api/v1/audit/verify').set(...bearer(w.admin)).expect(200);
    expect(verified.body).toMatchObject({ intact: true, brokenAt: null });

    // The next day's run is queued.
    expect(await count("SELECT count(*) AS n FROM jobs WHERE type = 'ops.retention' AND status = 'pending'")).toBe(1);
  });

  it('two runs at once (two instances) remove each row once and fail nothing', async () => {
    for (let i = 0; i < 6; i++) await notify(worker.id);
    await t.advanceClock(31 * DAY);
    const before = await count("SELECT count(*) AS n FROM audit_events WHERE action = 'retention.applied' AND resource_type = 'notifications'");
    const all = await count('SELECT count(*) AS n FROM notifications');
    expect(all).toBeGreaterThanOrEqual(7);
    const runs = await Promise.all([0, 1].map(() => t.http().post('/api/v1/test/retention/apply').expect(200)));
    const affected = runs.map((r) => (r.body as { outcomes: Array<{ rule: string; affected: number }> }).outcomes.find((o) => o.rule === 'notifications')!.affected);
    expect(affected[0] + affected[1]).toBe(all); // the six, and those kept last time, now old too
    expect(await count('SELECT count(*) AS n FROM notifications')).toBe(0);
    expect(await count("SELECT count(*) AS n FROM audit_events WHERE action = 'retention.applied' AND resource_type = 'notifications'")).toBeGreaterThan(before);
  });
});
