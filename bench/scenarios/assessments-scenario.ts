import type { RouteBench, Scenario } from '../lib/context.js';
import { ASSESSMENT_SCENARIOS, seedAssessments, type SeedSummary } from './assessments.js';

const RESULTS = Number(process.env.BENCH_RESULTS ?? 1_000_000);
const PASSWORD = 'Bench-Password-2026';

let seeded: SeedSummary | undefined;
let workerToken = '';

/**
 * Issue #3: submission and the record of a worker with 50 results, over 1,000,000 stored results (spread over a
 * 10,000-worker unit inside the bench counsellor's city, beside the people scenario's workers).
 */
export const assessmentsScenario: Scenario = {
  name: 'assessments',
  async seed(ctx) {
    const dataKey = process.env.BENCH_DATA_KEY!;
    seeded = await seedAssessments({ dialect: ctx.sql.dialect, query: (sql, params) => ctx.sql.query(sql, params) }, {
      workers: Math.min(10_000, ctx.workers),
      results: RESULTS,
      dataKey,
      parentUnitId: ctx.units.counsellorCity,
    });
    await ctx.api('POST', '/api/v1/users', ctx.tokens.admin, {
      username: 'bench-assessor',
      password: PASSWORD,
      role: 'worker',
      orgUnitId: seeded.unitId,
      workerId: seeded.submitterWorkerId,
    });
  },
  async routes(ctx): Promise<RouteBench[]> {
    workerToken = (await ctx.api<{ accessToken: string }>('POST', '/api/v1/auth/login', '', { username: 'bench-assessor', password: PASSWORD })).accessToken;
    return ASSESSMENT_SCENARIOS.map((scenario) => ({
      name: `${scenario.method} ${scenario.name}`,
      method: scenario.method,
      paths: [scenario.path(seeded!)],
      token: scenario.token === 'worker' ? workerToken : ctx.tokens.counsellor,
      body: scenario.body ? () => scenario.body : undefined,
      cpuTarget: scenario.cpuTarget,
    }));
  },
};
