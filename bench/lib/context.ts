import type { Server } from './processes.js';
import type { Sql } from './sql.js';

/** What every scenario gets: the database, the app's URL, tokens, and the shared seed. */
export interface BenchContext {
  sql: Sql;
  /** The measured app (restarted after seeding: read it in `routes`, not in `seed`). */
  app: Server;
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
  /** The password of every account the bench makes, and signing one in (its access token). */
  password: string;
  login(username: string): Promise<string>;
  /**
   * A one-off measurement that is not a route under load (a seed time, an enrolment, an event-to-screen latency):
   * printed after the route table and kept in the run's JSON file.
   */
  figure(figure: Figure): void;
  /** Another app process on the same database (e.g. a scale-out scenario); stopped at the end of the run. */
  startApp(env?: Record<string, string>): Promise<Server>;
}

export interface Figure {
  scenario?: string;
  name: string;
  value: number;
  unit: string;
  /** e.g. '< 2000 ms' */
  target?: string;
  /** Whether the target is met, when the scenario can tell. */
  met?: boolean;
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
  /** Stop after this many requests over the whole run (split over the rounds): a route that consumes data. */
  maxRequests?: number;
  /** Concurrent connections for this route (default BENCH_CONNECTIONS), e.g. 1 for an occasional staff action. */
  connections?: number;
  /** The CPU target: bare CPU-ms/request ÷ this route's, at least this share (default 0.30). */
  cpuTarget?: number;
  /** The latency target, p99 below this many ms (default 50 at BENCH_CONNECTIONS, none otherwise). */
  p99TargetMs?: number;
  /** Anything else the issue asks of this route, printed beside the result. */
  target?: string;
  /** Another process serving this route (from `ctx.startApp`); default the measured app. */
  server?: Server;
}

export interface Scenario {
  name: string;
  /** Heavy: runs only when BENCH_ONLY names it. */
  optIn?: boolean;
  seed?(ctx: BenchContext): Promise<void>;
  routes(ctx: BenchContext): Promise<RouteBench[]>;
}
