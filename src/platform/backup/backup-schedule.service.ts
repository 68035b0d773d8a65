import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob, validateCronExpression } from 'cron';
import { ConfigurationError, type AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { backupDatabase, pruneBackups } from './backup.js';

export const BACKUP_JOB = 'ops.backup';

/**
 * Scheduled backups (BACKUP_SCHEDULE, a cron expression): every instance's timer enqueues the backup of that slot
 * under one dedupe key, so exactly one job exists per slot and one runner takes it, however many instances run.
 * The job writes the backup and its manifest into BACKUP_DIR and keeps the newest BACKUP_KEEP.
 */
@Injectable()
export class BackupSchedule implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(BackupSchedule.name);

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly queue: JobQueue,
    private readonly transactions: Transactions,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onModuleInit(): void {
    this.queue.register(BACKUP_JOB, () => this.backup(), { transactional: false });
  }

  onApplicationBootstrap(): void {
    const schedule = this.config.get('BACKUP_SCHEDULE', { infer: true });
    if (!schedule) return;
    if (!validateCronExpression(schedule).valid) {
      throw new ConfigurationError(`BACKUP_SCHEDULE 不是有效的 cron 表达式 / BACKUP_SCHEDULE is not a valid cron expression: ${schedule}`);
    }
    const job = CronJob.from({ cronTime: schedule, onTick: () => void this.enqueue(new Date()), start: true });
    this.scheduler.addCronJob('scheduled-backup', job);
  }

  /** One job per slot (the second the timer fired), whichever instance enqueues it first. */
  async enqueue(firedAt: Date): Promise<void> {
    const slot = firedAt.toISOString().slice(0, 19);
    try {
      await this.transactions.run((m) => this.queue.enqueue(m, BACKUP_JOB, { slot }, { dedupeKey: `${BACKUP_JOB}:${slot}`, maxAttempts: 3 }));
    } catch (error) {
      // Another instance enqueued the same slot between our check and insert: the unique key kept one.
      this.logger.debug(`backup ${slot} already queued: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async backup(): Promise<void> {
    const dir = this.config.get('BACKUP_DIR', { infer: true });
    const { file, manifest } = await backupDatabase(this.config.get('DATABASE_URL', { infer: true }), dir);
    const pruned = await pruneBackups(dir, this.config.get('BACKUP_KEEP', { infer: true }));
    this.logger.log(`backup ${file} (schema ${manifest.migration}); ${pruned.length} old backup(s) removed`);
  }
}
