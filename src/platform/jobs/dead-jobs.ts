import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { conflict, notFound } from '../errors/domain-error.js';
import { Job } from './job.entity.js';

/** A job that gave up, as administrators see it: what, how often, why; never its payload (it may name people). */
export class DeadJobDto {
  id: string;
  type: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const toDeadJobDto = (job: Job): DeadJobDto => ({
  id: job.id,
  type: job.type,
  attempts: job.attempts,
  maxAttempts: job.maxAttempts,
  lastError: job.lastError,
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

/** Dead letters of the job queue: read newest first, and queued again with a fresh set of attempts. */
@Injectable()
export class DeadJobs {
  constructor(private readonly clock: Clock) {}

  async list(manager: EntityManager, limit: number): Promise<DeadJobDto[]> {
    const jobs = await manager.find(Job, { where: { status: 'dead' }, order: { finishedAt: 'DESC' }, take: limit });
    return jobs.map(toDeadJobDto);
  }

  async retry(manager: EntityManager, id: string): Promise<DeadJobDto> {
    const job = await manager.findOne(Job, { where: { id } });
    if (!job) throw notFound('Job', '任务');
    const { affected } = await manager.update(Job, { id, status: 'dead' }, {
      status: 'pending',
      attempts: 0,
      runAt: this.clock.now(),
      finishedAt: null,
      lockedBy: null,
      lockedUntil: null,
    });
    if (!affected) {
      throw conflict('JOB_NOT_DEAD', `该任务当前状态为“${job.status}”，只有已放弃的任务可以重试`, `Only a dead job can be retried; this one is ${job.status}`);
    }
    return toDeadJobDto({ ...job, status: 'pending', attempts: 0 });
  }
}
