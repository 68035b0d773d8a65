import type { RouteBench, Scenario } from '../lib/context.js';
import { counsellingScenarios, seedAppointments, seedCounsellingConsents, seedSlots, type CounsellingBenchContext } from './counselling.js';

const PASSWORD = 'Bench-Password-2026';
const WORKER_ACCOUNTS = 20;
let context: CounsellingBenchContext | undefined;
let workerAccounts: string[] = [];

/** Issue #6: booking a slot (a different free slot per request) and listing the counsellor's week. */
export const counsellingScenario: Scenario = {
  name: 'counselling',
  async seed(ctx) {
    const db = { dialect: ctx.sql.dialect, query: (sql: string, params: unknown[]) => ctx.sql.query(sql, params) };
    const from = new Date(Date.now() + 86_400_000);
    const slots = await seedSlots(db, { counsellorId: ctx.counsellorUserId, orgUnitId: ctx.units.counsellorCity, from, days: 180, slotsPerDay: 24 });
    const workerIds = ctx.workerIdsInScope.slice(1, 1 + WORKER_ACCOUNTS);
    await seedCounsellingConsents(db, workerIds, ctx.counsellorUserId, new Date());
    const { freeSlots } = await seedAppointments(db, { slots, bookedPerTen: 2, workerIds: ctx.workerIdsInScope.slice(100, 400), workerUnitId: ctx.units.enterprises[0], bookedBy: ctx.counsellorUserId, at: new Date() });
    workerAccounts = [];
    for (const [i, workerId] of workerIds.entries()) {
      const username = `bench-booker-${i}`;
      const orgUnitId = (await ctx.sql.query<{ org_unit_id: string }>('SELECT org_unit_id FROM workers WHERE id = $1', [workerId]))[0].org_unit_id;
      await ctx.api('POST', '/api/v1/users', ctx.tokens.admin, { username, password: PASSWORD, role: 'worker', orgUnitId, workerId });
      workerAccounts.push(username);
    }
    context = { freeSlotIds: freeSlots.map((s) => s.id), workerTokens: [], counsellorToken: '', weekFrom: from };
  },
  async routes(ctx): Promise<RouteBench[]> {
    const c = context!;
    c.counsellorToken = ctx.tokens.counsellor;
    c.workerTokens = [];
    for (const username of workerAccounts) {
      c.workerTokens.push((await ctx.api<{ accessToken: string }>('POST', '/api/v1/auth/login', '', { username, password: PASSWORD })).accessToken);
    }
    return counsellingScenarios.map((scenario) => ({
      name: `${scenario.method} ${scenario.name}`,
      method: scenario.method,
      paths: [scenario.path(c, 0)],
      tokenFor: (i: number) => scenario.token(c, i),
      body: scenario.body ? (i: number) => scenario.body!(c, i) : undefined,
      maxRequests: Number.isFinite(scenario.capacity(c)) ? scenario.capacity(c) : undefined,
    }));
  },
};
