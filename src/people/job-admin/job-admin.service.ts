import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Transactions } from '../../platform/database/transactions.js';
import { DeadJobs, type DeadJobDto } from '../../platform/jobs/dead-jobs.js';
import { requireRootAdmin } from '../access/root-admin.js';

/** Dead jobs for the root unit's administrators; reading and retrying are audited. */
@Injectable()
export class JobAdminService {
  constructor(
    private readonly deadJobs: DeadJobs,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async listDead(actor: Actor, limit = 100): Promise<DeadJobDto[]> {
    await requireRootAdmin(this.transactions, actor, '查看任务队列', 'read the job queue');
    const jobs = await this.transactions.read((manager) => this.deadJobs.list(manager, limit));
    await this.audit.recordRead(actor, { action: 'job.dead.list', resourceType: 'job', detail: { results: jobs.length } });
    return jobs;
  }

  async retry(actor: Actor, id: string): Promise<DeadJobDto> {
    await requireRootAdmin(this.transactions, actor, '重试任务', 'retry a job');
    return this.transactions.run(async (manager) => {
      const job = await this.deadJobs.retry(manager, id);
      await this.audit.record(manager, actor, { action: 'job.retry', resourceType: 'job', resourceId: id, detail: { type: job.type } });
      return job;
    });
  }
}
