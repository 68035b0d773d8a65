import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure, RouteBench } from './context.js';
import { median, type RoundResult } from './measure.js';

/** A route's figures over every round: medians, and the ratio to the bare baseline measured in the same rounds. */
export interface RouteSummary {
  scenario: string;
  name: string;
  connections: number;
  cpuMsPerRequest: number;
  /** Median over rounds of (bare CPU-ms/request ÷ this route's) in the same round. */
  ratio: number;
  rps: number;
  p50: number;
  p99: number;
  peakRssMb: number;
  errors: number;
  non2xx: number;
  cpuTarget: number | null;
  p99TargetMs: number | null;
  target: string;
  met: boolean;
  rounds: RoundResult[];
}

export function summarise(scenario: string, route: RouteBench, rounds: RoundResult[], bare: RoundResult[], defaultConnections: number): RouteSummary {
  const connections = route.connections ?? defaultConnections;
  const cpuTarget = route.cpuTarget ?? (scenario === 'baseline' ? null : 0.3);
  const p99TargetMs = route.p99TargetMs ?? (connections === defaultConnections && scenario !== 'baseline' ? 50 : null);
  const ratio = median(rounds.map((r, i) => bare[i].cpuMsPerRequest / r.cpuMsPerRequest));
  const p99 = median(rounds.map((r) => r.p99));
  const errors = rounds.reduce((n, r) => n + r.errors, 0);
  const non2xx = rounds.reduce((n, r) => n + r.non2xx, 0);
  return {
    scenario,
    name: route.name,
    connections,
    cpuMsPerRequest: median(rounds.map((r) => r.cpuMsPerRequest)),
    ratio,
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99,
    peakRssMb: Math.max(...rounds.map((r) => r.peakRssMb)),
    errors,
    non2xx,
    cpuTarget,
    p99TargetMs,
    target: route.target ?? '',
    met: (cpuTarget === null || ratio >= cpuTarget) && (p99TargetMs === null || p99 < p99TargetMs) && errors + non2xx === 0,
    rounds,
  };
}

const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–');

export function printTable(routes: RouteSummary[], figures: Figure[], defaultConnections: number): void {
  console.table(
    routes.map((r) => ({
      route: r.connections === defaultConnections ? r.name : `${r.name} [${r.connections} conn.]`,
      'CPU-ms/req': Number(r.cpuMsPerRequest.toFixed(2)),
      'bare÷route': pct(r.ratio),
      'req/s': Math.round(r.rps),
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'RSS MB': r.peakRssMb,
      'err/non-2xx': `${r.errors}/${r.non2xx}`,
      target: [r.cpuTarget !== null ? `≥${pct(r.cpuTarget)}` : '', r.p99TargetMs !== null ? `p99<${r.p99TargetMs}` : '', r.target].filter(Boolean).join(', '),
      met: r.scenario === 'baseline' ? '' : r.met ? 'yes' : 'NO',
    })),
  );
  if (figures.length) {
    console.table(figures.map((f) => ({ scenario: f.scenario ?? '', figure: f.name, value: f.value, unit: f.unit, target: f.target ?? '', met: f.met === undefined ? '' : f.met ? 'yes' : 'NO' })));
  }
}

/** One JSON file per run: bench/results/<UTC time>-<database>.json. Returns its path. */
export function writeResults(root: string, run: Record<string, unknown> & { database: string }): string {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // not a git checkout: the file says so by an empty commit
  }
  const at = new Date().toISOString();
  const file = join(dir, `${at.replace(/[:.]/g, '-')}-${run.database}.json`);
  writeFileSync(file, JSON.stringify({ at, commit, ...run }, null, 2));
  return file;
}
