import { HOUR } from '../../src/platform/clock/clock.js';
import { inHours, notificationKinds } from '../support/population.js';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';

const KNOWLEDGE = [
  { prompt: '长期睡眠不好时，较好的做法是？', options: ['一直忍着', '调整作息并在需要时求助'], answer: 1 },
  { prompt: '情绪低落持续两周以上意味着？', options: ['需要关注，可寻求专业帮助', '没有关系'], answer: 0 },
];
const LITERACY = [
  { prompt: '心理问题和身体疾病一样可以治疗吗？', options: ['可以', '不可以'], answer: 0 },
  { prompt: '12356 是什么热线？', options: ['天气预报', '心理援助热线'], answer: 1 },
  { prompt: '向同事倾诉压力是软弱的表现吗？', options: ['是', '不是'], answer: 1 },
  { prompt: '压力大时运动有帮助吗？', options: ['有', '没有'], answer: 0 },
];

describe('mental-health education and literacy (心理健康教育与素养提升)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  });
  afterAll(() => t.close());

  describe('courses', () => {
    let courseId: string;
    let lessonIds: string[];
    let quizId: string;
    let literacyId: string;
    let shiftA: TestUser;
    let shiftB: TestUser;

    beforeAll(async () => {
      shiftA = await t.createWorkerUser(w.admin.token, w.enterpriseA, { specialPost: 'shift' });
      shiftB = await t.createWorkerUser(w.admin.token, w.enterpriseA, { specialPost: 'shift' });
    });

    it('authors a draft course for shift workers: lessons, a knowledge quiz and a literacy check, then publishes it', async () => {
      const created = await t
        .http()
        .post('/api/v1/education/courses')
        .set(...bearer(w.counsellorA))
        .send({ title: '倒班职工睡眠与情绪调适', orgUnitId: w.enterpriseA, audience: { specialPosts: ['shift'] } })
        .expect(201);
      courseId = created.body.id;
      expect(created.body).toMatchObject({ status: 'draft', audience: { specialPosts: ['shift'] } });
      const lessons = [
        { title: '认识睡眠节律', kind: 'text', body: '倒班会打乱生物钟……' },
        { title: '放松训练视频', kind: 'video', url: 'https://video.example.org/relax' },
        { title: '睡眠日记模板', kind: 'material', url: 'https://files.example.org/sleep-diary.pdf' },
      ];
      lessonIds = [];
      for (const lesson of lessons) {
        lessonIds.push((await t.http().post(`/api/v1/education/courses/${courseId}/lessons`).set(...bearer(w.counsellorA)).send(lesson).expect(201)).body.id);
      }
      const noUrl = await t.http().post(`/api/v1/education/courses/${courseId}/lessons`).set(...bearer(w.counsellorA)).send({ title: '视频', kind: 'video' }).expect(400);
      expect(noUrl.body.code).toBe('LESSON_URL_REQUIRED');
      const noPass = await t.http().post(`/api/v1/education/courses/${courseId}/quizzes`).set(...bearer(w.counsellorA)).send({ kind: 'knowledge', title: '小测验', questions: KNOWLEDGE }).expect(400);
      expect(noPass.body.code).toBe('PASSING_SCORE_REQUIRED');
      quizId = (
        await t.http().post(`/api/v1/education/courses/${courseId}/quizzes`).set(...bearer(w.counsellorA)).send({ kind: 'knowledge', title: '小测验', questions: KNOWLEDGE, passingScore: 100 }).expect(201)
      ).body.id;
      literacyId = (
        await t.http().post(`/api/v1/education/courses/${courseId}/quizzes`).set(...bearer(w.counsellorA)).send({ kind: 'literacy', title: '心理健康素养测查', questions: LITERACY }).expect(201)
      ).body.id;
      const second = await t.http().post(`/api/v1/education/courses/${courseId}/quizzes`).set(...bearer(w.counsellorA)).send({ kind: 'literacy', title: '又一份', questions: LITERACY }).expect(409);
      expect(second.body.code).toBe('LITERACY_QUIZ_EXISTS');
      const published = await t.http().post(`/api/v1/education/courses/${courseId}/status`).set(...bearer(w.counsellorA)).send({ status: 'published' }).expect(200);
      expect(published.body.lessons.map((l: { position: number }) => l.position)).toEqual([1, 2, 3]);
      const locked = await t.http().post(`/api/v1/education/courses/${courseId}/lessons`).set(...bearer(w.counsellorA)).send({ title: '加课', kind: 'text', body: '…' }).expect(409);
      expect(locked.body.code).toBe('COURSE_NOT_DRAFT');
      const archived = await t.http().post(`/api/v1/education/courses/${courseId}/status`).set(...bearer(w.counsellorA)).send({ status: 'archived' }).expect(200);
      expect(archived.body.status).toBe('archived');
      // Archiving is final.
      const again = await t.http().post(`/api/v1/education/courses/${courseId}/status`).set(...bearer(w.counsellorA)).send({ status: 'published' }).expect(409);
      expect(again.body.code).toBe('ILLEGAL_TRANSITION');
    });

    it('shows the course only to the workers it targets (404 for the others) and outside scope to nobody', async () => {
      const created = await t
        .http()
        .post('/api/v1/education/courses')
        .set(...bearer(w.counsellorA))
        .send({ title: '倒班职工压力管理', orgUnitId: w.enterpriseA, audience: { specialPosts: ['shift'] } })
        .expect(201);
      courseId = created.body.id;
      lessonIds = [];
      for (const title of ['第一课', '第二课']) {
        lessonIds.push((await t.http().post(`/api/v1/education/courses/${courseId}/lessons`).set(...bearer(w.counsellorA)).send({ title, kind: 'text', body: `${title}正文` }).expect(201)).body.id);
      }
      quizId = (
        await t.http().post(`/api/v1/education/courses/${courseId}/quizzes`).set(...bearer(w.counsellorA)).send({ kind: 'knowledge', title: '小测验', questions: KNOWLEDGE, passingScore: 100 }).expect(201)
      ).body.id;
      literacyId = (
        await t.http().post(`/api/v1/education/courses/${courseId}/quizzes`).set(...bearer(w.counsellorA)).send({ kind: 'literacy', title: '素养测查', questions: LITERACY }).expect(201)
      ).body.id;
      await t.http().post(`/api/v1/education/courses/${courseId}/status`).set(...bearer(w.counsellorA)).send({ status: 'published' }).expect(200);

      const dayWorker = await t.createWorkerUser(w.admin.token, w.enterpriseA, { specialPost: 'none' });
      const shiftInB = await t.createWorkerUser(w.admin.token, w.enterpriseB, { specialPost: 'shift' });
      const forShift = await t.http().get('/api/v1/me/courses').set(...bearer(shiftA)).expect(200);
      expect(forShift.body.map((c: { id: string }) => c.id)).toContain(courseId);
      const forDay = await t.http().get('/api/v1/me/courses').set(...bearer(dayWorker)).expect(200);
      expect(forDay.body.map((c: { id: string }) => c.id)).not.toContain(courseId);
      await t.http().get(`/api/v1/me/courses/${courseId}`).set(...bearer(dayWorker)).expect(404);
      await t.http().post(`/api/v1/me/courses/${courseId}/enrol`).set(...bearer(shiftInB)).expect(404);
      await t.http().get(`/api/v1/education/courses/${courseId}`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().get(`/api/v1/education/courses/${courseId}`).set(...bearer(w.supervisor)).expect(200);
      await t.http().get('/api/v1/education/courses').set(...bearer(w.official)).expect(403);
    });

    it('takes a worker through the course: literacy before, lessons, a failed then a passed quiz, literacy after', async () => {
      const notEnrolled = await t.http().post(`/api/v1/me/courses/${courseId}/lessons/${lessonIds[0]}/complete`).set(...bearer(shiftA)).expect(409);
      expect(notEnrolled.body.code).toBe('NOT_ENROLLED');
      await t.http().post(`/api/v1/me/courses/${courseId}/enrol`).set(...bearer(shiftA)).expect(200);
      const view = await t.http().get(`/api/v1/me/courses/${courseId}`).set(...bearer(shiftA)).expect(200);
      expect(view.body.quizzes.every((q: { quiz: { questions: object[] } }) => q.quiz.questions.every((question) => !('answer' in question)))).toBe(true);

      const pre = await t.http().post(`/api/v1/me/courses/${courseId}/quizzes/${literacyId}/attempts`).set(...bearer(shiftA)).send({ answers: [0, 0, 0, 1] }).expect(201);
      expect(pre.body).toMatchObject({ phase: 'pre', score: 1, maxScore: 4, percent: 25, passed: null });
      const preAgain = await t.http().post(`/api/v1/me/courses/${courseId}/quizzes/${literacyId}/attempts`).set(...bearer(shiftA)).send({ answers: [0, 1, 1, 0] }).expect(409);
      expect(preAgain.body.code).toBe('LITERACY_PRE_DONE');

      for (const lessonId of lessonIds) await t.http().post(`/api/v1/me/courses/${courseId}/lessons/${lessonId}/complete`).set(...bearer(shiftA)).expect(200);
      const failed = await t.http().post(`/api/v1/me/courses/${courseId}/quizzes/${quizId}/attempts`).set(...bearer(shiftA)).send({ answers: [1, 1] }).expect(201);
      expect(failed.body).toMatchObject({ passed: false, percent: 50, correct: [true, false], courseCompleted: false });
      const partial = await t.http().post(`/api/v1/me/courses/${courseId}/quizzes/${quizId}/attempts`).set(...bearer(shiftA)).send({ answers: [1] }).expect(400);
      expect(partial.body.code).toBe('QUIZ_ANSWER_COUNT');
      const passed = await t.http().post(`/api/v1/me/courses/${courseId}/quizzes/${quizId}/attempts`).set(...bearer(shiftA)).send({ answers: [1, 0] }).expect(201);
      expect(passed.body).toMatchObject({ passed: true, courseCompleted: true });

      const post = await t.http().post(`/api/v1/me/courses/${courseId}/quizzes/${literacyId}/attempts`).set(...bearer(shiftA)).send({ answers: [0, 1, 1, 0] }).expect(201);
      expect(post.body).toMatchObject({ phase: 'post', percent: 100 });
      const postAgain = await t.http().post(`/api/v1/me/courses/${courseId}/quizzes/${literacyId}/attempts`).set(...bearer(shiftA)).send({ answers: [0, 1, 1, 0] }).expect(409);
      expect(postAgain.body.code).toBe('LITERACY_POST_DONE');

      const history = await t.http().get('/api/v1/me/learning').set(...bearer(shiftA)).expect(200);
      expect(history.body.courses).toEqual([
        expect.objectContaining({
          courseId,
          status: 'completed',
          lessonsCompleted: 2,
          lessonsTotal: 2,
          quizzes: [expect.objectContaining({ quizId, attempts: 2, bestPercent: 100, passed: true })],
          literacy: { pre: 25, post: 100 },
        }),
      ]);
      const staffView = await t.http().get(`/api/v1/education/workers/${shiftA.workerId}/learning`).set(...bearer(w.counsellorA)).expect(200);
      expect(staffView.body).toEqual(history.body);
      await t.http().get(`/api/v1/education/workers/${shiftA.workerId}/learning`).set(...bearer(w.counsellorB)).expect(404);
    });

    it('reports literacy change per course over paired workers, and participation by unit', async () => {
      await t.http().post(`/api/v1/me/courses/${courseId}/enrol`).set(...bearer(shiftB)).expect(200);
      await t.http().post(`/api/v1/me/courses/${courseId}/quizzes/${literacyId}/attempts`).set(...bearer(shiftB)).send({ answers: [0, 1, 0, 1] }).expect(201); // 50
      await t.http().post(`/api/v1/me/courses/${courseId}/lessons/${lessonIds[0]}/complete`).set(...bearer(shiftB)).expect(200);

      const unpaired = await t.http().get(`/api/v1/education/courses/${courseId}/literacy`).set(...bearer(w.counsellorA)).expect(200);
      expect(unpaired.body).toEqual({ courseId, preCount: 2, postCount: 1, pairedN: 1, meanPre: 25, meanPost: 100, meanChange: 75 });

      await t.http().post(`/api/v1/me/courses/${courseId}/lessons/${lessonIds[1]}/complete`).set(...bearer(shiftB)).expect(200);
      await t.http().post(`/api/v1/me/courses/${courseId}/quizzes/${quizId}/attempts`).set(...bearer(shiftB)).send({ answers: [1, 0] }).expect(201);
      await t.http().post(`/api/v1/me/courses/${courseId}/quizzes/${literacyId}/attempts`).set(...bearer(shiftB)).send({ answers: [0, 1, 1, 1] }).expect(201); // 75
      const paired = await t.http().get(`/api/v1/education/courses/${courseId}/literacy`).set(...bearer(w.supervisor)).expect(200);
      expect(paired.body).toEqual({ courseId, preCount: 2, postCount: 2, pairedN: 2, meanPre: 37.5, meanPost: 87.5, meanChange: 50 });
      await t.http().get(`/api/v1/education/courses/${courseId}/literacy`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().get(`/api/v1/education/courses/${courseId}/literacy`).set(...bearer(w.official)).expect(403);

      const report = await t.http().get('/api/v1/education/reports/participation').query({ courseId }).set(...bearer(w.supervisor)).expect(200);
      expect(report.body.rows).toEqual([expect.objectContaining({ orgUnitId: w.enterpriseA, enrolled: 2, completed: 2, completionRate: 100 })]);
      const siblings = await t.http().get('/api/v1/education/reports/participation').set(...bearer(w.counsellorB)).expect(200);
      expect(siblings.body.rows.map((r: { orgUnitId: string }) => r.orgUnitId)).not.toContain(w.enterpriseA);
    });
  });

  describe('lectures and workshops', () => {
    async function event(capacity: number, allowWaitlist = true, hoursAhead = 48): Promise<string> {
      const response = await t
        .http()
        .post('/api/v1/education/events')
        .set(...bearer(w.counsellorA))
        .send({
          kind: 'lecture',
          title: '职场压力与情绪管理讲座',
          orgUnitId: w.enterpriseA,
          startsAt: await inHours(t, hoursAhead),
          endsAt: await inHours(t, hoursAhead + 2),
          place: '工会大礼堂',
          capacity,
          allowWaitlist,
        })
        .expect(201);
      return response.body.id;
    }
    const register = (worker: TestUser, id: string) => t.http().post(`/api/v1/me/events/${id}/register`).set(...bearer(worker));

    it('seats up to capacity, then waitlists; a cancellation promotes the longest-waiting worker, who is told', async () => {
      const id = await event(2);
      const workers = await Promise.all([1, 2, 3, 4].map(() => t.createWorkerUser(w.admin.token, w.enterpriseA)));
      const statuses = [];
      for (const worker of workers) statuses.push((await register(worker, id).expect(201)).body);
      expect(statuses.map((s) => [s.status, s.waitlistPlace])).toEqual([
        ['registered', null],
        ['registered', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]);
      const twice = await register(workers[0], id).expect(409);
      expect(twice.body.code).toBe('ALREADY_REGISTERED');

      await t.http().post(`/api/v1/me/events/${id}/cancel`).set(...bearer(workers[0])).expect(200);
      const mine = await t.http().get('/api/v1/me/events').set(...bearer(workers[2])).expect(200);
      expect(mine.body.find((e: { event: { id: string } }) => e.event.id === id).registration).toMatchObject({ status: 'registered' });
      expect(await notificationKinds(t, workers[2])).toContain('education.waitlist_promoted');
      const fourth = await t.http().get('/api/v1/me/events').set(...bearer(workers[3])).expect(200);
      expect(fourth.body.find((e: { event: { id: string } }) => e.event.id === id).registration).toMatchObject({ status: 'waitlisted', waitlistPlace: 1 });
      const staff = await t.http().get(`/api/v1/education/events/${id}`).set(...bearer(w.counsellorA)).expect(200);
      expect(staff.body).toMatchObject({ seated: 2, waitlisted: 1 });
    });

    it('refuses a full event without a waiting list with 409 EVENT_FULL, also when two register at once', async () => {
      const id = await event(1, false);
      const [a, b] = await Promise.all([t.createWorkerUser(w.admin.token, w.enterpriseA), t.createWorkerUser(w.admin.token, w.enterpriseA)]);
      const results = await Promise.all([register(a, id), register(b, id)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('EVENT_FULL');
    });

    it('checks attendees in from an hour before the start, then takes their feedback', async () => {
      const id = await event(5, true, 30);
      const [came, missed] = await Promise.all([t.createWorkerUser(w.admin.token, w.enterpriseA), t.createWorkerUser(w.admin.token, w.enterpriseA)]);
      await register(came, id).expect(201);
      await register(missed, id).expect(201);
      const roster = await t.http().get(`/api/v1/education/events/${id}/registrations`).set(...bearer(w.counsellorA)).expect(200);
      const registrationOf = (worker: TestUser) => roster.body.find((r: { workerId: string }) => r.workerId === worker.workerId).registrationId as string;
      const early = await t.http().post(`/api/v1/education/events/${id}/registrations/${registrationOf(came)}/check-in`).set(...bearer(w.counsellorA)).expect(409);
      expect(early.body.code).toBe('CHECK_IN_NOT_OPEN');
      await t.advanceClock(29.5 * HOUR);
      await t.http().post(`/api/v1/education/events/${id}/registrations/${registrationOf(came)}/check-in`).set(...bearer(w.counsellorA)).expect(200);
      const noShowFeedback = await t.http().post(`/api/v1/me/events/${id}/feedback`).set(...bearer(missed)).send({ rating: 1 }).expect(409);
      expect(noShowFeedback.body.code).toBe('FEEDBACK_REQUIRES_ATTENDANCE');
      await t.http().post(`/api/v1/me/events/${id}/feedback`).set(...bearer(came)).send({ rating: 4, comment: '很实用' }).expect(200);
      const twice = await t.http().post(`/api/v1/me/events/${id}/feedback`).set(...bearer(came)).send({ rating: 5 }).expect(409);
      expect(twice.body.code).toBe('FEEDBACK_ALREADY_GIVEN');
      const summary = await t.http().get(`/api/v1/education/events/${id}/feedback`).set(...bearer(w.counsellorA)).expect(200);
      expect(summary.body).toEqual({ eventId: id, count: 1, meanRating: 4, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 }, comments: ['很实用'] });
      expect(JSON.stringify(summary.body)).not.toContain(came.workerId!);
      const history = await t.http().get('/api/v1/me/learning').set(...bearer(came)).expect(200);
      expect(history.body.events).toEqual([expect.objectContaining({ eventId: id, status: 'attended', rating: 4 })]);
    });

    it('keeps events and rosters within scope: 404 for a sibling union, 403 for officials and workers', async () => {
      const id = await event(10);
      await t.http().get(`/api/v1/education/events/${id}`).set(...bearer(w.counsellorB)).expect(404);
      await t.http().get(`/api/v1/education/events/${id}/registrations`).set(...bearer(w.official)).expect(403);
      const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
      await t.http().get(`/api/v1/education/events/${id}/registrations`).set(...bearer(worker)).expect(403);
      const outsider = await t.createWorkerUser(w.admin.token, w.enterpriseB);
      await register(outsider, id).expect(404);
    });

    it('tells registered and waiting workers when an event is cancelled', async () => {
      const id = await event(1);
      const [seated, waiting] = await Promise.all([t.createWorkerUser(w.admin.token, w.enterpriseA), t.createWorkerUser(w.admin.token, w.enterpriseA)]);
      await register(seated, id).expect(201);
      await register(waiting, id).expect(201);
      await t.http().post(`/api/v1/education/events/${id}/cancel`).set(...bearer(w.counsellorA)).expect(200);
      expect(await notificationKinds(t, seated)).toContain('education.event_cancelled');
      expect(await notificationKinds(t, waiting)).toContain('education.event_cancelled');
      const closed = await register(await t.createWorkerUser(w.admin.token, w.enterpriseA), id).expect(409);
      expect(closed.body.code).toBe('EVENT_CANCELLED');
    });
  });
});
