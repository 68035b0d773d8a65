import { DAY } from '../../src/platform/clock/clock.js';
import { now } from '../support/population.js';
import { bearer, type TestApp, type TestUser } from '../support/test-app.js';

export interface QueueItem {
  id: string;
  workerId: string;
  workerName: string;
  level: string;
  state: string;
  dueAt: string;
  overdue: boolean;
  assigneeId: string | null;
  source: { type: string; id: string | null };
  escalationStep: number;
}

/** A shift for `user` on `unitId`'s roster from now for `days` days (created by a supervisor or admin). */
export async function onDuty(t: TestApp, manager: TestUser, unitId: string, user: TestUser, days = 30): Promise<string> {
  const from = await now(t);
  const response = await t
    .http()
    .post('/api/v1/duty-shifts')
    .set(...bearer(manager))
    .send({ orgUnitId: unitId, userId: user.id, startsAt: new Date(from.getTime() - 60_000).toISOString(), endsAt: new Date(from.getTime() + days * DAY).toISOString() })
    .expect(201);
  return (response.body as { id: string }).id;
}

export async function queueOf(t: TestApp, user: TestUser, query: Record<string, string | number> = {}): Promise<QueueItem[]> {
  const response = await t.http().get('/api/v1/crisis-cases').query({ pageSize: 100, ...query }).set(...bearer(user)).expect(200);
  return (response.body as { items: QueueItem[] }).items;
}

/** Sets the app's manual clock (it restarts at CLOCK_START after a restart). */
export async function setClock(t: TestApp, at: Date): Promise<void> {
  await t.http().post('/api/v1/test/clock').send({ set: at.toISOString() }).expect(200);
}

export async function casesForSource(t: TestApp, sourceId: string): Promise<Array<{ id: string; state: string; level: string }>> {
  return t.sql('SELECT id, state, level FROM crisis_cases WHERE source_id = $1', [sourceId]);
}

export async function historyOf(t: TestApp, subjectId: string): Promise<Array<{ action: string; from_value: string | null; to_value: string | null; actor_id: string | null; actor_label: string | null }>> {
  return t.sql('SELECT action, from_value, to_value, actor_id, actor_label FROM individual_history WHERE subject_id = $1 ORDER BY id', [subjectId]);
}

export function openCase(t: TestApp, counsellor: TestUser, workerId: string, level = 'urgent', reason = '来电称情绪崩溃，需要尽快联系') {
  return t.http().post('/api/v1/crisis-cases').set(...bearer(counsellor)).send({ workerId, level, reason });
}

export function transition(t: TestApp, user: TestUser, caseId: string, to: string, reason?: string) {
  return t.http().post(`/api/v1/crisis-cases/${caseId}/transition`).set(...bearer(user)).send({ to, ...(reason ? { reason } : {}) });
}
