import autocannon from 'autocannon';
import type { RouteBench } from './context.js';
import { cpuMs, rssMb, type Server } from './processes.js';

/** One route measured once (one round). */
export interface RoundResult {
  requests: number;
  /** CPU time of the serving process over the round, per completed request. */
  cpuMsPerRequest: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  peakRssMb: number;
}

/** A route's request counter survives rounds, so a route that consumes data (one slot per booking) never reuses any. */
const counters = new WeakMap<RouteBench, number>();

export async function measureRound(server: Server, route: RouteBench, options: { seconds: number; connections: number; rounds: number }): Promise<RoundResult> {
  let next = counters.get(route) ?? 0;
  let peak = rssMb(server.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 200);
  const cpuBefore = cpuMs(server.pid);
  // A route that consumes data gets its share of the budget per round, still bounded by the round's duration.
  const budget = route.maxRequests ? Math.max(1, Math.floor(route.maxRequests / options.rounds)) : undefined;
  const result = await autocannon({
    url: server.url,
    connections: route.connections ?? options.connections,
    duration: options.seconds,
    ...(budget ? { maxOverallRequests: budget } : {}),
    requests: [
      {
        method: route.method ?? 'GET',
        setupRequest: (request: autocannon.Request) => {
          const index = next++;
          const body = route.body?.(index);
          const token = route.tokenFor?.(index) ?? route.token;
          return {
            ...request,
            path: route.paths[index % route.paths.length],
            headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
            ...(body ? { body: JSON.stringify(body) } : {}),
          };
        },
      },
    ],
  });
  const cpu = cpuMs(server.pid) - cpuBefore;
  clearInterval(sampler);
  counters.set(route, next);
  const requests = result.requests.total;
  return {
    requests,
    cpuMsPerRequest: requests ? cpu / requests : Number.NaN,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    peakRssMb: Math.round(Math.max(peak, rssMb(server.pid))),
  };
}

export const median = (values: number[]): number => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
