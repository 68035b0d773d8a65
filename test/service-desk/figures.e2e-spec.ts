import { bearer, TestApp, type TestUser } from '../support/test-app.js';
import { logCall, type World } from './support.js';

interface Cell {
  value: number | null;
  suppressed: boolean;
  exact?: boolean;
  reason?: string | null;
}
interface Row {
  unitId: string;
  scope: string;
  requests: Cell;
  answered: Cell;
  resolved: Cell;
  medianAnswerMinutes: number | null;
  meanSatisfaction: number | null;
}
interface Figures {
  minCell: number | null;
  disclosure: { method: string; minCellSize: number; maxError: number } | null;
  rows: Row[];
  total: Row;
}

describe('service desk: figures by unit and period, small cells suppressed for officials', () => {
  let t: TestApp;
  let w: World;
  let enterpriseC: string;
  let counsellorC: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    enterpriseC = await t.createUnit(w.admin.token, w.city);
    counsellorC = await t.createUser(w.admin.token, 'counsellor', enterpriseC);
    // Enterprise A: 12 calls; B: 3; C: 15 (anonymous calls count for the unit that took them). A's are resolved and rated.
    for (let i = 0; i < 12; i++) {
      const call = await logCall(t, w.counsellorA, { initialReply: '已答复' });
      await t.http().post(`/api/v1/desk/requests/${call.id}/close`).set(...bearer(w.counsellorA)).send({ resolution: '已解决', satisfaction: 4 + (i % 2) }).expect(200);
    }
    for (let i = 0; i < 3; i++) await logCall(t, w.counsellorB);
    for (let i = 0; i < 15; i++) await logCall(t, counsellorC);
  });
  afterAll(() => t.close());

  const figures = async (user: TestUser, status = 200) =>
    (await t.http().get('/api/v1/desk/figures').query({ unitId: w.city, from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }).set(...bearer(user)).expect(status)).body as Figures;
  const rowOf = (f: Figures, unitId: string, scope = 'subtree') => f.rows.find((r) => r.unitId === unitId && r.scope === scope)!;

  it('gives desk supervisors the full figures', async () => {
    const f = await figures(w.supervisor);
    expect(f.minCell).toBeNull();
    expect(rowOf(f, w.enterpriseA).requests.value).toBe(12);
    expect(rowOf(f, w.enterpriseB).requests.value).toBe(3);
    expect(rowOf(f, enterpriseC).requests.value).toBe(15);
    expect(rowOf(f, w.city, 'unit_itself').requests.value).toBe(0);
    expect(f.total.requests.value).toBe(30);
    expect(rowOf(f, w.enterpriseA)).toMatchObject({ resolved: { value: 12 }, medianAnswerMinutes: 0, meanSatisfaction: 4.5 });
  });

  it('perturbs every figure officials read, withholds cells under k saying why, and answers the same question the same way', async () => {
    const f = await figures(w.official);
    expect(f.minCell).toBe(10);
    expect(f.disclosure).toMatchObject({ method: 'cell_key_perturbation', minCellSize: 10, maxError: 20 });
    // B (3) and the city itself (0) are small: withheld with the reason; no complement is needed beside them.
    expect(rowOf(f, w.enterpriseB).requests).toEqual({ value: null, suppressed: true, exact: false, reason: 'fewer_than_k' });
    expect(rowOf(f, w.city, 'unit_itself').requests).toEqual({ value: null, suppressed: true, exact: false, reason: 'fewer_than_k' });
    const truth: [Cell, number][] = [
      [rowOf(f, w.enterpriseA).requests, 12],
      [rowOf(f, enterpriseC).requests, 15],
      [f.total.requests, 30],
    ];
    for (const [cell, value] of truth) {
      expect(cell.exact).toBe(false);
      if (!cell.suppressed) {
        expect(cell.value).toBeGreaterThanOrEqual(10);
        expect(Math.abs(cell.value! - value)).toBeLessThanOrEqual(20);
      }
    }
    // Means are perturbed too, over k requests or more only, and stay in the rating's range.
    const satisfaction = rowOf(f, w.enterpriseA).meanSatisfaction;
    if (satisfaction !== null) expect(satisfaction).toBeGreaterThanOrEqual(1);
    if (satisfaction !== null) expect(satisfaction).toBeLessThanOrEqual(5);
    expect(rowOf(f, w.enterpriseB).medianAnswerMinutes).toBeNull();
    // No fresh noise: the same question gets the same answer.
    expect(await figures(w.official)).toEqual({ ...f });
  });

  it('lets officials read figures, never requests', async () => {
    await t.http().get('/api/v1/desk/requests').set(...bearer(w.official)).expect(403);
    await t.http().get('/api/v1/desk/supervision').set(...bearer(w.official)).expect(403);
    await figures(w.counsellorA, 403);
    await t.http().get('/api/v1/desk/figures').query({ unitId: w.enterpriseA, from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }).set(...bearer(w.official)).expect(400);
    const outside = await t.createUnit(w.admin.token, w.admin.orgUnitId);
    await t.http().get('/api/v1/desk/figures').query({ unitId: outside }).set(...bearer(w.official)).expect(404);
  });
});
