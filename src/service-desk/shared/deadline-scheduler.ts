import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobQueue } from '../../platform/jobs/job-queue.service.js';
import { nextDeadline } from '../domain/deadlines.js';
import type { DeskRequest } from '../entities/desk-request.entity.js';

export const DEADLINE_CHECK_JOB = 'desk.deadline-check';

/**
 * Keeps a request's `nextDueAt` current and a deadline check queued for it, in the caller's transaction. The check is
 * a durable job (runAt = the deadline), so it fires after a restart, and on the first poll after an outage that
 * spanned the deadline. A check that finds nothing owed does nothing, so stale checks are harmless.
 */
@Injectable()
export class DeadlineScheduler {
  constructor(private readonly queue: JobQueue) {}

  async refresh(manager: EntityManager, request: DeskRequest): Promise<void> {
    request.nextDueAt = nextDeadline(request);
    if (request.nextDueAt) await this.checkAt(manager, request.id, request.nextDueAt);
  }

  async checkAt(manager: EntityManager, requestId: string, at: Date): Promise<void> {
    await this.queue.enqueue(manager, DEADLINE_CHECK_JOB, { requestId }, { runAt: at, dedupeKey: `${DEADLINE_CHECK_JOB}:${requestId}:${at.toISOString()}` });
  }
}
