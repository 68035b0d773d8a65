import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Transactions } from '../database/transactions.js';
import { JobQueue } from '../jobs/job-queue.service.js';

export const TEST_SLOW_JOB = 'test.slow';

/**
 * Test hook: a job that takes `ms` of wall time, recording in the audit log when it started and when it ran to the
 * end, with the runner that leased it, so a shutdown test can tell where (and how often) it ran.
 */
@Injectable()
export class TestJobs implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.queue.register(
      TEST_SLOW_JOB,
      async (payload, job) => {
        const detail = { label: typeof payload.label === 'string' ? payload.label : '', runner: job.lockedBy?.replace(/\.\d+$/, '') }; // the runner, without its claim number
        await this.transactions.run((m) => this.audit.record(m, SYSTEM_ACTOR, { action: 'test.job.started', resourceType: 'job', resourceId: job.id, detail }));
        await sleep(Number(payload.ms ?? 0));
        await this.transactions.run((m) => this.audit.record(m, SYSTEM_ACTOR, { action: 'test.job.ran', resourceType: 'job', resourceId: job.id, detail }));
      },
      { transactional: false },
    );
  }
}
