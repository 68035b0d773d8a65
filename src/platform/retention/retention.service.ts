import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { dbTime } from '../database/db-time.js';
import { runStatement } from '../database/statement.js';
import { Transactions } from '../database/transactions.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { RetentionRegistry, type RetentionRule } from './retention.registry.js';

export const RETENTION_JOB = 'ops.retention';
const DAY = 86_400_000;
/** 03:00 China Standard Time (UTC+8), when the unions' offices are closed. */
const RUN_AT_UTC_HOUR = 19;

/** The next daily slot strictly after `now`. */
export function nextRetentionSlot(now: Date): Date {
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RUN_AT_UTC_HOUR));
  return slot.getTime() > now.getTime() ? slot : new Date(slot.getTime() + DAY);
}

export interface RetentionOutcome {
  rule: string;
  days: number;
  cutoff: string | null;
  affected: number;
}

/**
 * Applies every module's retention rule once a day (RETENTION_*_DAYS), through the job queue: one job per daily slot
 * under one dedupe key, however many instances run, which enqueues the next slot when it ends. Each rule runs in
 * batches of RETENTION_BATCH rows, one transaction per batch, and each batch that changed anything writes its audit
 * row (a system action, with the count and the cut-off) in the same transaction. The audit log itself is never
 * purged.
 */
@Injectable()
export class Retention implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(Retention.name);

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly registry: RetentionRegistry,
    private readonly queue: JobQueue,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.queue.register(RETENTION_JOB, () => this.runScheduled(), { transactional: false });
    // The platform's own tables.
    this.registry.register({
      name: 'notifications',
      setting: 'RETENTION_NOTIFICATION_DAYS',
      what: 'in-app notifications created before the cut-off are deleted (read or not)',
      apply: (manager, cutoff, limit) =>
        deleteBatch(manager, 'notifications', 'created_at < :cutoff', cutoff, limit),
    });
    this.registry.register({
      name: 'jobs',
      setting: 'RETENTION_FINISHED_JOB_DAYS',
      what: 'done jobs finished before the cut-off are deleted (dead jobs stay for the 任务队列 page)',
      apply: (manager, cutoff, limit) =>
        deleteBatch(manager, 'jobs', "status = 'done' AND finished_at < :cutoff", cutoff, limit),
    });
  }

  /** Nothing is scheduled when every period is 0 (keep everything). */
  async onApplicationBootstrap(): Promise<void> {
    if (this.registry.all().some((rule) => this.config.get(rule.setting, { infer: true }) > 0)) {
      await this.schedule(nextRetentionSlot(this.clock.now()));
    }
  }

  /** One job per slot, whichever instance enqueues it first. */
  private async schedule(slot: Date): Promise<void> {
    const key = `${RETENTION_JOB}:${slot.toISOString().slice(0, 10)}`;
    try {
      await this.transactions.run((m) => this.queue.enqueue(m, RETENTION_JOB, {}, { runAt: slot, dedupeKey: key, maxAttempts: 3 }));
    } catch (error) {
      // Another instance enqueued the same slot between the check and the insert: the unique key kept one.
      this.logger.debug(`retention ${key} already queued: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async runScheduled(): Promise<void> {
    try {
      await this.apply();
    } finally {
      await this.schedule(nextRetentionSlot(this.clock.now()));
    }
  }

  /** Applies every rule now; answers what each did. */
  async apply(): Promise<RetentionOutcome[]> {
    const outcomes: RetentionOutcome[] = [];
    for (const rule of this.registry.all()) outcomes.push(await this.applyRule(rule));
    const changed = outcomes.filter((o) => o.affected > 0);
    if (changed.length > 0) this.logger.log(`retention: ${changed.map((o) => `${o.rule} ${o.affected}`).join(', ')}`);
    return outcomes;
  }

  private async applyRule(rule: RetentionRule): Promise<RetentionOutcome> {
    const days = this.config.get(rule.setting, { infer: true });
    if (days === 0) return { rule: rule.name, days, cutoff: null, affected: 0 };
    const cutoff = new Date(this.clock.now().getTime() - days * DAY);
    const limit = this.config.get('RETENTION_BATCH', { infer: true });
    let affected = 0;
    for (;;) {
      const n = await this.transactions.run(async (manager) => {
        const changed = await rule.apply(manager, cutoff, limit);
        if (changed > 0) {
          await this.audit.record(manager, SYSTEM_ACTOR, {
            action: 'retention.applied',
            resourceType: rule.name,
            detail: { setting: rule.setting, days, cutoff: cutoff.toISOString(), affected: changed },
          });
        }
        return changed;
      });
      affected += n;
      if (n < limit) return { rule: rule.name, days, cutoff: cutoff.toISOString(), affected };
    }
  }
}

/**
 * Deletes at most `limit` rows of `table` matching `where` (which names `:cutoff`): a bounded sub-select, so each
 * batch is one short statement on both databases.
 */
export async function deleteBatch(
  manager: Parameters<typeof runStatement>[0],
  table: string,
  where: string,
  cutoff: Date,
  limit: number,
): Promise<number> {
  const { affected } = await runStatement(
    manager,
    `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${where} LIMIT ${Number(limit)})`,
    { cutoff: dbTime(cutoff) },
  );
  return affected;
}
