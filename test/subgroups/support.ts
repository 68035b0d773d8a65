import { bearer, type TestApp, type TestUser } from '../support/test-app.js';

export type World = Awaited<ReturnType<TestApp['world']>>;

export interface ProgrammeInput {
  subgroup?: string;
  orgUnitId?: string;
  title?: string;
  eligibility?: Record<string, unknown>;
  sensitive?: boolean;
  autoEnrol?: boolean;
  outcomeInstruments?: string[];
}

/** A draft programme; answers its id. */
export async function createProgramme(t: TestApp, staff: TestUser, input: ProgrammeInput = {}): Promise<string> {
  const response = await t
    .http()
    .post('/api/v1/programmes')
    .set(...bearer(staff))
    .send({ subgroup: 'special_posts', title: '倒班职工心理关爱计划', eligibility: {}, ...input })
    .expect(201);
  return (response.body as { id: string }).id;
}

export async function activate(t: TestApp, staff: TestUser, programmeId: string): Promise<void> {
  await t.http().post(`/api/v1/programmes/${programmeId}/status`).set(...bearer(staff)).send({ status: 'active' }).expect(200);
}

export async function preview(t: TestApp, staff: TestUser, programmeId: string): Promise<{ eligible: number; alreadyEnrolled: number; toEnrol: number }> {
  return (await t.http().post(`/api/v1/programmes/${programmeId}/eligibility/preview`).set(...bearer(staff)).expect(200)).body;
}

export async function enrol(t: TestApp, staff: TestUser, programmeId: string): Promise<number> {
  return (await t.http().post(`/api/v1/programmes/${programmeId}/enrolments`).set(...bearer(staff)).send({}).expect(201)).body.enrolled as number;
}

export async function members(t: TestApp, staff: TestUser, programmeId: string, query = ''): Promise<Array<{ workerId: string; status: string; source: string; invitationSentAt: string | null }>> {
  return (await t.http().get(`/api/v1/programmes/${programmeId}/enrolments${query}`).set(...bearer(staff)).expect(200)).body.items;
}

export async function inbox(t: TestApp, user: TestUser, kind?: string): Promise<Array<{ kind: string; title: string; body: string; link: string | null }>> {
  const items = (await t.http().get('/api/v1/me/notifications').set(...bearer(user)).expect(200)).body.items as Array<{ kind: string; title: string; body: string; link: string | null }>;
  return kind ? items.filter((n) => n.kind === kind) : items;
}

/** Drains the job queue until nothing is left (event deliveries can queue follow-up jobs). */
export async function drain(t: TestApp): Promise<void> {
  for (let i = 0; i < 20 && (await t.runJobs()) > 0; i++);
}
