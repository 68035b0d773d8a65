import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { PushHub } from './push-hub.service.js';

export const JOBS_CHANNEL = 'xingang_jobs';

/**
 * Wakes the job runners when a job due now commits, instead of waiting for the next poll (JOBS_POLL_MS): a crisis
 * result's outbox event is then handled, and its case pushed to the counsellor, within one round trip. On PostgreSQL
 * every instance's runner is woken (NOTIFY, delivered at commit; SKIP LOCKED shares the work); on SQLite this one.
 * The poll stays as the safety net (jobs due later, a lost signal).
 */
@Injectable()
export class JobWake implements OnModuleInit {
  private waking = false;
  private again = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly runner: JobRunner,
    private readonly hub: PushHub,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onModuleInit(): void {
    this.queue.onEnqueued((manager, runAt) => (runAt && runAt > this.clock.now() ? undefined : this.hub.signal(manager, JOBS_CHANNEL)));
    if (this.config.get('JOBS_ENABLED', { infer: true })) this.hub.on(JOBS_CHANNEL, () => this.wake());
  }

  /** One round at a time; a wake during a round asks for one more, so a job committed just after a claim is not left waiting. */
  private wake(): void {
    if (this.waking) {
      this.again = true;
      return;
    }
    this.waking = true;
    void this.runner
      .tick()
      .then(async () => {
        while (this.again) {
          this.again = false;
          await this.runner.tick();
        }
      })
      .finally(() => (this.waking = false));
  }
}
