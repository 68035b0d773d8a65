import { bearer, type TestApp, type TestUser } from '../support/test-app.js';

export type World = Awaited<ReturnType<TestApp['world']>>;

export interface RequestView {
  id: string;
  reference: string;
  status: string;
  handlingUnitId: string;
  subjectUnitId: string;
  workerId: string | null;
  crisis: boolean;
  crisisCaseId: string | null;
  urgency: string;
  answerDueAt: string | null;
  replyDueAt: string | null;
  nextDueAt: string | null;
  supervisionLevel: number;
  supervisingUnitId: string | null;
  trail: Array<{ seq: number; kind: string; text: string | null; toWorker: boolean; fromUnitId: string | null; toUnitId: string | null; detail: Record<string, unknown> | null }>;
  forwards: Array<{ status: string; returnReason: string | null; toUnitId: string; fromUnitId: string }>;
}

/** A worker's online request; answers the worker's view. */
export async function askOnline(t: TestApp, worker: TestUser, body: Record<string, unknown> = {}) {
  const response = await t
    .http()
    .post('/api/v1/me/requests')
    .set(...bearer(worker))
    .send({ category: 'psychological_distress', summary: '最近工作压力很大，睡不好', ...body })
    .expect(201);
  return response.body as { id: string; reference: string; status: string; urgency: string; updates: Array<{ kind: string; text: string | null }> };
}

/** A 12351 call logged by desk staff; answers the staff view. */
export async function logCall(t: TestApp, staff: TestUser, body: Record<string, unknown> = {}): Promise<RequestView> {
  const response = await t
    .http()
    .post('/api/v1/desk/requests')
    .set(...bearer(staff))
    .send({ channel: 'hotline_12351', category: 'rights_overtime', urgency: 'normal', summary: '下班后经常收到工作群消息，要求立即回复', ...body })
    .expect(201);
  return response.body as RequestView;
}

export async function view(t: TestApp, staff: TestUser, id: string, status = 200): Promise<RequestView> {
  return (await t.http().get(`/api/v1/desk/requests/${id}`).set(...bearer(staff)).expect(status)).body as RequestView;
}

export async function act(t: TestApp, staff: TestUser, id: string, action: string, body: Record<string, unknown> = {}, status = 200) {
  return (await t.http().post(`/api/v1/desk/requests/${id}/${action}`).set(...bearer(staff)).send(body).expect(status)).body as RequestView & { code?: string };
}
