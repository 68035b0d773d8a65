import { HOUR, MINUTE } from '../../src/platform/clock/clock.js';
import { consent, notificationsOf, PHQ9, submitOwn } from '../population/support.js';
import { grantConsent, publishSlot } from '../support/population.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { historyOf, onDuty, openCase, queueOf } from './support.js';

const PLAN = {
  warningSigns: ['连续几天失眠', '不想接家人电话'],
  internalCoping: ['去操场快走二十分钟', '听喜欢的歌'],
  socialContacts: [{ name: '班组长老李', phone: '13800000001' }],
  peopleToAsk: [{ name: '姐姐', phone: '13800000002' }],
  professionals: [{ name: '工会心理咨询师王老师', phone: '0571-88880000' }],
  environmentSafety: ['把药交给姐姐保管'],
  reasonsForLiving: '女儿',
};

/** Risk assessment, safety plans, asking for help, break-the-glass, and cases from counselling and the service desk. */
describe('crisis care: risk assessment, safety plans, help, break-the-glass, other sources', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;
  let worker: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    await onDuty(t, w.supervisor, w.enterpriseA, w.counsellorA);
    worker = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name: '关怀对象乙' });
    await consent(t, worker);
  });
  afterAll(() => t.close());

  describe('structured risk assessment', () => {
    it('needs an acknowledged case, sets the level from the counsellor’s judgement and keeps the findings encrypted', async () => {
      const help = await t.http().post('/api/v1/me/help').set(...bearer(worker)).send({}).expect(201);
      expect(help.body.help.lines.map((l: { number: string }) => l.number)).toEqual(['12351', '12356']);
      const [c] = await queueOf(t, w.counsellorA, { state: 'open' });
      const findings = { ideation: 'active', plan: 'specific', intent: 'uncertain', pastAttempts: 'none', protectiveFactors: ['children'] };
      const early = await t.http().post(`/api/v1/crisis-cases/${c.id}/risk-assessments`).set(...bearer(w.counsellorA)).send({ ...findings, judgement: 'imminent' }).expect(409);
      expect(early.body.code).toBe('CASE_NOT_ACKNOWLEDGED');
      await t.http().post(`/api/v1/crisis-cases/${c.id}/acknowledge`).set(...bearer(w.counsellorA)).expect(200);
      const lower = await t.http().post(`/api/v1/crisis-cases/${c.id}/risk-assessments`).set(...bearer(w.counsellorA)).send({ ...findings, judgement: 'urgent' }).expect(400);
      expect(lower.body).toMatchObject({ code: 'RATIONALE_REQUIRED', suggestedLevel: 'imminent' });
      const recorded = await t
        .http()
        .post(`/api/v1/crisis-cases/${c.id}/risk-assessments`)
        .set(...bearer(w.counsellorA))
        .send({ ...findings, judgement: 'imminent', note: '计划在下班后实施，已联系家属陪同' })
        .expect(201);
      expect(recorded.body).toMatchObject({ suggestedLevel: 'imminent', judgement: 'imminent', levelBefore: 'urgent', ideation: 'active' });
      const detail = await t.http().get(`/api/v1/crisis-cases/${c.id}`).set(...bearer(w.counsellorA)).expect(200);
      expect(detail.body.case.level).toBe('imminent');
      expect(detail.body.riskAssessments).toHaveLength(1);
      const [row] = await t.sql<{ details: string }>('SELECT details FROM crisis_risk_assessments WHERE case_id = $1', [c.id]);
      expect(row.details).toMatch(/^enc:v1:/);
      expect(row.details).not.toContain('active');
      expect((await historyOf(t, c.id)).map((h) => h.action)).toEqual(expect.arrayContaining(['risk_assessed', 'level_changed']));
      await t.http().post(`/api/v1/crisis-cases/${c.id}/risk-assessments`).set(...bearer(w.counsellorB)).send({ ...findings, judgement: 'imminent' }).expect(404);
      await t.http().get(`/api/v1/crisis-cases/${c.id}/risk-assessments`).set(...bearer(w.official)).expect(403);
    });

    it('suggests the level of findings before they are saved, by the same rule, and refuses bad findings and non-counsellors', async () => {
      const suggest = (user: TestUser, body: Record<string, unknown>, status = 200) =>
        t.http().post('/api/v1/crisis-cases/suggested-level').set(...bearer(user)).send(body).expect(status);
      const none = { ideation: 'none', plan: 'none', intent: 'none', pastAttempts: 'none', protectiveFactors: [] };
      expect((await suggest(w.counsellorA, none)).body).toEqual({ suggestedLevel: 'concern' });
      expect((await suggest(w.counsellorA, { ...none, pastAttempts: 'past_3_months' })).body).toEqual({ suggestedLevel: 'urgent' });
      expect((await suggest(w.supervisor, { ...none, ideation: 'active', plan: 'specific', protectiveFactors: ['family'] })).body).toEqual({ suggestedLevel: 'imminent' });
      expect((await suggest(w.counsellorA, { ...none, intent: 'clear' })).body).toEqual({ suggestedLevel: 'imminent' });
      const bad = await suggest(w.counsellorA, { ...none, intent: 'maybe' }, 400);
      expect(JSON.stringify(bad.body)).toContain('intent');
      await suggest(w.counsellorA, { ...none, judgement: 'concern' }, 400); // findings only
      await suggest(w.official, none, 403);
      await suggest(worker, none, 403);
    });
  });

  describe('safety plans', () => {
    it('keeps every version; the worker sees the current one with the help lines, on their record and at /me/safety-plan', async () => {
      await t.http().get('/api/v1/me/safety-plan').set(...bearer(worker)).expect(404);
      const [c] = await queueOf(t, w.counsellorA, { state: 'acknowledged' });
      const v1 = await t.http().post(`/api/v1/crisis-cases/${c.id}/safety-plans`).set(...bearer(w.counsellorA)).send(PLAN).expect(201);
      expect(v1.body).toMatchObject({ version: 1, workerId: worker.workerId, caseId: c.id, reasonsForLiving: '女儿' });
      const v2 = await t
        .http()
        .post(`/api/v1/crisis-cases/${c.id}/safety-plans`)
        .set(...bearer(w.counsellorA))
        .send({ ...PLAN, internalCoping: [...PLAN.internalCoping, '给自己写一封信'] })
        .expect(201);
      expect(v2.body.version).toBe(2);
      const versions = await t.http().get(`/api/v1/crisis-cases/${c.id}/safety-plans`).set(...bearer(w.counsellorA)).expect(200);
      expect(versions.body.map((p: { version: number }) => p.version)).toEqual([2, 1]);
      expect(versions.body[1].internalCoping).toEqual(PLAN.internalCoping);
      const [stored] = await t.sql<{ content: string }>('SELECT content FROM safety_plans WHERE worker_id = $1 AND version = 1', [worker.workerId]);
      expect(stored.content).toMatch(/^enc:v1:/);

      const mine = await t.http().get('/api/v1/me/safety-plan').set(...bearer(worker)).expect(200);
      expect(mine.body).toMatchObject({ version: 2, internalCoping: [...PLAN.internalCoping, '给自己写一封信'], peopleToAsk: [{ name: '姐姐', phone: '13800000002' }] });
      expect(mine.body.helpLines.map((l: { number: string }) => l.number)).toEqual(['12351', '12356']);
      const record = await t.http().get('/api/v1/me/record').set(...bearer(worker)).expect(200);
      expect(record.body.individual.safetyPlan.version).toBe(2);
      expect(JSON.stringify(record.body)).not.toContain('计划在下班后实施');
      expect(JSON.stringify(record.body)).not.toMatch(/imminent|urgent|ideation/);
      const staff = await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.counsellorA)).expect(200);
      expect(staff.body.individual.safetyPlan.version).toBe(2);
      expect(staff.body.individual.cases[0]).toMatchObject({ level: 'imminent', state: 'acknowledged' });
    });
  });

  describe('asking for help (POST /me/help)', () => {
    it('opens an urgent case (imminent when in danger now), answers with help lines and no label, and does not open a second while the first waits', async () => {
      const other = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      const first = await t.http().post('/api/v1/me/help').set(...bearer(other)).send({ message: '撑不下去了', callbackPhone: '13900000000' }).expect(201);
      expect(Object.keys(first.body).sort()).toEqual(['help', 'receivedAt']);
      expect(first.body.help.zh).toContain('12351');
      expect(JSON.stringify(first.body)).not.toMatch(/urgent|imminent|level/);
      const cases = () => t.sql<{ id: string; level: string; summary: string }>("SELECT id, level, summary FROM crisis_cases WHERE worker_id = $1 AND source_type = 'self_help'", [other.workerId]);
      expect(await cases()).toHaveLength(1);
      expect((await cases())[0]).toMatchObject({ level: 'urgent' });
      expect((await cases())[0].summary).toMatch(/^enc:v1:/);
      await t.http().post('/api/v1/me/help').set(...bearer(other)).send({ inDangerNow: true }).expect(201);
      const after = await cases();
      expect(after).toHaveLength(1);
      expect(after[0].level).toBe('imminent');
      expect((await historyOf(t, after[0].id)).map((h) => h.action)).toEqual(['opened', 'assigned', 'joined', 'level_changed']);
      expect((await notificationsOf(t, w.counsellorA, 'crisis_case.joined')).some((n) => n.link === `/crisis-cases/${after[0].id}`)).toBe(true);
      await t.http().post('/api/v1/me/help').set(...bearer(w.counsellorA)).send({}).expect(403);
      await t.http().post('/api/v1/me/help').set(...bearer(other)).send({ callbackPhone: 'call me maybe' }).expect(400);
    });
  });

  describe('break-the-glass', () => {
    it('lets a counsellor reach a worker outside their scope with a reason, for a limited time, audited, reviewed by supervisors', async () => {
      const [c] = await queueOf(t, w.counsellorA, { state: 'acknowledged' });
      await t.http().get(`/api/v1/crisis-cases/${c.id}`).set(...bearer(w.counsellorB)).expect(404);
      const short = await t.http().post('/api/v1/break-glass').set(...bearer(w.counsellorB)).send({ workerId: worker.workerId, reason: '急' }).expect(400);
      expect(short.body.code).toBe('VALIDATION_FAILED');
      const inScope = await t.createWorkerUser(w.admin.token, w.enterpriseB);
      const notNeeded = await t.http().post('/api/v1/break-glass').set(...bearer(w.counsellorB)).send({ workerId: inScope.workerId, reason: '夜间热线来电，本单位无人值班' }).expect(409);
      expect(notNeeded.body.code).toBe('BREAK_GLASS_NOT_NEEDED');
      await t.http().post('/api/v1/break-glass').set(...bearer(w.official)).send({ workerId: worker.workerId, reason: '夜间热线来电，本单位无人值班' }).expect(403);

      const grant = await t.http().post('/api/v1/break-glass').set(...bearer(w.counsellorB)).send({ workerId: worker.workerId, reason: '夜间热线来电，甲单位值班人员联系不上' }).expect(201);
      expect(grant.body).toMatchObject({ workerId: worker.workerId, workerName: '关怀对象乙' });
      expect(grant.body.cases.map((x: { id: string }) => x.id)).toContain(c.id);
      expect(new Date(grant.body.expiresAt).getTime() - (await t.advanceClock(0)).getTime()).toBe(4 * HOUR);
      expect((await notificationsOf(t, w.supervisor, 'break_glass.opened')).some((n) => n.link === `/break-glass/${grant.body.id}`)).toBe(true);

      const seen = await t.http().get(`/api/v1/crisis-cases/${c.id}`).set(...bearer(w.counsellorB)).expect(200);
      expect(seen.body.breakGlassGrantId).toBe(grant.body.id);
      await t.http().post(`/api/v1/crisis-cases/${c.id}/notes`).set(...bearer(w.counsellorB)).send({ body: '已电话联系，职工情绪平稳' }).expect(201);
      const audited = await t.sql<{ action: string; detail: unknown }>('SELECT action, detail FROM audit_events WHERE actor_id = $1 AND resource_id = $2 ORDER BY seq', [w.counsellorB.id, c.id]);
      expect(audited.map((a) => a.action)).toEqual(['crisis_case.read', 'crisis_case.note']);
      expect(audited.every((a) => JSON.stringify(a.detail).includes(grant.body.id))).toBe(true);
      // the grant covers crisis cases only, not the rest of the worker's record
      await t.http().get(`/api/v1/workers/${worker.workerId}/record`).set(...bearer(w.counsellorB)).expect(404);
      // not in the grantee's queue either: the queue is their scope
      expect((await queueOf(t, w.counsellorB)).map((x) => x.id)).not.toContain(c.id);

      const review = await t.http().get('/api/v1/break-glass').query({ reviewed: false }).set(...bearer(w.supervisor)).expect(200);
      expect(review.body.items[0]).toMatchObject({ id: grant.body.id, userId: w.counsellorB.id, workerId: worker.workerId, reason: '夜间热线来电，甲单位值班人员联系不上', active: true, reviewedAt: null });
      await t.http().get('/api/v1/break-glass').set(...bearer(w.counsellorA)).expect(403);

      await t.advanceClock(4 * HOUR + MINUTE);
      await t.http().get(`/api/v1/crisis-cases/${c.id}`).set(...bearer(w.counsellorB)).expect(404);
      await t.runJobs();
      expect(await t.sql("SELECT 1 FROM audit_events WHERE action = 'break_glass.expire' AND resource_id = $1", [grant.body.id])).toHaveLength(1);
      const expired = await t.http().get('/api/v1/break-glass').set(...bearer(w.supervisor)).expect(200);
      expect(expired.body.items.find((g: { id: string }) => g.id === grant.body.id).active).toBe(false);

      const reviewed = await t.http().post(`/api/v1/break-glass/${grant.body.id}/review`).set(...bearer(w.supervisor)).send({ note: '情况属实，处置得当' }).expect(200);
      expect(reviewed.body).toMatchObject({ reviewedBy: w.supervisor.id, reviewNote: '情况属实，处置得当' });
      const again = await t.http().post(`/api/v1/break-glass/${grant.body.id}/review`).set(...bearer(w.supervisor)).send({}).expect(409);
      expect(again.body.code).toBe('ALREADY_REVIEWED');
      const pending = await t.http().get('/api/v1/break-glass').query({ reviewed: false }).set(...bearer(w.supervisor)).expect(200);
      expect(pending.body.items.map((g: { id: string }) => g.id)).not.toContain(grant.body.id);
    });

    it('routes a case opened under break-the-glass to the worker’s own unit, not to the counsellor whose access expires', async () => {
      const other = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      await t.http().post('/api/v1/break-glass').set(...bearer(w.counsellorB)).send({ workerId: other.workerId, reason: '12351 热线转来，职工在外地出差' }).expect(201);
      const opened = await openCase(t, w.counsellorB, other.workerId!, 'imminent').expect(201);
      expect(opened.body).toMatchObject({ state: 'open', assigneeId: w.counsellorA.id, openedBy: w.counsellorB.id });
      const [audit] = await t.sql<{ detail: unknown }>("SELECT detail FROM audit_events WHERE action = 'crisis_case.open' AND resource_id = $1", [opened.body.id]);
      expect(JSON.stringify(audit.detail)).toContain('breakGlassGrantId');
    });
  });

  describe('cases from other modules', () => {
    it('opens a case from a counselling crisis flag, offered to the counsellor who flagged it, once per appointment; a referral request drafts a referral', async () => {
      const client = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      await grantConsent(t, client);
      const slotId = await publishSlot(t, w.counsellorA, 1);
      const appointmentId = (await t.http().post('/api/v1/me/counselling/appointments').set(...bearer(client)).send({ slotId }).expect(201)).body.id as string;
      await t.advanceClock(90 * MINUTE);
      await t.http().post(`/api/v1/counselling/appointments/${appointmentId}/attendance`).set(...bearer(w.counsellorA)).send({ status: 'attended' }).expect(200);
      const notes = { notes: '谈及轻生念头', concerns: ['self_harm_risk'], crisis: { level: 'moderate' }, referral: { note: '建议精神科评估' } };
      await t.http().put(`/api/v1/counselling/appointments/${appointmentId}/notes`).set(...bearer(w.counsellorA)).send(notes).expect(200);
      await t.runJobs();
      const [c] = await t.sql<{ id: string; level: string; assignee_id: string; source_type: string }>('SELECT id, level, assignee_id, source_type FROM crisis_cases WHERE source_id = $1', [appointmentId]);
      expect(c).toMatchObject({ level: 'concern', assignee_id: w.counsellorA.id, source_type: 'counselling' });
      // amended with a higher level: the same case is raised, no second case
      await t.http().put(`/api/v1/counselling/appointments/${appointmentId}/notes`).set(...bearer(w.counsellorA)).send({ ...notes, crisis: { level: 'high' } }).expect(200);
      await t.runJobs();
      const rows = await t.sql<{ level: string }>('SELECT level FROM crisis_cases WHERE source_id = $1', [appointmentId]);
      expect(rows.map((r) => r.level)).toEqual(['urgent']);
      const drafts = await t.sql<{ state: string; owner_id: string; reason: string }>("SELECT state, owner_id, reason FROM referrals WHERE source_type = 'counselling' AND source_id = $1", [appointmentId]);
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ state: 'draft', owner_id: w.counsellorA.id });
      expect(drafts[0].reason).toMatch(/^enc:v1:/);
      expect(await notificationsOf(t, w.counsellorA, 'referral.draft')).toHaveLength(1);
    });

    it('opens a case for a service-desk request through the exported openFromRequest, once per request', async () => {
      const caller = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      const requestId = 'e5b8a4a2-0000-4000-8000-000000000001';
      const body = { requestId, workerId: caller.workerId, level: 'imminent', summary: '12351 来电：职工称正在楼顶', requestedBy: w.supervisor.id };
      const first = await t.http().post('/api/v1/test/individual/service-desk-request').send(body).expect(200);
      expect(first.body).toMatchObject({ created: true, joined: false, level: 'imminent', assigneeId: w.counsellorA.id });
      const second = await t.http().post('/api/v1/test/individual/service-desk-request').send(body).expect(200);
      expect(second.body).toMatchObject({ created: false, joined: false, caseId: first.body.caseId });
      const [item] = (await queueOf(t, w.counsellorA)).filter((x) => x.id === first.body.caseId);
      expect(item).toMatchObject({ source: { type: 'service_desk', id: requestId }, level: 'imminent' });
    });
  });

  describe('one person, one open case', () => {
    it('joins a help request and a desk request to the open case from a crisis result: history row, level only rises, deadline from the new level, assignee told', async () => {
      const person = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      await consent(t, person);
      const result = await submitOwn(t, person, 'PHQ-9', PHQ9.item9Only).expect(201);
      await t.runJobs();
      const cases = () => t.sql<{ id: string; level: string; due_at: string; state: string }>('SELECT id, level, due_at, state FROM crisis_cases WHERE worker_id = $1', [person.workerId]);
      const [opened] = await cases();
      expect(opened).toMatchObject({ level: 'urgent', state: 'open' });
      const joinedBefore = (await notificationsOf(t, w.counsellorA, 'crisis_case.joined')).length;

      // 请尽快联系我 after the crisis result: no second case, the level stays (urgent is not below urgent)
      await t.http().post('/api/v1/me/help').set(...bearer(person)).send({ message: '晚上睡不着，想找人聊聊' }).expect(201);
      expect(await cases()).toHaveLength(1);
      expect((await cases())[0].level).toBe('urgent');
      // 我现在就有危险: joins and raises to imminent; the open case's deadline comes forward to now + 60 minutes
      const at = await t.advanceClock(0);
      await t.http().post('/api/v1/me/help').set(...bearer(person)).send({ inDangerNow: true }).expect(201);
      const [raised] = await cases();
      expect(raised).toMatchObject({ id: opened.id, level: 'imminent', state: 'open' });
      expect(new Date(raised.due_at).getTime()).toBe(at.getTime() + 60 * MINUTE);
      expect((await historyOf(t, opened.id)).map((h) => h.action)).toEqual(['opened', 'assigned', 'joined', 'joined', 'level_changed']);
      expect((await notificationsOf(t, w.counsellorA, 'crisis_case.joined')).length).toBe(joinedBefore + 2);

      // a desk crisis request joins too (and a concern never lowers the level), once per request
      const body = { requestId: 'e5b8a4a2-0000-4000-8000-0000000000aa', workerId: person.workerId, level: 'concern', summary: '12351 来电：同事反映其情绪低落', requestedBy: w.supervisor.id, callbackNumber: '13700001111' };
      const desk = await t.http().post('/api/v1/test/individual/service-desk-request').send(body).expect(200);
      expect(desk.body).toMatchObject({ caseId: opened.id, created: false, joined: true, level: 'imminent' });
      await t.http().post('/api/v1/test/individual/service-desk-request').send(body).expect(200);
      const triggers = await t.sql<{ source_type: string; joined: boolean | number; detail: string }>('SELECT source_type, joined, detail FROM crisis_case_triggers WHERE case_id = $1 ORDER BY created_at, id', [opened.id]);
      expect(triggers.map((x) => x.source_type).sort()).toEqual(['assessment', 'self_help', 'self_help', 'service_desk']);
      expect(triggers.every((x) => x.detail.startsWith('enc:v1:'))).toBe(true);

      // the case page says why: the opening result first, then each source that joined, in words
      const detail = await t.http().get(`/api/v1/crisis-cases/${opened.id}`).set(...bearer(w.counsellorA)).expect(200);
      expect(detail.body.triggers[0]).toMatchObject({ sourceType: 'assessment', sourceId: result.body.id, joined: false, instrument: { code: 'PHQ-9' } });
      expect(detail.body.triggers[0].rules.some((r: string) => r.startsWith('item_9'))).toBe(true);
      expect(detail.body.triggers.filter((x: { joined: boolean }) => x.joined).map((x: { sourceType: string }) => x.sourceType).sort()).toEqual(['self_help', 'self_help', 'service_desk']);
      expect(detail.body.triggers.map((x: { text?: string }) => x.text)).toContain('晚上睡不着，想找人聊聊');
      expect(detail.body.triggers.find((x: { sourceType: string }) => x.sourceType === 'service_desk')).toMatchObject({ text: '12351 来电：同事反映其情绪低落', callbackPhone: '13700001111' });
      expect(detail.body.case).toMatchObject({ joinedCount: 3, assigneeName: expect.any(String), why: { sourceType: 'assessment' } });
      const [queued] = (await queueOf(t, w.counsellorA)).filter((x) => x.id === opened.id);
      expect(queued).toMatchObject({ level: 'imminent', assigneeName: expect.any(String) });

      // an acknowledged case is joined as well (the state stays); only once it is closed does a new case open
      await t.http().post(`/api/v1/crisis-cases/${opened.id}/acknowledge`).set(...bearer(w.counsellorA)).expect(200);
      await t.http().post('/api/v1/me/help').set(...bearer(person)).send({}).expect(201);
      expect(await cases()).toHaveLength(1);
      expect((await cases())[0].state).toBe('acknowledged');
      await t.http().post(`/api/v1/crisis-cases/${opened.id}/transition`).set(...bearer(w.counsellorA)).send({ to: 'closed', reason: '已联系家属陪同就医' }).expect(200);
      await t.http().post('/api/v1/me/help').set(...bearer(person)).send({}).expect(201);
      const after = await cases();
      expect(after).toHaveLength(2);
      expect(after.find((x) => x.id !== opened.id)).toMatchObject({ state: 'open', level: 'urgent' });
    });

    it('a repeated crisis event for a joined result joins once; a new result for the same person joins the same case', async () => {
      const person = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      await consent(t, person);
      await t.http().post('/api/v1/me/help').set(...bearer(person)).send({}).expect(201);
      const result = await submitOwn(t, person, 'PHQ-9', PHQ9.item9Only).expect(201);
      await t.runJobs();
      await t.sql("UPDATE jobs SET status = 'pending', attempts = 0 WHERE type = 'event:assessment.crisis>individual.open-case' AND dedupe_key LIKE $1", [`%${result.body.id}`]);
      await t.runJobs();
      const rows = await t.sql<{ id: string }>('SELECT id FROM crisis_cases WHERE worker_id = $1', [person.workerId]);
      expect(rows).toHaveLength(1);
      const joined = await t.sql("SELECT 1 FROM crisis_case_triggers WHERE case_id = $1 AND source_type = 'assessment'", [rows[0].id]);
      expect(joined).toHaveLength(1);
      expect((await historyOf(t, rows[0].id)).filter((h) => h.action === 'joined')).toHaveLength(1);
    });
  });

  describe('how to reach the worker', () => {
    it('keeps phone, second phone and emergency contact encrypted, shows them on the case and audits each disclosure as a read', async () => {
      const person = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name: '联系对象丙' });
      const contact = { phone: '13811112222', phone2: '0571-86660000', emergencyContact: { name: '王芳', relation: '配偶', phone: '13933334444' } };
      const bad = await t.http().patch(`/api/v1/workers/${person.workerId}`).set(...bearer(w.admin)).send({ emergencyContact: { name: '王芳', phone: 'call me' } }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const saved = await t.http().patch(`/api/v1/workers/${person.workerId}`).set(...bearer(w.admin)).send(contact).expect(200);
      expect(saved.body).toMatchObject({ phone: '13811112222', phone2: '0571-86660000', emergencyContact: { name: '王芳', relation: '配偶', phone: '13933334444' } });
      const [row] = await t.sql<Record<string, string>>('SELECT phone2, emergency_name, emergency_relation, emergency_phone FROM workers WHERE id = $1', [person.workerId]);
      expect(Object.values(row).every((v) => v.startsWith('enc:v1:'))).toBe(true);

      const opened = await openCase(t, w.counsellorA, person.workerId!, 'urgent', '来电称想结束生命').expect(201);
      const detail = await t.http().get(`/api/v1/crisis-cases/${opened.body.id}`).set(...bearer(w.counsellorA)).expect(200);
      expect(detail.body.contact).toEqual({ workerId: person.workerId, name: '联系对象丙', ...contact, emergencyContact: { name: '王芳', relation: '配偶', phone: '13933334444' } });
      const reads = await t.sql<{ detail: unknown; actor_id: string }>("SELECT detail, actor_id FROM audit_events WHERE action = 'worker.contact_read' AND resource_id = $1", [person.workerId]);
      expect(reads).toHaveLength(1);
      expect(reads[0].actor_id).toBe(w.counsellorA.id);
      expect(JSON.stringify(reads[0].detail)).toContain(opened.body.id);
      // outside scope: 404 and nothing disclosed
      await t.http().get(`/api/v1/crisis-cases/${opened.body.id}`).set(...bearer(w.counsellorB)).expect(404);
      expect(await t.sql("SELECT 1 FROM audit_events WHERE action = 'worker.contact_read' AND resource_id = $1", [person.workerId])).toHaveLength(1);
      // the case's own contact note
      const noted = await t.http().post(`/api/v1/crisis-cases/${opened.body.id}/contact-note`).set(...bearer(w.counsellorA)).send({ note: '白天在车间听不到手机，先打班组座机' }).expect(200);
      expect(noted.body.contactNote).toBe('白天在车间听不到手机，先打班组座机');
      // clearing
      const cleared = await t.http().patch(`/api/v1/workers/${person.workerId}`).set(...bearer(w.admin)).send({ phone2: null, emergencyContact: null }).expect(200);
      expect(cleared.body).toMatchObject({ phone2: null, emergencyContact: null });
    });

    it('shows how to reach the worker on the desk request (with the call-back number) and the referral, each disclosure audited', async () => {
      const person = await t.createWorkerUser(w.admin.token, w.enterpriseA, { name: '联系对象丁' });
      const contact = { phone: '13822223333', phone2: null, emergencyContact: { name: '李强', relation: '兄弟', phone: '13944445555' } };
      await t.http().patch(`/api/v1/workers/${person.workerId}`).set(...bearer(w.admin)).send(contact).expect(200);
      const disclosures = async () =>
        (await t.sql<{ detail: unknown; actor_id: string }>("SELECT detail, actor_id FROM audit_events WHERE action = 'worker.contact_read' AND resource_id = $1 ORDER BY seq", [person.workerId])).map(
          (r) => ({ actor: r.actor_id, ...((typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>) }),
        );
      const expected = { workerId: person.workerId, name: '联系对象丁', ...contact };

      const call = await t
        .http()
        .post('/api/v1/desk/requests')
        .set(...bearer(w.counsellorA))
        .send({ channel: 'hotline_12351', workerId: person.workerId, callbackNumber: '13822223333', category: 'family', urgency: 'normal', summary: '家庭矛盾，请回电' })
        .expect(201);
      const desk = await t.http().get(`/api/v1/desk/requests/${call.body.id}`).set(...bearer(w.counsellorA)).expect(200);
      expect(desk.body).toMatchObject({ callbackNumber: '13822223333', contact: expected });
      expect(await disclosures()).toEqual([{ actor: w.counsellorA.id, via: 'desk_request', id: call.body.id }]);
      const anonymous = await t.http().post('/api/v1/desk/requests').set(...bearer(w.counsellorA)).send({ channel: 'hotline_12351', category: 'family', urgency: 'normal', summary: '匿名来电' }).expect(201);
      expect((await t.http().get(`/api/v1/desk/requests/${anonymous.body.id}`).set(...bearer(w.counsellorA)).expect(200)).body.contact).toBeNull();

      const referral = await t.http().post('/api/v1/referrals').set(...bearer(w.counsellorA)).send({ workerId: person.workerId, providerType: 'hospital' }).expect(201);
      const detail = await t.http().get(`/api/v1/referrals/${referral.body.id}`).set(...bearer(w.counsellorA)).expect(200);
      expect(detail.body.contact).toEqual(expected);
      await t.http().get(`/api/v1/referrals/${referral.body.id}`).set(...bearer(w.counsellorB)).expect(404);
      expect((await disclosures()).slice(1)).toEqual([{ actor: w.counsellorA.id, via: 'referral', id: referral.body.id }]);
      // The follow-up list's contacts: test/individual/referrals.e2e-spec.ts (it has follow-ups due).
    });
  });
});
