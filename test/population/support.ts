import { bearer, type TestApp, type TestUser } from '../support/test-app.js';

/** PHQ-9 answer sets: quiet, moderate (12), a crisis through item 9 alone (total 1), and severe (21, item 9 = 0). */
export const PHQ9 = {
  minimal: [0, 0, 0, 0, 0, 0, 0, 0, 0],
  moderate: [2, 2, 2, 2, 1, 1, 1, 1, 0],
  item9Only: [0, 0, 0, 0, 0, 0, 0, 0, 1],
  severe: [3, 3, 3, 3, 3, 3, 2, 1, 0],
};

/** The worker grants consent to assessment themselves. */
export async function consent(t: TestApp, worker: TestUser): Promise<void> {
  await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose: 'assessment', granted: true }).expect(201);
}

/** A counsellor records consent the worker gave on paper. */
export async function consentOnPaper(t: TestApp, staff: TestUser, workerId: string): Promise<void> {
  await t.http().post(`/api/v1/workers/${workerId}/consents`).set(...bearer(staff)).send({ purpose: 'assessment', granted: true, onPaper: true }).expect(201);
}

export function submitOwn(t: TestApp, worker: TestUser, instrumentCode: string, answers: unknown[], extra: Record<string, unknown> = {}) {
  return t.http().post('/api/v1/me/assessments').set(...bearer(worker)).send({ instrumentCode, answers, ...extra });
}

export async function notificationsOf(t: TestApp, user: TestUser, kind?: string) {
  const response = await t.http().get('/api/v1/me/notifications').set(...bearer(user)).expect(200);
  const items = response.body.items as Array<{ kind: string; title: string; body: string; link: string | null }>;
  return kind ? items.filter((n) => n.kind === kind) : items;
}
