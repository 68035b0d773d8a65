import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { activate, createProgramme, enrol, inbox, members, preview, type World } from './support.js';

describe('care programmes (线): subgroups, eligibility, enrolment, invitations', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
  });
  afterAll(() => t.close());

  /** A unit of its own under enterprise A, so counts in a test see only that test's workers. */
  const unit = () => t.createUnit(w.admin.token, w.enterpriseA);

  /** An active programme of its own with `count` shift workers (each with an account) enrolled and invited. */
  const enrolledProgramme = async (title: string, count: number) => {
    const unitId = await unit();
    const workers: TestUser[] = [];
    for (let i = 0; i < count; i++) workers.push(await t.createWorkerUser(w.admin.token, unitId, { specialPost: 'shift' }));
    const programme = await createProgramme(t, w.counsellorA, { orgUnitId: unitId, title, eligibility: { specialPost: ['shift'] } });
    await activate(t, w.counsellorA, programme);
    expect(await enrol(t, w.counsellorA, programme)).toBe(count);
    return { programme, workers };
  };

  it('lists the four subgroups as data, for staff and officials, not for workers', async () => {
    const response = await t
      .http()
      .get('/api/v1/subgroups')
      .set(...bearer(w.official))
      .expect(200);
    expect(response.body.map((s: { code: string }) => s.code)).toEqual([
      'leader_cadres',
      'women',
      'career_change',
      'special_posts',
    ]);
    expect(response.body[1]).toMatchObject({
      name: { zh: '妇女' },
      task: { zh: '妇女心理健康维护' },
      sensitive: true,
    });
    expect(response.body[2].task.zh).toBe('职业生涯变动心理健康维护');
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await t
      .http()
      .get('/api/v1/subgroups')
      .set(...bearer(worker))
      .expect(403);
  });

  describe('rules', () => {
    it.each([
      [{ salary: ['high'] }, 'RULE_UNKNOWN_FACT'],
      [{ gender: [] }, 'RULE_EMPTY_LIST'],
      [{ gender: ['woman'] }, 'RULE_INVALID_VALUE'],
      [{ lifeEvents: 'pregnancy' }, 'RULE_NOT_A_LIST'],
      [{ birthYearFrom: 1990, birthYearTo: 1980 }, 'RULE_BIRTH_YEARS_REVERSED'],
    ])('refuses the rule %j with 400 %s (create and preview alike)', async (eligibility, code) => {
      const created = await t
        .http()
        .post('/api/v1/programmes')
        .set(...bearer(w.counsellorA))
        .send({ subgroup: 'women', title: 'x', eligibility })
        .expect(400);
      expect(created.body.code).toBe(code);
      const previewed = await t
        .http()
        .post('/api/v1/programmes/eligibility/preview')
        .set(...bearer(w.counsellorA))
        .send({ eligibility })
        .expect(400);
      expect(previewed.body.code).toBe(code);
    });

    it('refuses an unknown subgroup, a unit out of scope and an outcome without a total', async () => {
      const subgroup = await t
        .http()
        .post('/api/v1/programmes')
        .set(...bearer(w.counsellorA))
        .send({ subgroup: 'miners', title: 'x', eligibility: {} })
        .expect(400);
      expect(subgroup.body.code).toBe('UNKNOWN_SUBGROUP');
      await t
        .http()
        .post('/api/v1/programmes')
        .set(...bearer(w.counsellorA))
        .send({ subgroup: 'women', title: 'x', eligibility: {}, orgUnitId: w.enterpriseB })
        .expect(404);
      const cbi = await t
        .http()
        .post('/api/v1/programmes')
        .set(...bearer(w.counsellorA))
        .send({ subgroup: 'special_posts', title: 'x', eligibility: {}, outcomeInstruments: ['CBI'] })
        .expect(400);
      expect(cbi.body.code).toBe('OUTCOME_INSTRUMENT_NO_TOTAL');
    });

    it('takes sensitivity from the subgroup, and insists on it for a rule over life events or redundancy', async () => {
      const women = await createProgramme(t, w.counsellorA, {
        subgroup: 'women',
        eligibility: { gender: ['female'] },
      });
      const cadres = await createProgramme(t, w.counsellorA, {
        subgroup: 'leader_cadres',
        eligibility: { cadreLevel: ['division'] },
      });
      expect(
        (
          await t
            .http()
            .get(`/api/v1/programmes/${women}`)
            .set(...bearer(w.counsellorA))
            .expect(200)
        ).body.sensitive,
      ).toBe(true);
      expect(
        (
          await t
            .http()
            .get(`/api/v1/programmes/${cadres}`)
            .set(...bearer(w.counsellorA))
            .expect(200)
        ).body.sensitive,
      ).toBe(false);
      const refused = await t
        .http()
        .post('/api/v1/programmes')
        .set(...bearer(w.counsellorA))
        .send({
          subgroup: 'career_change',
          title: '转岗关爱',
          eligibility: { employmentStatus: ['redundancy'] },
          sensitive: false,
        })
        .expect(400);
      expect(refused.body.code).toBe('PROGRAMME_MUST_BE_SENSITIVE');
      // Changing the rule of a non-sensitive programme to read life events makes it sensitive.
      const updated = await t
        .http()
        .patch(`/api/v1/programmes/${cadres}`)
        .set(...bearer(w.counsellorA))
        .send({ eligibility: { lifeEvents: ['bereavement'] } })
        .expect(200);
      expect(updated.body.sensitive).toBe(true);
    });
  });

  describe('eligibility at its edges (one set-based count)', () => {
    let unitId: string;
    let below: string;

    beforeAll(async () => {
      unitId = await unit();
      below = await t.createUnit(w.admin.token, unitId);
      const workers: Array<[string, Record<string, unknown>]> = [
        [unitId, { gender: 'female', birthYear: 1980, lifeEvents: ['pregnancy'], specialPost: 'shift' }],
        [unitId, { gender: 'female', birthYear: 1990, lifeEvents: ['returned_from_maternity', 'caregiver'] }],
        [below, { gender: 'female', birthYear: 1991, lifeEvents: ['maternity_leave'], specialPost: 'shift' }],
        [
          below,
          {
            gender: 'male',
            birthYear: 1979,
            cadreLevel: 'division',
            employmentStatus: 'redundancy',
            specialPost: 'hazardous',
          },
        ],
        [unitId, { gender: 'female', lifeEvents: ['pregnancy'] }],
      ];
      for (const [orgUnitId, facts] of workers) await t.createWorker(w.admin.token, orgUnitId, facts);
      // A worker of another unit matches every fact but is outside the subtree.
      await t.createWorker(w.admin.token, w.enterpriseA, {
        gender: 'female',
        birthYear: 1985,
        lifeEvents: ['pregnancy'],
      });
    });

    const count = async (eligibility: Record<string, unknown>, orgUnitId = unitId) =>
      (
        await t
          .http()
          .post('/api/v1/programmes/eligibility/preview')
          .set(...bearer(w.counsellorA))
          .send({ orgUnitId, eligibility })
          .expect(200)
      ).body.eligible as number;

    it('counts the whole subtree for an empty rule, and only the subtree', async () => {
      expect(await count({})).toBe(5);
      expect(await count({}, below)).toBe(2);
    });

    it('reads life events as any-of (JSON on both dialects)', async () => {
      expect(await count({ lifeEvents: ['pregnancy'] })).toBe(2);
      expect(await count({ lifeEvents: ['pregnancy', 'returned_from_maternity'] })).toBe(3);
      expect(await count({ lifeEvents: ['maternity_leave'] })).toBe(1);
      expect(await count({ lifeEvents: ['bereavement'] })).toBe(0);
    });

    it('combines facts with AND', async () => {
      expect(await count({ gender: ['female'], specialPost: ['shift'] })).toBe(2);
      expect(await count({ gender: ['female'], specialPost: ['shift'], lifeEvents: ['pregnancy'] })).toBe(1);
      expect(await count({ cadreLevel: ['division', 'bureau'], employmentStatus: ['redundancy'] })).toBe(1);
    });

    it('treats birth years as inclusive and an unknown birth year as no match', async () => {
      expect(await count({ birthYearFrom: 1980 })).toBe(3);
      expect(await count({ birthYearFrom: 1981 })).toBe(2);
      expect(await count({ birthYearTo: 1980 })).toBe(2);
      expect(await count({ birthYearTo: 1979 })).toBe(1);
      expect(await count({ birthYearFrom: 1990, birthYearTo: 1990 })).toBe(1);
      expect(await count({ birthYearFrom: 1980, birthYearTo: 1991, gender: ['female'] })).toBe(3);
    });

    it('gives 404 for a unit outside the caller’s scope', async () => {
      await t
        .http()
        .post('/api/v1/programmes/eligibility/preview')
        .set(...bearer(w.counsellorB))
        .send({ orgUnitId: unitId, eligibility: {} })
        .expect(404);
    });
  });

  describe('preview, enrolment and invitations', () => {
    let unitId: string;
    let programmeId: string;
    let withAccount: TestUser[];

    beforeAll(async () => {
      unitId = await unit();
      withAccount = [];
      for (let i = 0; i < 3; i++)
        withAccount.push(await t.createWorkerUser(w.admin.token, unitId, { specialPost: 'shift' }));
      await t.createWorker(w.admin.token, unitId, { specialPost: 'shift' });
      await t.createWorker(w.admin.token, unitId, { specialPost: 'none' });
      programmeId = await createProgramme(t, w.counsellorA, {
        orgUnitId: unitId,
        title: '倒班职工睡眠与情绪关爱',
        eligibility: { specialPost: ['shift'] },
      });
    });

    it('previews a count before enrolment, and refuses to enrol while a draft', async () => {
      expect(await preview(t, w.counsellorA, programmeId)).toEqual({
        eligible: 4,
        alreadyEnrolled: 0,
        toEnrol: 4,
      });
      const draft = await t
        .http()
        .post(`/api/v1/programmes/${programmeId}/enrolments`)
        .set(...bearer(w.counsellorA))
        .send({})
        .expect(409);
      expect(draft.body.code).toBe('PROGRAMME_NOT_ACTIVE');
    });

    it('refuses to enrol when the previewed count no longer holds', async () => {
      await activate(t, w.counsellorA, programmeId);
      const changed = await t
        .http()
        .post(`/api/v1/programmes/${programmeId}/enrolments`)
        .set(...bearer(w.counsellorA))
        .send({ expected: 3 })
        .expect(409);
      expect(changed.body).toMatchObject({ code: 'ELIGIBLE_COUNT_CHANGED', expected: 3, actual: 4 });
      expect(await preview(t, w.counsellorA, programmeId)).toMatchObject({ alreadyEnrolled: 0 });
    });

    it('enrols every eligible worker once, and a second enrolment adds nobody', async () => {
      const first = await t
        .http()
        .post(`/api/v1/programmes/${programmeId}/enrolments`)
        .set(...bearer(w.counsellorA))
        .send({ expected: 4 })
        .expect(201);
      expect(first.body).toEqual({ enrolled: 4, invitationsQueued: true });
      expect(await enrol(t, w.counsellorA, programmeId)).toBe(0);
      expect(await preview(t, w.counsellorA, programmeId)).toEqual({
        eligible: 4,
        alreadyEnrolled: 4,
        toEnrol: 0,
      });
      const listed = await members(t, w.counsellorA, programmeId);
      expect(listed).toHaveLength(4);
      expect(
        listed.every((m) => m.status === 'invited' && m.source === 'bulk' && m.invitationSentAt === null),
      ).toBe(true);
    });

    it('invites workers with an account through the job queue, once', async () => {
      expect(await inbox(t, withAccount[0], 'programme_invitation')).toHaveLength(0);
      await t.runJobs();
      for (const worker of withAccount) {
        const [invitation, ...more] = await inbox(t, worker, 'programme_invitation');
        expect(more).toHaveLength(0);
        expect(invitation.title).toContain('倒班职工睡眠与情绪关爱');
        expect(invitation.link).toBe(`/me/programmes/${programmeId}`);
      }
      const listed = await members(t, w.counsellorA, programmeId);
      expect(listed.filter((m) => m.invitationSentAt !== null)).toHaveLength(3);
      await t.runJobs();
      expect(await inbox(t, withAccount[0], 'programme_invitation')).toHaveLength(1);
    });

    it('lets a worker accept or decline; declining is final; other programmes are 404', async () => {
      const [accepting, declining] = withAccount;
      const mine = await t
        .http()
        .get('/api/v1/me/programmes')
        .set(...bearer(accepting))
        .expect(200);
      expect(mine.body).toHaveLength(1);
      expect(mine.body[0]).toMatchObject({ programmeId, status: 'invited', activities: [] });
      await t
        .http()
        .post(`/api/v1/me/programmes/${programmeId}/accept`)
        .set(...bearer(accepting))
        .expect(200);
      const declined = await t
        .http()
        .post(`/api/v1/me/programmes/${programmeId}/decline`)
        .set(...bearer(declining))
        .expect(200);
      expect(declined.body.status).toBe('declined');
      const again = await t
        .http()
        .post(`/api/v1/me/programmes/${programmeId}/accept`)
        .set(...bearer(declining))
        .expect(409);
      expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'declined', to: 'accepted' });
      const stranger = await t.createWorkerUser(w.admin.token, unitId, { specialPost: 'none' });
      await t
        .http()
        .post(`/api/v1/me/programmes/${programmeId}/accept`)
        .set(...bearer(stranger))
        .expect(404);
      // A declined worker is not enrolled again by a later bulk enrolment.
      expect(await enrol(t, w.counsellorA, programmeId)).toBe(0);
      const statuses = (await members(t, w.counsellorA, programmeId)).map((m) => m.status).sort();
      expect(statuses).toEqual(['accepted', 'declined', 'invited', 'invited']);
      // Staff cannot accept on a worker's behalf (no such permission), and workers cannot list members.
      await t
        .http()
        .post(`/api/v1/me/programmes/${programmeId}/accept`)
        .set(...bearer(w.counsellorA))
        .expect(403);
      await t
        .http()
        .get(`/api/v1/programmes/${programmeId}/enrolments`)
        .set(...bearer(accepting))
        .expect(403);
    });

    it('lets staff withdraw an enrolment, not twice', async () => {
      const { programme, workers } = await enrolledProgramme('倒班职工退出', 1);
      const withdrawn = await t
        .http()
        .post(`/api/v1/programmes/${programme}/enrolments/${workers[0].workerId}/withdraw`)
        .set(...bearer(w.counsellorA))
        .expect(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      const twice = await t
        .http()
        .post(`/api/v1/programmes/${programme}/enrolments/${workers[0].workerId}/withdraw`)
        .set(...bearer(w.counsellorA))
        .expect(409);
      expect(twice.body.code).toBe('ILLEGAL_TRANSITION');
    });

    it('hides the programme from staff outside its subtree (404) and audits member lists', async () => {
      await t
        .http()
        .get(`/api/v1/programmes/${programmeId}`)
        .set(...bearer(w.counsellorB))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/programmes/${programmeId}/enrolments`)
        .set(...bearer(w.counsellorB))
        .expect(404);
      await t
        .http()
        .post(`/api/v1/programmes/${programmeId}/eligibility/preview`)
        .set(...bearer(w.counsellorB))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/programmes/${programmeId}`)
        .set(...bearer(w.supervisor))
        .expect(200);
      const audited = await t.sql<{ n: number }>(
        "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'programme.members_read' AND resource_id = $1",
        [programmeId],
      );
      expect(Number(audited[0].n)).toBeGreaterThanOrEqual(3);
    });

    it('closes: accepted become completed, unanswered invitations withdrawn; a closed programme cannot reopen', async () => {
      const { programme: programmeId, workers } = await enrolledProgramme('倒班职工结项', 4);
      const [accepting, declining, withdrawing] = workers;
      await t.http().post(`/api/v1/me/programmes/${programmeId}/accept`).set(...bearer(accepting)).expect(200);
      await t.http().post(`/api/v1/me/programmes/${programmeId}/decline`).set(...bearer(declining)).expect(200);
      await t.http().post(`/api/v1/programmes/${programmeId}/enrolments/${withdrawing.workerId}/withdraw`).set(...bearer(w.counsellorA)).expect(200);
      const closed = await t
        .http()
        .post(`/api/v1/programmes/${programmeId}/status`)
        .set(...bearer(w.counsellorA))
        .send({ status: 'closed' })
        .expect(200);
      expect(closed.body.status).toBe('closed');
      const statuses = (await members(t, w.counsellorA, programmeId)).map((m) => m.status).sort();
      expect(statuses).toEqual(['completed', 'declined', 'withdrawn', 'withdrawn']);
      const reopen = await t
        .http()
        .post(`/api/v1/programmes/${programmeId}/status`)
        .set(...bearer(w.counsellorA))
        .send({ status: 'active' })
        .expect(409);
      expect(reopen.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'closed', allowed: [] });
      const edit = await t
        .http()
        .patch(`/api/v1/programmes/${programmeId}`)
        .set(...bearer(w.counsellorA))
        .send({ title: '新名称' })
        .expect(409);
      expect(edit.body.code).toBe('PROGRAMME_CLOSED');
    });
  });

  it('lets staff record the answer of a worker without an account, by the same rules, audited with how it was given', async () => {
    const unitId = await unit();
    const withoutAccount = await t.createWorker(w.admin.token, unitId, { specialPost: 'shift' });
    const decliner = await t.createWorkerUser(w.admin.token, unitId, { specialPost: 'shift' });
    const programmeId = await createProgramme(t, w.counsellorA, {
      orgUnitId: unitId,
      title: '倒班职工纸质回执',
      eligibility: { specialPost: ['shift'] },
    });
    await activate(t, w.counsellorA, programmeId);
    expect(await enrol(t, w.counsellorA, programmeId)).toBe(2);
    await t
      .http()
      .post(`/api/v1/me/programmes/${programmeId}/decline`)
      .set(...bearer(decliner))
      .expect(200);
    const answer = (user: TestUser, workerId: string, body: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/v1/programmes/${programmeId}/enrolments/${workerId}/answer`)
        .set(...bearer(user))
        .send(body);
    await answer(w.counsellorA, withoutAccount, { answer: 'accepted' }).expect(400);
    await answer(w.counsellorA, withoutAccount, { answer: 'maybe', channel: 'paper' }).expect(400);
    await answer(w.counsellorB, withoutAccount, { answer: 'accepted', channel: 'paper' }).expect(404);
    await answer(w.official, withoutAccount, { answer: 'accepted', channel: 'paper' }).expect(403);
    await answer(decliner, withoutAccount, { answer: 'accepted', channel: 'paper' }).expect(403);
    const accepted = await answer(w.counsellorA, withoutAccount, {
      answer: 'accepted',
      channel: 'paper',
    }).expect(200);
    expect(accepted.body.status).toBe('accepted');
    const listed = await members(t, w.counsellorA, programmeId);
    expect(listed.find((m) => m.workerId === withoutAccount)?.status).toBe('accepted');
    // The declined worker's answer is final, whoever records it.
    const declined = await answer(w.counsellorA, decliner.workerId!, {
      answer: 'accepted',
      channel: 'in_person',
    }).expect(409);
    expect(declined.body.code).toBe('ILLEGAL_TRANSITION');
    const [audit] = await t.sql<{ detail: string | Record<string, unknown> }>(
      "SELECT detail FROM audit_events WHERE action = 'programme.accept' AND worker_id = $1",
      [withoutAccount],
    );
    const detail =
      typeof audit.detail === 'string' ? (JSON.parse(audit.detail) as Record<string, unknown>) : audit.detail;
    expect(detail).toMatchObject({ recordedFor: withoutAccount, channel: 'paper' });
  });

  describe('automatic enrolment on a profile change', () => {
    let unitId: string;
    let programmeId: string;
    let manual: string;

    beforeAll(async () => {
      unitId = await unit();
      programmeId = await createProgramme(t, w.counsellorA, {
        subgroup: 'career_change',
        orgUnitId: unitId,
        title: '职业转换期心理支持',
        eligibility: { employmentStatus: ['redundancy', 'transferring'] },
        autoEnrol: true,
      });
      manual = await createProgramme(t, w.counsellorA, {
        subgroup: 'career_change',
        orgUnitId: unitId,
        eligibility: { employmentStatus: ['redundancy'] },
      });
      await activate(t, w.counsellorA, programmeId);
      await activate(t, w.counsellorA, manual);
      await t.runJobs();
    });

    it('enrols a worker who enters redundancy, after the event is delivered, and invites them (generic text: sensitive)', async () => {
      const worker = await t.createWorkerUser(w.admin.token, unitId, { employmentStatus: 'employed' });
      await t.runJobs();
      expect(await members(t, w.counsellorA, programmeId)).toHaveLength(0);
      await t
        .http()
        .patch(`/api/v1/workers/${worker.workerId}`)
        .set(...bearer(w.counsellorA))
        .send({ employmentStatus: 'redundancy' })
        .expect(200);
      expect(await members(t, w.counsellorA, programmeId)).toHaveLength(0);
      await t.runJobs();
      const [enrolled, ...rest] = await members(t, w.counsellorA, programmeId);
      expect(rest).toHaveLength(0);
      expect(enrolled).toMatchObject({ workerId: worker.workerId, status: 'invited', source: 'auto' });
      expect(enrolled.invitationSentAt).not.toBeNull();
      const [invitation] = await inbox(t, worker, 'programme_invitation');
      expect(invitation.title).not.toContain('职业转换期');
      expect(invitation.body).not.toMatch(/裁员|redundan/i);
      // Only the auto-enrol programme: the other one waits for staff.
      expect(await members(t, w.counsellorA, manual)).toHaveLength(0);

      // Idempotent: further changes, a redelivered event, never a second enrolment or invitation.
      await t
        .http()
        .patch(`/api/v1/workers/${worker.workerId}`)
        .set(...bearer(w.counsellorA))
        .send({ employmentStatus: 'transferring' })
        .expect(200);
      await t.runJobs();
      expect(await members(t, w.counsellorA, programmeId)).toHaveLength(1);
      expect(await inbox(t, worker, 'programme_invitation')).toHaveLength(1);
    });

    it('enrols a worker created already matching, never one outside the subtree or not matching', async () => {
      const created = await t.createWorker(w.admin.token, unitId, { employmentStatus: 'transferring' });
      await t.createWorker(w.admin.token, w.enterpriseA, { employmentStatus: 'redundancy' });
      await t.createWorker(w.admin.token, unitId, { employmentStatus: 'retiring' });
      await t.runJobs();
      const ids = (await members(t, w.counsellorA, programmeId)).map((m) => m.workerId);
      expect(ids).toContain(created);
      expect(ids).toHaveLength(2);
    });

    it('does not invite a declined worker again when their profile changes', async () => {
      const worker = await t.createWorkerUser(w.admin.token, unitId, { employmentStatus: 'redundancy' });
      await t.runJobs();
      await t
        .http()
        .post(`/api/v1/me/programmes/${programmeId}/decline`)
        .set(...bearer(worker))
        .expect(200);
      await t
        .http()
        .patch(`/api/v1/workers/${worker.workerId}`)
        .set(...bearer(w.counsellorA))
        .send({ employmentStatus: 'transferring' })
        .expect(200);
      await t.runJobs();
      const mine = (await members(t, w.counsellorA, programmeId)).filter(
        (m) => m.workerId === worker.workerId,
      );
      expect(mine.map((m) => m.status)).toEqual(['declined']);
      expect(await inbox(t, worker, 'programme_invitation')).toHaveLength(1);
    });

    it('enrols nobody automatically while the programme is not active', async () => {
      const draft = await createProgramme(t, w.counsellorA, {
        subgroup: 'career_change',
        orgUnitId: unitId,
        eligibility: { employmentStatus: ['retiring'] },
        autoEnrol: true,
      });
      await t.createWorker(w.admin.token, unitId, { employmentStatus: 'retiring' });
      await t.runJobs();
      expect(await members(t, w.counsellorA, draft)).toHaveLength(0);
      expect(await preview(t, w.counsellorA, draft)).toMatchObject({ eligible: 2, toEnrol: 2 });
    });
  });
});
