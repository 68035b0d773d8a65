import type { Sql } from './sql.js';

/** What every scenario gets: the database, the app's URL, tokens, and the shared seed. */
export interface BenchContext {
  sql: Sql;
  appUrl: string;
  workers: number;
  /** Enterprise unions (leaves) and the city union the bench counsellor belongs to. */
  units: { root: string; cities: string[]; enterprises: string[]; counsellorCity: string };
  /** Worker ids in the bench counsellor's scope (a sample) and the worker with a login. */
  workerIdsInScope: string[];
  tokens: { admin: string; counsellor: string; worker: string; official: string };
  workerAccount: { workerId: string; userId: string };
  counsellorUserId: string;
  api<T = unknown>(method: string, path: string, token: string, body?: unknown): Promise<T>;
}

/** One measured route. `paths` rotate per request (e.g. many worker ids) so caches do not flatter the figures. */
export interface RouteBench {
  name: string;
  method?: 'GET' | 'POST' | 'PATCH';
  paths: string[];
  token?: string;
  /** A different caller per request (e.g. many workers booking), instead of `token`. */
  tokenFor?: (index: number) => string;
  body?: (index: number) => unknown;
  /** Stop after this many requests (a scenario that consumes data, e.g. one free slot per booking). */
  maxRequests?: number;
  /** Concurrent connections for this route (default BENCH_CONNECTIONS), e.g. 1 for an occasional staff action. */
  connections?: number;
  /** The target, printed beside the result. */
  target?: string;
}

export interface Scenario {
  name: string;
  seed?(ctx: BenchContext): Promise<void>;
  routes(ctx: BenchContext): Promise<RouteBench[]>;
}
