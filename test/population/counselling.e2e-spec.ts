import { DAY, HOUR, MINUTE } from '../../src/platform/clock/clock.js';
import { grantConsent, inHours, notificationKinds, payloadOf, publishSlot, withdrawConsent } from '../support/population.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';

const EVENTS = 'counselling.crisis_flagged,counselling.referral_requested';

describe('counselling services (心理咨询服务)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  /** A worker of enterprise A with an account and counselling consent. */
  async function consentingWorker(fields: Record<string, unknown> = {}): Promise<TestUser> {
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA, fields);
    await grantConsent(t, worker);
    return worker;
  }

  function book(worker: TestUser, slotId: string) {
    return t.http().post('/api/v1/me/counselling/appointments').set(...bearer(worker)).send({ slotId });
  }

  beforeAll(async () => {
    t = await TestApp.start({ TEST_RECORD_EVENTS: EVENTS });
    w = await t.world();
  });
  afterAll(() => t.close());

  describe('availability', () => {
    it('publishes in-person slots with a place and online slots without one', async () => {
      await publishSlot(t, w.counsellorA, 30);
      const online = await t
        .http()
        .post('/api/v1/counselling/slots')
        .set(...bearer(w.counsellorA))
        .send({ startsAt: await inHours(t, 40), endsAt: await inHours(t, 41), mode: 'online' })
        .expect(201);
      expect(online.body).toMatchObject({ mode: 'online', place: null, status: 'open', taken: false, counsellorId: w.counsellorA.id });
    });

    it('refuses an in-person slot without a place (400), an overlapping slot (409) and officials (403)', async () => {
      const startsAt = await inHours(t, 50);
      const endsAt = await inHours(t, 51);
      const noPlace = await t.http().post('/api/v1/counselling/slots').set(...bearer(w.counsellorA)).send({ startsAt, endsAt, mode: 'in_person' }).expect(400);
      expect(noPlace.body.code).toBe('PLACE_REQUIRED');
      await publishSlot(t, w.counsellorA, 50);
      const overlap = await t
        .http()
        .post('/api/v1/counselling/slots')
        .set(...bearer(w.counsellorA))
        .send({ startsAt: await inHours(t, 50.5), endsAt: await inHours(t, 51.5), mode: 'online' })
        .expect(409);
      expect(overlap.body.code).toBe('SLOT_OVERLAP');
      await t.http().post('/api/v1/counselling/slots').set(...bearer(w.official)).send({ startsAt, endsAt, mode: 'online' }).expect(403);
    });

    it('shows workers the free slots of counsellors serving their unit only', async () => {
      const slotId = await publishSlot(t, w.counsellorA, 60);
      const workerA = await consentingWorker();
      const workerB = await t.createWorkerUser(w.admin.token, w.enterpriseB);
      await grantConsent(t, workerB);
      const seenByA = await t.http().get('/api/v1/me/counselling/slots').set(...bearer(workerA)).expect(200);
      expect(seenByA.body.map((s: { id: string }) => s.id)).toContain(slotId);
      expect(seenByA.body[0]).not.toHaveProperty('taken');
      const seenByB = await t.http().get('/api/v1/me/counselling/slots').set(...bearer(workerB)).expect(200);
      expect(seenByB.body.map((s: { id: string }) => s.id)).not.toContain(slotId);
      await book(workerB, slotId).expect(404);
    });
  });

  describe('booking', () => {
    it('needs the worker’s counselling consent: 403 CONSENT_REQUIRED_COUNSELLING', async () => {
      const slotId = await publishSlot(t, w.counsellorA, 70);
      const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      const refused = await book(worker, slotId).expect(403);
      expect(refused.body.code).toBe('CONSENT_REQUIRED_COUNSELLING');
      await grantConsent(t, worker);
      await book(worker, slotId).expect(201);
    });

    it('books a slot once: the second booking of a taken slot is 409 SLOT_TAKEN and the slot leaves the free list', async () => {
      const slotId = await publishSlot(t, w.counsellorA, 80);
      const first = await consentingWorker();
      const second = await consentingWorker();
      const booked = await book(first, slotId).expect(201);
      expect(booked.body).toMatchObject({ status: 'booked', mode: 'in_person', place: '职工服务中心 302 室' });
      expect(booked.body).not.toHaveProperty('workerId');
      const taken = await book(second, slotId).expect(409);
      expect(taken.body.code).toBe('SLOT_TAKEN');
      const free = await t.http().get('/api/v1/me/counselling/slots').set(...bearer(second)).expect(200);
      expect(free.body.map((s: { id: string }) => s.id)).not.toContain(slotId);
    });

    it('gives one success and one 409 when two workers book the same slot at the same moment', async () => {
      for (let round = 0; round < 3; round++) {
        const slotId = await publishSlot(t, w.counsellorA, 90 + round * 2);
        const [a, b] = await Promise.all([consentingWorker(), consentingWorker()]);
        const results = await Promise.all([book(a, slotId), book(b, slotId)]);
        expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
        expect(results.find((r) => r.status === 409)!.body.code).toBe('SLOT_TAKEN');
        const holders = await t.sql('SELECT id FROM counselling_appointments WHERE slot_id = $1', [slotId]);
        expect(holders).toHaveLength(1);
      }
    });

    it('lets a worker cancel (the slot is free again) and refuses changes after the start', async () => {
      const slotId = await publishSlot(t, w.counsellorA, 100);
      const worker = await consentingWorker();
      const other = await consentingWorker();
      const booked = await book(worker, slotId).expect(201);
      const cancelled = await t.http().post(`/api/v1/me/counselling/appointments/${booked.body.id}/cancel`).set(...bearer(worker)).expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      await book(other, slotId).expect(201);
      expect(await notificationKinds(t, w.counsellorA)).toEqual(expect.arrayContaining(['counselling.appointment_booked', 'counselling.appointment_cancelled']));
      const again = await t.http().post(`/api/v1/me/counselling/appointments/${booked.body.id}/cancel`).set(...bearer(worker)).expect(409);
      expect(again.body.code).toBe('ILLEGAL_TRANSITION');
      // Someone else's appointment is not found for this worker.
      const othersId = (await t.http().get('/api/v1/me/counselling/appointments').set(...bearer(other)).expect(200)).body[0].id;
      await t.http().post(`/api/v1/me/counselling/appointments/${othersId}/cancel`).set(...bearer(worker)).expect(404);
    });
  });

  describe('reminders', () => {
    it('reminds 24 h before, never at the old time of a rescheduled or cancelled appointment', async () => {
      const moving = await consentingWorker();
      const cancelling = await consentingWorker();
      const keeping = await consentingWorker();
      const oldSlot = await publishSlot(t, w.counsellorA, 3 * 24 + 2);
      const newSlot = await publishSlot(t, w.counsellorA, 5 * 24 + 2);
      const cancelSlot = await publishSlot(t, w.counsellorA, 3 * 24 + 4);
      const keepSlot = await publishSlot(t, w.counsellorA, 3 * 24 + 6);
      const moved = await book(moving, oldSlot).expect(201);
      const toCancel = await book(cancelling, cancelSlot).expect(201);
      await book(keeping, keepSlot).expect(201);
      const rescheduled = await t
        .http()
        .post(`/api/v1/me/counselling/appointments/${moved.body.id}/reschedule`)
        .set(...bearer(moving))
        .send({ slotId: newSlot })
        .expect(200);
      expect(rescheduled.body).toMatchObject({ status: 'booked', rescheduledFromId: moved.body.id });
      await t.http().post(`/api/v1/me/counselling/appointments/${toCancel.body.id}/cancel`).set(...bearer(cancelling)).expect(200);
      const own = await t.http().get('/api/v1/me/counselling/appointments').set(...bearer(moving)).expect(200);
      expect(own.body.map((a: { status: string }) => a.status).sort()).toEqual(['booked', 'rescheduled']);

      // Past the old times' reminder moment (start − 24 h): only the kept appointment reminds.
      await t.advanceClock(2 * DAY + 8 * HOUR);
      await t.runJobs();
      expect(await notificationKinds(t, keeping)).toContain('counselling.reminder');
      expect(await notificationKinds(t, moving)).not.toContain('counselling.reminder');
      expect(await notificationKinds(t, cancelling)).not.toContain('counselling.reminder');

      // Past the new time's reminder moment: exactly one reminder for the moved appointment.
      await t.advanceClock(2 * DAY);
      await t.runJobs();
      expect((await notificationKinds(t, moving)).filter((k) => k === 'counselling.reminder')).toHaveLength(1);
      expect(await notificationKinds(t, cancelling)).not.toContain('counselling.reminder');
    });
  });

  describe('attendance, session notes and the record', () => {
    let worker: TestUser;
    let appointmentId: string;

    beforeAll(async () => {
      worker = await consentingWorker({ name: '赵小满' });
      const slotId = await publishSlot(t, w.counsellorA, 2);
      appointmentId = (await book(worker, slotId).expect(201)).body.id;
    });

    it('marks attendance only once the session has started, and lets a no-show be corrected', async () => {
      const early = await t.http().post(`/api/v1/counselling/appointments/${appointmentId}/attendance`).set(...bearer(w.counsellorA)).send({ status: 'no_show' }).expect(409);
      expect(early.body.code).toBe('SESSION_NOT_STARTED');
      const notes = await t
        .http()
        .put(`/api/v1/counselling/appointments/${appointmentId}/notes`)
        .set(...bearer(w.counsellorA))
        .send({ notes: '尚未开始', concerns: ['work_stress'] })
        .expect(409);
      expect(notes.body.code).toBe('SESSION_NOT_ATTENDED');
      await t.advanceClock(2 * HOUR + 5 * MINUTE);
      const late = await t.http().post(`/api/v1/me/counselling/appointments/${appointmentId}/cancel`).set(...bearer(worker)).expect(409);
      expect(late.body.code).toBe('APPOINTMENT_STARTED');
      await t.http().post(`/api/v1/counselling/appointments/${appointmentId}/attendance`).set(...bearer(w.counsellorA)).send({ status: 'no_show' }).expect(200);
      const corrected = await t.http().post(`/api/v1/counselling/appointments/${appointmentId}/attendance`).set(...bearer(w.counsellorA)).send({ status: 'attended' }).expect(200);
      expect(corrected.body.status).toBe('attended');
      const back = await t.http().post(`/api/v1/counselling/appointments/${appointmentId}/attendance`).set(...bearer(w.counsellorA)).send({ status: 'no_show' }).expect(409);
      expect(back.body.code).toBe('ILLEGAL_TRANSITION');
    });

    it('lets only the session’s own counsellor write notes', async () => {
      const colleague = await t.createUser(w.admin.token, 'counsellor', w.enterpriseA);
      const refused = await t
        .http()
        .put(`/api/v1/counselling/appointments/${appointmentId}/notes`)
        .set(...bearer(colleague))
        .send({ notes: '代写', concerns: ['other'] })
        .expect(403);
      expect(refused.body.code).toBe('NOT_SESSION_COUNSELLOR');
      await t.http().put(`/api/v1/counselling/appointments/${appointmentId}/notes`).set(...bearer(w.counsellorA)).send({ notes: 'x', concerns: ['not_a_code'] }).expect(400);
    });

    it('stores notes encrypted and publishes crisis and referral events in the same transaction', async () => {
      const written = await t
        .http()
        .put(`/api/v1/counselling/appointments/${appointmentId}/notes`)
        .set(...bearer(w.counsellorA))
        .send({
          notes: '来访者近期夜班后失眠，情绪低落，有轻生念头。',
          concerns: ['sleep', 'low_mood', 'self_harm_risk'],
          crisis: { level: 'high' },
          referral: { note: '建议转介精神科评估' },
        })
        .expect(200);
      expect(written.body.concerns).toEqual([
        { code: 'sleep', zh: '睡眠问题', en: 'Sleep problems' },
        { code: 'low_mood', zh: '抑郁情绪', en: 'Low mood' },
        { code: 'self_harm_risk', zh: '自伤或自杀风险', en: 'Self-harm or suicide risk' },
      ]);
      const [row] = await t.sql<{ notes: string; referral_note: string }>('SELECT notes, referral_note FROM counselling_session_notes WHERE appointment_id = $1', [appointmentId]);
      expect(row.notes).toMatch(/^enc:v1:[0-9a-f]{8}:/);
      expect(row.notes).not.toContain('失眠');
      expect(row.referral_note).toMatch(/^enc:v1:/);

      const jobs = await t.sql<{ type: string; payload: unknown }>(`SELECT type, payload FROM jobs WHERE type LIKE 'event:counselling.%'`);
      const crisis = jobs.filter((j) => j.type === 'event:counselling.crisis_flagged>test.recorder').map((j) => payloadOf(j.payload));
      const referral = jobs.filter((j) => j.type === 'event:counselling.referral_requested>test.recorder').map((j) => payloadOf(j.payload));
      expect(crisis).toEqual([
        { event: 'counselling.crisis_flagged', appointmentId, workerId: worker.workerId, orgUnitId: w.enterpriseA, counsellorId: w.counsellorA.id, level: 'high' },
      ]);
      expect(referral).toEqual([
        { event: 'counselling.referral_requested', appointmentId, workerId: worker.workerId, counsellorId: w.counsellorA.id, note: '建议转介精神科评估' },
      ]);

      // Amending with the same flags does not publish them twice.
      await t
        .http()
        .put(`/api/v1/counselling/appointments/${appointmentId}/notes`)
        .set(...bearer(w.counsellorA))
        .send({ notes: '补充：已告知求助热线。', concerns: ['sleep', 'low_mood', 'self_harm_risk'], crisis: { level: 'high' }, referral: {} })
        .expect(200);
      // (Counted at the recorder: the individual tier subscribes to both events too, one outbox row per subscriber.)
      expect(await t.sql(`SELECT id FROM jobs WHERE type LIKE 'event:counselling.%>test.recorder'`)).toHaveLength(2);
    });

    it('shows notes to clinical staff in scope only: 403 for officials and the worker, 404 outside scope', async () => {
      const own = await t.http().get(`/api/v1/counselling/appointments/${appointmentId}/notes`).set(...bearer(w.counsellorA)).expect(200);
      expect(own.body.notes).toBe('补充：已告知求助热线。');
      await t.http().get(`/api/v1/counselling/appointments/${appointmentId}/notes`).set(...bearer(w.supervisor)).expect(200);
      const official = await t.http().get(`/api/v1/counselling/appointments/${appointmentId}/notes`).set(...bearer(w.official)).expect(403);
      expect(official.body.code).toBe('FORBIDDEN');
      await t.http().get(`/api/v1/counselling/appointments/${appointmentId}/notes`).set(...bearer(worker)).expect(403);
      await t.http().get(`/api/v1/counselling/appointments/${appointmentId}/notes`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().get(`/api/v1/counselling/appointments/${appointmentId}`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().get(`/api/v1/counselling/workers/${worker.workerId}/appointments`).set(...bearer(w.official)).expect(403);
      const reads = await t.sql(`SELECT seq FROM audit_events WHERE action = 'session_note.read' AND resource_id = $1`, [appointmentId]);
      expect(reads.length).toBeGreaterThanOrEqual(2);
    });

    it('never shows notes or concerns in the worker’s own view', async () => {
      const mine = await t.http().get('/api/v1/me/counselling/appointments').set(...bearer(worker)).expect(200);
      expect(mine.body[0]).toMatchObject({ id: appointmentId, status: 'attended' });
      const text = JSON.stringify(mine.body);
      expect(text).not.toContain('热线');
      expect(text).not.toContain('sleep');
      expect(text).not.toContain('crisis');
    });

    it('puts sessions in the staff record with notes for clinical staff, and counts no-shows', async () => {
      const history = await t.http().get(`/api/v1/counselling/workers/${worker.workerId}/appointments`).set(...bearer(w.counsellorA)).expect(200);
      expect(history.body.summary).toEqual({ booked: 0, attended: 1, noShow: 0, cancelled: 0, rescheduled: 0 });
      expect(history.body.appointments[0].session).toMatchObject({ notes: '补充：已告知求助热线。', crisisLevel: 'high', referralRequested: true });
      await t.http().get(`/api/v1/counselling/workers/${worker.workerId}/appointments`).set(...bearer(w.counsellorB)).expect(404);
    });

    it('refuses writing notes once the worker has withdrawn counselling consent', async () => {
      await withdrawConsent(t, worker);
      const refused = await t
        .http()
        .put(`/api/v1/counselling/appointments/${appointmentId}/notes`)
        .set(...bearer(w.counsellorA))
        .send({ notes: '再补充', concerns: ['sleep'] })
        .expect(403);
      expect(refused.body.code).toBe('CONSENT_REQUIRED_COUNSELLING');
    });
  });

  describe('calendars', () => {
    it('lists a counsellor’s week; another counsellor sees only workers in their scope; officials are refused', async () => {
      const from = await inHours(t, 200);
      const to = await inHours(t, 200 + 7 * 24);
      const inWeek = await publishSlot(t, w.counsellorA, 220);
      const nextWeek = await publishSlot(t, w.counsellorA, 200 + 8 * 24);
      const worker = await consentingWorker();
      const a = (await book(worker, inWeek).expect(201)).body.id;
      await book(worker, nextWeek).expect(201);
      const week = await t.http().get('/api/v1/counselling/appointments').query({ from, to }).set(...bearer(w.counsellorA)).expect(200);
      expect(week.body.map((x: { id: string }) => x.id)).toEqual([a]);
      expect(week.body[0]).toMatchObject({ workerId: worker.workerId, status: 'booked' });
      const bySupervisor = await t.http().get('/api/v1/counselling/appointments').query({ from, to, counsellorId: w.counsellorA.id }).set(...bearer(w.supervisor)).expect(200);
      expect(bySupervisor.body).toHaveLength(1);
      const bySibling = await t.http().get('/api/v1/counselling/appointments').query({ from, to, counsellorId: w.counsellorA.id }).set(...bearer(w.counsellorB)).expect(200);
      expect(bySibling.body).toEqual([]);
      await t.http().get('/api/v1/counselling/appointments').query({ from, to }).set(...bearer(w.official)).expect(403);
      const tooLong = await t.http().get('/api/v1/counselling/appointments').query({ from, to: await inHours(t, 200 + 40 * 24) }).set(...bearer(w.counsellorA)).expect(400);
      expect(tooLong.body.code).toBe('WINDOW_TOO_LONG');
    });

    it('lets a counsellor cancel, telling the worker, and refuses withdrawing a booked slot', async () => {
      const slotId = await publishSlot(t, w.counsellorA, 300);
      const worker = await consentingWorker();
      const booked = (await book(worker, slotId).expect(201)).body.id;
      const withdraw = await t.http().post(`/api/v1/counselling/slots/${slotId}/withdraw`).set(...bearer(w.counsellorA)).expect(409);
      expect(withdraw.body.code).toBe('SLOT_BOOKED');
      await t.http().post(`/api/v1/counselling/appointments/${booked}/cancel`).set(...bearer(w.counsellorA)).expect(200);
      expect(await notificationKinds(t, worker)).toContain('counselling.appointment_cancelled');
      await t.http().post(`/api/v1/counselling/slots/${slotId}/withdraw`).set(...bearer(w.counsellorA)).expect(200);
      await book(worker, slotId).expect(409);
    });
  });
});
