import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { In, type EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { dbTime, param } from '../database/db-time.js';
import { DIALECT } from '../database/dialect.js';
import { Transactions } from '../database/transactions.js';
import { Job } from './job.entity.js';
import { JobQueue, PermanentJobFailure } from './job-queue.service.js';

const BATCH = 20;
const MAX_BACKOFF_MS = 60 * 60_000;

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at an hour. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

class LeaseLost extends Error {}

/**
 * Claims due jobs with a lease and runs them. On PostgreSQL the claim uses FOR UPDATE SKIP LOCKED, so several app
 * instances share the queue without running a job twice; a job whose lease ran out (its process died) is claimed
 * again.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workerId = `runner-${randomUUID().slice(0, 8)}`;
  private ticking: Promise<number> | null = null;
  private stopped = false;
  /** Claimed by this process and not yet started: released on shutdown so another instance runs them at once. */
  private readonly claimed = new Set<string>();

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly queue: JobQueue,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('JOBS_ENABLED', { infer: true })) return;
    const every = this.config.get('JOBS_POLL_MS', { infer: true });
    this.scheduler.addInterval('job-runner', setInterval(() => void this.tick(), every));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain(this.config.get('SHUTDOWN_GRACE_MS', { infer: true }));
  }

  /** This runner's lease owner id (`jobs.locked_by`). */
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
    if (ids?.length === 0) return 0;
    const released = await this.transactions.run(async (manager) => {
      const qb = manager
        .createQueryBuilder()
        .update(Job)
        .set({ status: 'pending', lockedBy: null, lockedUntil: null, attempts: () => 'attempts - 1' })
        .where('status = :running AND locked_by = :me', { running: 'running', me: this.workerId });
      if (ids) qb.andWhere('id IN (:...ids)', { ids });
      return (await qb.execute()).affected ?? 0;
    });
    for (const id of ids ?? []) this.claimed.delete(id);
    if (released > 0) this.logger.log(`released ${released} leased job(s) for another instance`);
    return released;
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
      const jobs = await this.claim();
      if (jobs.length === 0) return ran;
      for (const job of jobs) this.claimed.add(job.id);
      for (const job of jobs) {
        if (this.stopped) break; // the rest were released by drain()
        this.claimed.delete(job.id);
        await this.execute(job);
        ran++;
      }
    }
  }

  private async claim(): Promise<Job[]> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.config.get('JOBS_LEASE_SECONDS', { infer: true }) * 1000);
    const lock = DIALECT === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const sql = `UPDATE jobs SET status = 'running', locked_by = ${param(1)}, locked_until = ${param(2)},
        attempts = attempts + 1
      WHERE id IN (SELECT id FROM jobs
        WHERE (status = 'pending' AND run_at <= ${param(3)}) OR (status = 'running' AND locked_until < ${param(4)})
        ORDER BY run_at LIMIT ${BATCH} ${lock})
      RETURNING id`;
    const ids = await this.transactions.run(async (manager) => {
      const result = (await manager.query(sql, [this.workerId, dbTime(leaseUntil), dbTime(now), dbTime(now)])) as unknown;
      // PostgreSQL answers an UPDATE … RETURNING with [rows, affectedCount]; SQLite with the rows.
      const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as Array<{ id: string }>;
      return rows.map((row) => row.id);
    });
    if (ids.length === 0) return [];
    const jobs = await this.transactions.read((manager) => manager.find(Job, { where: { id: In(ids) } }));
    return jobs.sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
  }

  private async execute(job: Job): Promise<void> {
    const registered = this.queue.handlerFor(job.type);
    try {
      if (!registered) throw new PermanentJobFailure(`No handler for ${job.type}`);
      if (registered.options.transactional) {
        await this.transactions.run(async (manager) => {
          await registered.handler(job.payload, job, manager);
          await this.finish(manager, job);
        });
      } else {
        await registered.handler(job.payload, job);
        await this.transactions.run((manager) => this.finish(manager, job));
      }
    } catch (error) {
      if (error instanceof LeaseLost) return void this.logger.warn(error.message);
      await this.fail(job, error);
    }
  }

  private async finish(manager: EntityManager, job: Job): Promise<void> {
    const result = await manager.update(Job, { id: job.id, lockedBy: this.workerId, status: 'running' }, {
      status: 'done',
      finishedAt: this.clock.now(),
      lockedUntil: null,
      lastError: null,
    });
    // The lease was released (shutdown) or taken over: roll a transactional handler's work back, it runs elsewhere.
    if (result.affected === 0) throw new LeaseLost(`job ${job.id} is no longer leased by ${this.workerId}`);
  }

  private retryDelayMs(job: Job, error: unknown): number {
    const custom = this.queue.handlerFor(job.type)?.options.retryDelayMs;
    return custom ? custom(job.attempts, error) : backoffMs(job.attempts);
  }

  private async fail(job: Job, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const dead = error instanceof PermanentJobFailure || job.attempts >= job.maxAttempts;
    this.logger.warn(`job ${job.type} ${job.id} attempt ${job.attempts} failed${dead ? ' (dead)' : ''}: ${message}`);
    await this.transactions.run((manager) =>
      manager.update(Job, { id: job.id, lockedBy: this.workerId }, {
        status: dead ? 'dead' : 'pending',
        runAt: new Date(this.clock.now().getTime() + this.retryDelayMs(job, error)),
        lockedUntil: null,
        lastError: message.slice(0, 2000),
        finishedAt: dead ? this.clock.now() : null,
      }),
    );
  }
}
