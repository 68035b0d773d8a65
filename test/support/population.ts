import { HOUR } from '../../src/platform/clock/clock.js';
import { bearer, type TestApp, type TestUser } from './test-app.js';

/** The app's current (manual) clock. */
export async function now(t: TestApp): Promise<Date> {
  return t.advanceClock(0);
}

/** An ISO time `hours` after the app's current clock. */
export async function inHours(t: TestApp, hours: number): Promise<string> {
  return new Date((await now(t)).getTime() + hours * HOUR).toISOString();
}

export async function grantConsent(t: TestApp, worker: TestUser, purpose = 'counselling'): Promise<void> {
  await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose, granted: true }).expect(201);
}

export async function withdrawConsent(t: TestApp, worker: TestUser, purpose = 'counselling'): Promise<void> {
  await t.http().post('/api/v1/me/consents').set(...bearer(worker)).send({ purpose, granted: false }).expect(201);
}

/** Publishes an hour-long slot starting `hoursAhead` from now; answers its id. */
export async function publishSlot(t: TestApp, counsellor: TestUser, hoursAhead: number, place = '职工服务中心 302 室'): Promise<string> {
  const startsAt = await inHours(t, hoursAhead);
  const endsAt = await inHours(t, hoursAhead + 1);
  const response = await t
    .http()
    .post('/api/v1/counselling/slots')
    .set(...bearer(counsellor))
    .send({ startsAt, endsAt, mode: 'in_person', place })
    .expect(201);
  return (response.body as { id: string }).id;
}

export async function notificationKinds(t: TestApp, user: TestUser): Promise<string[]> {
  const response = await t.http().get('/api/v1/me/notifications').set(...bearer(user)).expect(200);
  return (response.body as { items: Array<{ kind: string }> }).items.map((item) => item.kind);
}

/** A jobs.payload value: JSON text on SQLite, already parsed (jsonb) on PostgreSQL. */
export function payloadOf(value: unknown): Record<string, unknown> {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}
