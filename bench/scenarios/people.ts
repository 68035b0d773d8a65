import type { RouteBench, Scenario } from '../lib/context.js';

/** Issue #2: one worker's profile and a paginated worker search over the whole seed. */
export const peopleScenario: Scenario = {
  name: 'people',
  async routes(ctx): Promise<RouteBench[]> {
    const ids = ctx.workerIdsInScope;
    return [
      {
        name: 'GET /api/v1/workers/{id}',
        paths: ids.map((id) => `/api/v1/workers/${id}`),
        token: ctx.tokens.counsellor,
        cpuTarget: 0.75,
      },
      {
        name: 'GET /api/v1/workers?q=…&page=… (search)',
        paths: ['王', '李', '张', '刘', '陈', '芳', '伟'].flatMap((q) => [1, 2, 5].map((page) => `/api/v1/workers?q=${encodeURIComponent(q)}&page=${page}&pageSize=20`)),
        token: ctx.tokens.counsellor,
        cpuTarget: 0.35,
      },
    ];
  },
};
