import { DAY, HOUR, MINUTE } from '../../src/platform/clock/clock.js';
import { consent, notificationsOf, PHQ9, submitOwn } from '../population/support.js';
import { now } from '../support/population.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { casesForSource, historyOf, onDuty, queueOf, setClock } from './support.js';

const ESCALATE = 'crisis.escalate';

/**
 * Nothing may be lost and nothing may wait unseen: the case survives a crash between the result and its opening, and
 * an unacknowledged case climbs the tree through durable jobs, also across restarts and when the app was down at the
 * deadline.
 */
describe('crisis cases survive crashes and escalate until acknowledged', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let rootSupervisor: TestUser;
  let workerA: TestUser;
  let workerB: TestUser;

  const escalationsOf = async (user: TestUser, caseId: string) =>
    (await notificationsOf(t, user, 'crisis_case.escalated')).filter((n) => n.link === `/crisis-cases/${caseId}`);
  const caseRow = async (id: string) =>
    (await t.sql<{ state: string; level: string; escalation_step: number; escalated_unit_id: string | null }>('SELECT state, level, escalation_step, escalated_unit_id FROM crisis_cases WHERE id = $1', [id]))[0];
  /** A worker of enterprise B asks for help: nobody is on duty there, so the case is unassigned. */
  const askForHelp = async (body: Record<string, unknown> = {}) => {
    await t.http().post('/api/v1/me/help').set(...bearer(workerB)).send(body).expect(201);
    const [row] = await t.sql<{ id: string }>("SELECT id FROM crisis_cases WHERE worker_id = $1 AND source_type = 'self_help' AND state = 'open'", [workerB.workerId]);
    return row.id;
  };
  const closeOut = async (caseId: string) => {
    await t.http().post(`/api/v1/crisis-cases/${caseId}/acknowledge`).set(...bearer(w.counsellorB)).expect(200);
  };

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    rootSupervisor = await t.createUser(w.admin.token, 'supervisor', w.admin.orgUnitId);
    await onDuty(t, w.supervisor, w.enterpriseA, w.counsellorA, 30);
    workerA = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    workerB = await t.createWorkerUser(w.admin.token, w.enterpriseB);
    await consent(t, workerA);
  });
  afterAll(() => t.close());

  it('killed between the result and the case: after restart the case is there, exactly once, in the on-duty counsellor’s queue', async () => {
    const result = await submitOwn(t, workerA, 'PHQ-9', PHQ9.item9Only).expect(201);
    await t.kill(); // the result and its outbox row are committed; the case is not opened yet
    await t.restart();
    expect(await casesForSource(t, result.body.id)).toHaveLength(0);
    await t.runJobs();
    await t.runJobs();
    expect(await casesForSource(t, result.body.id)).toHaveLength(1);
    const inQueue = (await queueOf(t, w.counsellorA)).filter((c) => c.source.id === result.body.id);
    expect(inQueue).toHaveLength(1);
    expect(inQueue[0]).toMatchObject({ assigneeId: w.counsellorA.id, level: 'urgent', state: 'open' });
    await t.http().post(`/api/v1/crisis-cases/${inQueue[0].id}/acknowledge`).set(...bearer(w.counsellorA)).expect(200);
  });

  it('killed midway through opening (job claimed, transaction never committed): one case when the lease runs out', async () => {
    const result = await submitOwn(t, workerA, 'PHQ-9', PHQ9.item9Only).expect(201);
    const clock = await now(t);
    const lease = (ms: number) =>
      t.sql(
        "UPDATE jobs SET status = 'running', locked_by = 'runner-dead', locked_until = $1, attempts = 1 WHERE type = 'event:assessment.crisis>individual.open-case' AND dedupe_key LIKE $2",
        [t.dbClock(ms), `%${result.body.id}`],
      );
    await lease(60_000);
    await t.kill();
    await t.restart();
    await setClock(t, clock);
    await t.runJobs();
    expect(await casesForSource(t, result.body.id)).toHaveLength(0);
    await lease(-1000); // the dead runner's lease runs out (leases run on the database's clock)
    await t.runJobs();
    const cases = await casesForSource(t, result.body.id);
    expect(cases).toHaveLength(1);
    await t.http().post(`/api/v1/crisis-cases/${cases[0].id}/acknowledge`).set(...bearer(w.counsellorA)).expect(200);
  });

  it('escalates an unacknowledged case to the unit’s supervisors at its deadline, then further up at each further deadline', async () => {
    const caseId = await askForHelp();
    expect((await notificationsOf(t, w.supervisor, 'crisis_case.unassigned')).some((n) => n.link === `/crisis-cases/${caseId}`)).toBe(true);
    await t.advanceClock(DAY - MINUTE);
    await t.runJobs();
    expect(await escalationsOf(w.supervisor, caseId)).toHaveLength(0);

    await t.advanceClock(2 * MINUTE);
    await t.runJobs();
    expect(await escalationsOf(w.supervisor, caseId)).toHaveLength(1);
    expect(await escalationsOf(rootSupervisor, caseId)).toHaveLength(0);
    expect(await caseRow(caseId)).toMatchObject({ state: 'open', escalation_step: 1, escalated_unit_id: w.city });
    const [item] = (await queueOf(t, w.counsellorB)).filter((c) => c.id === caseId);
    expect(item).toMatchObject({ overdue: true, escalationStep: 1 });

    await t.advanceClock(DAY);
    await t.runJobs();
    expect(await escalationsOf(rootSupervisor, caseId)).toHaveLength(1);
    expect(await caseRow(caseId)).toMatchObject({ escalation_step: 2, escalated_unit_id: w.admin.orgUnitId });

    await t.advanceClock(DAY);
    await t.runJobs();
    await t.runJobs();
    const history = await historyOf(t, caseId);
    expect(history.filter((h) => h.action === 'escalated').map((h) => h.to_value)).toEqual([w.city, w.admin.orgUnitId]);
    expect(history.filter((h) => h.action === 'escalated').every((h) => h.actor_label === 'system' && h.actor_id === null)).toBe(true);
    // the root has nobody above it: no further check is scheduled, and the case stays overdue in every queue
    const payload = t.databaseUrl.startsWith('postgres') ? 'payload::text' : 'payload';
    expect(await t.sql(`SELECT 1 FROM jobs WHERE type = $1 AND status = 'pending' AND ${payload} LIKE $2`, [ESCALATE, `%${caseId}%`])).toHaveLength(0);
    expect(await escalationsOf(rootSupervisor, caseId)).toHaveLength(1);
    const audits = await t.sql("SELECT 1 FROM audit_events WHERE action = 'crisis_case.escalate' AND resource_id = $1", [caseId]);
    expect(audits).toHaveLength(2);
    await closeOut(caseId);
  });

  it('does not escalate a case acknowledged in time', async () => {
    const caseId = await askForHelp();
    await t.advanceClock(HOUR);
    await closeOut(caseId);
    await t.advanceClock(2 * DAY);
    await t.runJobs();
    expect(await escalationsOf(w.supervisor, caseId)).toHaveLength(0);
    expect((await historyOf(t, caseId)).map((h) => h.action)).not.toContain('escalated');
  });

  it('escalates after a restart, and when the app was down at the deadline the check runs late, once per level', async () => {
    const caseId = await askForHelp({ inDangerNow: true }); // imminent: one hour
    expect((await caseRow(caseId)).level).toBe('imminent');
    const opened = await now(t);
    await t.kill(); // down across the deadline
    await t.restart();
    await setClock(t, new Date(opened.getTime() + 3 * HOUR));
    await t.runJobs();
    expect(await escalationsOf(w.supervisor, caseId)).toHaveLength(1);
    expect(await escalationsOf(rootSupervisor, caseId)).toHaveLength(0); // the next level still gets its hour
    expect((await caseRow(caseId)).escalation_step).toBe(1);

    await t.stop(); // a deploy
    await t.restart();
    await setClock(t, new Date(opened.getTime() + 4 * HOUR + MINUTE));
    await t.runJobs();
    expect(await escalationsOf(rootSupervisor, caseId)).toHaveLength(1);
    expect((await caseRow(caseId)).escalation_step).toBe(2);
    await closeOut(caseId);
  });

  it('brings the escalation forward when the level is raised, and the stale check does nothing', async () => {
    const caseId = await askForHelp(); // urgent: a day
    await t.advanceClock(10 * MINUTE);
    const raised = await t.http().post(`/api/v1/crisis-cases/${caseId}/level`).set(...bearer(w.counsellorB)).send({ level: 'imminent', reason: '电话中表示今晚想结束生命' }).expect(200);
    const raisedAt = await now(t);
    expect(new Date(raised.body.dueAt).getTime()).toBe(raisedAt.getTime() + HOUR);
    await t.advanceClock(HOUR + MINUTE);
    await t.runJobs();
    expect(await escalationsOf(w.supervisor, caseId)).toHaveLength(1);
    await t.advanceClock(2 * DAY); // past the original urgent deadline: its check is stale
    await t.runJobs();
    await t.runJobs();
    const history = await historyOf(t, caseId);
    expect(history.filter((h) => h.action === 'escalated')).toHaveLength(2); // city, then root: never a third from the stale check
    expect(history.find((h) => h.action === 'level_changed')).toMatchObject({ from_value: 'urgent', to_value: 'imminent', actor_id: w.counsellorB.id });
    await closeOut(caseId);
  });
});
