/**
 * Issue #16 (点, live): how long from a worker's submit that opens a crisis case to the counsellor's open event
 * stream receiving it (`GET /api/v1/events`, `crisis_case` `opened`), the way an open crisis queue hears it.
 *
 * Each round a different worker of the bench counsellor's city (its own account, consented) submits a PHQ-9 with
 * item 9 = 1; the clock runs from just before the POST to the event's arrival at the stream, so it covers the
 * result's transaction, the outbox job (woken on commit, JOBS_POLL_MS as the safety net), the case's transaction and
 * the push. On PostgreSQL the worker submits to one instance and the counsellor's stream is on another (the push
 * rides LISTEN/NOTIFY, and either instance's runner may take the job); on SQLite both are the one process.
 * Opt-in: `BENCH_ONLY=live-arrival` (BENCH_LIVE_ROUNDS rounds, default 20). Figures: median and p95 in ms.
 */
import type { BenchContext, Scenario } from '../lib/context.js';
import { median } from '../lib/measure.js';

const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 20);

/** The counsellor's event stream, read as the web app reads it (fetch, bearer token): resolves each awaited push. */
class Stream {
  private readonly controller = new AbortController();
  private waiter: ((event: { topic: string; change: string; id: string }) => void) | null = null;

  static async open(url: string, token: string): Promise<Stream> {
    const stream = new Stream();
    const response = await fetch(`${url}/api/v1/events`, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, signal: stream.controller.signal });
    if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let ready: () => void = () => undefined;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    void (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes('event: ready')) ready();
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (block.includes('event: push') && data) stream.waiter?.(JSON.parse(data.slice(6)) as { topic: string; change: string; id: string });
        }
      }
    })();
    await isReady;
    return stream;
  }

  /** The next `crisis_case` `opened` event, and when it arrived. */
  nextOpened(timeoutMs = 30_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no crisis case pushed within 30 s')), timeoutMs);
      this.waiter = (event) => {
        if (event.topic !== 'crisis_case' || event.change !== 'opened') return;
        clearTimeout(timer);
        this.waiter = null;
        resolve(performance.now());
      };
    });
  }

  close(): void {
    this.controller.abort();
  }
}

/** Workers of the counsellor's city, each with an account and the assessment consent, ready to submit. */
async function workerTokens(ctx: BenchContext, count: number): Promise<string[]> {
  const ids = ctx.workerIdsInScope.slice(1, count + 1); // [0] may be the bench worker's own
  const rows = await ctx.sql.query<{ id: string; org_unit_id: string }>(`SELECT id, org_unit_id FROM workers WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`, ids);
  const tokens: string[] = [];
  for (const [i, row] of rows.entries()) {
    const username = `bench-live-${i}`;
    await ctx.api('POST', '/api/v1/users', ctx.tokens.admin, { username, password: ctx.password, role: 'worker', orgUnitId: row.org_unit_id, workerId: row.id });
    const token = await ctx.login(username);
    await ctx.api('POST', '/api/v1/me/consents', token, { purpose: 'assessment', granted: true });
    tokens.push(token);
  }
  return tokens;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export const liveArrivalScenario: Scenario = {
  name: 'live-arrival',
  optIn: true,
  async routes(ctx) {
    const postgres = ctx.sql.dialect === 'postgres';
    const streamServer = postgres ? await ctx.startApp() : ctx.app;
    const tokens = await workerTokens(ctx, ROUNDS);
    const stream = await Stream.open(streamServer.url, ctx.tokens.counsellor);
    const timings: number[] = [];
    try {
      for (const token of tokens) {
        const arrived = stream.nextOpened();
        const started = performance.now();
        await ctx.api('POST', '/api/v1/me/assessments', token, { instrumentCode: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] });
        timings.push(Math.round((await arrived) - started));
      }
    } finally {
      stream.close();
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const where = postgres ? 'submit on instance A, stream on instance B' : 'one process';
    console.log(`live-arrival (${where}): submit → counsellor's stream, ms: ${timings.join(', ')}`);
    ctx.figure({ scenario: 'live-arrival', name: `submit → stream event, median (${timings.length} rounds, ${where})`, value: median(sorted), unit: 'ms', target: '< 2000 ms', met: median(sorted) < 2000 });
    ctx.figure({ scenario: 'live-arrival', name: `submit → stream event, p95 (${timings.length} rounds, ${where})`, value: percentile(sorted, 95), unit: 'ms', target: '< 2000 ms', met: percentile(sorted, 95) < 2000 });
    return [];
  },
};
