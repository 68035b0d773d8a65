import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { dbTime, fromDbJson, fromDbTime } from '../database/db-time.js';
import { DIALECT } from '../database/dialect.js';
import { DB_NOW, dbNowPlus, runStatement } from '../database/statement.js';
import { Transactions } from '../database/transactions.js';
import { Job } from './job.entity.js';
import { JobQueue, PermanentJobFailure } from './job-queue.service.js';

const BATCH = 20;
const MAX_BACKOFF_MS = 60 * 60_000;
/** A job slower than this hands the rest of its batch back, so other instances share slow work (mail, webhooks). */
const SLOW_JOB_MS = 1000;

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at an hour. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The runner no longer holds the job's lease: another runner owns it, so this one must not commit its effects. */
export class LeaseLost extends Error {}

interface ClaimedRow {
  id: string;
  type: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  run_at: Date | string;
  dedupe_key: string | null;
  created_at: Date | string;
}

/**
 * Claims due jobs with a lease and runs them, so that each job takes effect once across any number of instances:
 * - the lease is timed by the database's clock, and each claim gets its own token (`locked_by`), which fences every
 *   later statement about the job: the lease is renewed before each job starts and by a heartbeat while it runs;
 *   finishing checks that the token still holds, and a transactional handler whose lease was lost rolls back;
 * - the claim reads the partial indexes over pending and running jobs (FOR UPDATE SKIP LOCKED on PostgreSQL), and a
 *   job whose lease ran out on its last attempt goes dead instead of running again;
 * - done jobs are deleted by the retention job after RETENTION_FINISHED_JOB_DAYS (src/platform/retention).
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workerId = `runner-${randomUUID().slice(0, 8)}`;
  private claims = 0;
  private ticking: Promise<number> | null = null;
  private stopped = false;
  /** Claimed by this process and not yet started: released on shutdown so another instance runs them at once. */
  private readonly claimed = new Set<string>();
  /** The tokens of this process's claims in progress (`jobs.locked_by`). */
  private readonly tokens = new Set<string>();

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly queue: JobQueue,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  private get leaseMs(): number {
    return this.config.get('JOBS_LEASE_SECONDS', { infer: true }) * 1000;
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('JOBS_ENABLED', { infer: true })) return;
    const every = this.config.get('JOBS_POLL_MS', { infer: true });
    this.scheduler.addInterval('job-runner', setInterval(() => void this.tick(), every));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain(this.config.get('SHUTDOWN_GRACE_MS', { infer: true }));
  }

  /** This runner's id; each of its claims leases jobs as `<id>.<n>` (`jobs.locked_by`). */
  get id(): string {
    return this.workerId;
  }

  /**
   * Graceful stop: claim nothing more, hand back the jobs claimed but not started, give the job in hand up to
   * `graceMs` to finish, then hand back its lease too (its transaction, if still open, cannot commit: `finish`
   * requires the lease). Another instance claims released jobs on its next poll instead of after the lease.
   */
  async drain(graceMs: number): Promise<void> {
    this.stopped = true;
    if (this.scheduler.doesExist('interval', 'job-runner')) this.scheduler.deleteInterval('job-runner');
    await this.releaseLeases([...this.claimed]);
    if (this.ticking) {
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        this.ticking.then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
      ]);
      clearTimeout(timer);
      if (!finished) await this.releaseLeases();
    }
  }

  /**
   * Puts this runner's leased jobs (all, or those named) back in the queue as if never claimed: pending, due now,
   * the claim's attempt given back.
   */
  async releaseLeases(ids?: string[]): Promise<number> {
    if (ids?.length === 0 || this.tokens.size === 0) return 0;
    const { affected } = await this.transactions.run((manager) =>
      runStatement(
        manager,
        `UPDATE jobs SET status = 'pending', locked_by = NULL, locked_until = NULL, attempts = attempts - 1
         WHERE status = 'running' AND locked_by IN (:...tokens)${ids ? ' AND id IN (:...ids)' : ''}`,
        { tokens: [...this.tokens], ids },
      ),
    );
    for (const id of ids ?? []) this.claimed.delete(id);
    if (affected > 0) this.logger.log(`released ${affected} leased job(s) for another instance`);
    return affected;
  }

  /**
   * One polling round; overlapping calls share the round in progress. A failing round (database locked or away) is
   * logged and retried on the next tick: the poller must never take the process down.
   */
  tick(): Promise<number> {
    this.ticking ??= this.runDue()
      .catch((error: unknown) => {
        this.logger.error(`job polling failed; retrying next tick: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      })
      .finally(() => (this.ticking = null));
    return this.ticking;
  }

  /** Runs every job due now, batch by batch; returns how many ran. Tests call it to drive time explicitly. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      if (this.stopped) return ran;
      const { token, jobs } = await this.claim();
      if (jobs.length === 0) return ran;
      this.tokens.add(token);
      for (const job of jobs) this.claimed.add(job.id);
      const heartbeat = setInterval(() => void this.renew(token).catch(() => undefined), Math.max(100, this.leaseMs / 3));
      heartbeat.unref();
      try {
        for (let i = 0; i < jobs.length; i++) {
          if (this.stopped) break; // the rest were released by drain()
          this.claimed.delete(jobs[i].id);
          const started = Date.now();
          if (await this.execute(token, jobs[i])) ran += 1;
          if (Date.now() - started > SLOW_JOB_MS && i + 1 < jobs.length) {
            await this.release(token, jobs.slice(i + 1));
            break;
          }
        }
      } finally {
        clearInterval(heartbeat);
        this.tokens.delete(token);
        for (const job of jobs) this.claimed.delete(job.id);
      }
    }
  }

  private async claim(): Promise<{ token: string; jobs: Job[] }> {
    const token = `${this.workerId}.${++this.claims}`;
    const skipLocked = DIALECT === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const rows = await this.transactions.run(async (manager) => {
      await runStatement(
        manager,
        `UPDATE jobs SET status = 'dead', locked_by = NULL, locked_until = NULL, finished_at = :now,
           last_error = 'lease ran out on the last attempt'
         WHERE status = 'running' AND locked_until < ${DB_NOW} AND attempts >= max_attempts`,
        { now: dbTime(this.clock.now()) },
      );
      const claimed = await runStatement<ClaimedRow>(
        manager,
        `WITH due AS (SELECT id FROM jobs WHERE status = 'pending' AND run_at <= :now ORDER BY run_at LIMIT ${BATCH} ${skipLocked}),
           expired AS (SELECT id FROM jobs WHERE status = 'running' AND locked_until < ${DB_NOW} AND attempts < max_attempts
             ORDER BY locked_until LIMIT ${BATCH} ${skipLocked})
         UPDATE jobs SET status = 'running', locked_by = :token, locked_until = ${dbNowPlus(this.leaseMs)}, attempts = attempts + 1
         WHERE id IN (SELECT id FROM due UNION ALL SELECT id FROM expired)
         RETURNING id, type, payload, attempts, max_attempts, run_at, dedupe_key, created_at`,
        { now: dbTime(this.clock.now()), token },
      );
      return claimed.rows;
    });
    const jobs = rows.map((row) =>
      Object.assign(new Job(), {
        id: row.id,
        type: row.type,
        payload: fromDbJson(row.payload) as Record<string, unknown>,
        status: 'running',
        attempts: Number(row.attempts),
        maxAttempts: Number(row.max_attempts),
        runAt: fromDbTime(row.run_at),
        dedupeKey: row.dedupe_key,
        createdAt: fromDbTime(row.created_at),
        lockedBy: token,
      }),
    );
    return { token, jobs: jobs.sort((a, b) => a.runAt.getTime() - b.runAt.getTime()) };
  }

  /** Renews the lease of the claim's unfinished jobs (or of one of them); answers how many it still holds. */
  private async renew(token: string, jobId?: string): Promise<number> {
    const { affected } = await this.transactions.run((manager) =>
      runStatement(
        manager,
        `UPDATE jobs SET locked_until = ${dbNowPlus(this.leaseMs)} WHERE locked_by = :token AND status = 'running'${jobId ? ' AND id = :jobId' : ''}`,
        { token, jobId },
      ),
    );
    return affected;
  }

  /** Hands unstarted jobs back to the queue as they were before the claim. */
  private async release(token: string, jobs: Job[]): Promise<void> {
    await this.transactions.run((manager) =>
      runStatement(
        manager,
        `UPDATE jobs SET status = 'pending', locked_by = NULL, locked_until = NULL, attempts = attempts - 1
         WHERE locked_by = :token AND status = 'running' AND id IN (:...ids)`,
        { token, ids: jobs.map((job) => job.id) },
      ),
    );
  }

  /** Runs one claimed job if its lease still holds; answers whether it ran. */
  private async execute(token: string, job: Job): Promise<boolean> {
    if ((await this.renew(token, job.id)) === 0) {
      this.logger.warn(`job ${job.type} ${job.id}: lease lost before it started; skipped`);
      return false;
    }
    const registered = this.queue.handlerFor(job.type);
    try {
      if (!registered) throw new PermanentJobFailure(`No handler for ${job.type}`);
      if (registered.options.transactional) {
        await this.transactions.run(async (manager) => {
          await registered.handler(job.payload, job, manager);
          await this.finish(manager, token, job);
        });
      } else {
        await registered.handler(job.payload, job);
        await this.transactions.run((manager) => this.finish(manager, token, job));
      }
      return true;
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.logger.warn(`job ${job.type} ${job.id}: ${error.message}`);
        return false;
      }
      await this.fail(token, job, error);
      return true;
    }
  }

  private async finish(manager: EntityManager, token: string, job: Job): Promise<void> {
    const { affected } = await runStatement(
      manager,
      `UPDATE jobs SET status = 'done', finished_at = :now, locked_by = NULL, locked_until = NULL, last_error = NULL
       WHERE id = :id AND locked_by = :token AND status = 'running'`,
      { now: dbTime(this.clock.now()), id: job.id, token },
    );
    if (affected === 0) throw new LeaseLost('lease lost before the job finished; its transaction is rolled back');
  }

  private retryDelayMs(job: Job, error: unknown): number {
    const custom = this.queue.handlerFor(job.type)?.options.retryDelayMs;
    return custom ? custom(job.attempts, error) : backoffMs(job.attempts);
  }

  private async fail(token: string, job: Job, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const dead = error instanceof PermanentJobFailure || job.attempts >= job.maxAttempts;
    this.logger.warn(`job ${job.type} ${job.id} attempt ${job.attempts} failed${dead ? ' (dead)' : ''}: ${message}`);
    const delay = this.retryDelayMs(job, error);
    await this.transactions.run((manager) =>
      runStatement(
        manager,
        `UPDATE jobs SET status = :status, run_at = :runAt, locked_by = NULL, locked_until = NULL, last_error = :message,
           finished_at = :finishedAt
         WHERE id = :id AND locked_by = :token AND status = 'running'`,
        {
          status: dead ? 'dead' : 'pending',
          runAt: dbTime(new Date(this.clock.now().getTime() + delay)),
          message: message.slice(0, 2000),
          finishedAt: dead ? dbTime(this.clock.now()) : null,
          id: job.id,
          token,
        },
      ),
    );
  }
}
