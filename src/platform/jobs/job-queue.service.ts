import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { Clock } from '../clock/clock.js';
import { Job } from './job.entity.js';

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  dedupeKey?: string;
}

/**
 * A transactional handler gets the manager of the transaction that also marks the job done (DB-only work takes
 * effect exactly once); an external handler (email, webhook) runs outside any transaction and must be idempotent.
 */
export type JobHandler = (payload: Record<string, unknown>, job: Job, manager?: EntityManager) => Promise<void>;

export interface HandlerOptions {
  transactional: boolean;
  /**
   * Delay before retry `attempt + 1` after attempt `attempt` failed with `error` (which may say how long to wait, e.g. a
   * webhook receiver's Retry-After); default `backoffMs` (1 s doubling to an hour).
   */
  retryDelayMs?: (attempt: number, error: unknown) => number;
}

/** Thrown by a handler when retrying cannot help (e.g. a webhook endpoint answered 410). */
export class PermanentJobFailure extends Error {}

/** Enqueue inside the caller's transaction; handlers register by type at module start. */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger(JobQueue.name);
  private readonly handlers = new Map<string, { handler: JobHandler; options: HandlerOptions }>();

  constructor(private readonly clock: Clock) {}

  register(type: string, handler: JobHandler, options: HandlerOptions): void {
    if (this.handlers.has(type)) throw new Error(`Job handler ${type} registered twice`);
    this.handlers.set(type, { handler, options });
  }

  handlerFor(type: string): { handler: JobHandler; options: HandlerOptions } | undefined {
    return this.handlers.get(type);
  }

  async enqueue(
    manager: EntityManager,
    type: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions = {},
  ): Promise<void> {
    if (options.dedupeKey) {
      const existing = await manager.findOne(Job, { where: { dedupeKey: options.dedupeKey }, select: { id: true } });
      if (existing) return;
    }
    await manager.insert(Job, {
      type,
      payload,
      status: 'pending',
      runAt: options.runAt ?? this.clock.now(),
      maxAttempts: options.maxAttempts ?? 10,
      dedupeKey: options.dedupeKey ?? null,
      createdAt: this.clock.now(),
    } as QueryDeepPartialEntity<Job>);
    this.logger.debug(`enqueued ${type}`);
    for (const listener of this.enqueueListeners) await listener(manager, options.runAt ?? null);
  }

  private readonly enqueueListeners: Array<(manager: EntityManager, runAt: Date | null) => Promise<void> | void> = [];

  /** Told of every enqueued job, in the enqueuing transaction (the push hub wakes the runners on commit). */
  onEnqueued(listener: (manager: EntityManager, runAt: Date | null) => Promise<void> | void): void {
    this.enqueueListeners.push(listener);
  }

  /** Removes pending jobs by dedupe key prefix (e.g. a reminder made moot). */
  async cancel(manager: EntityManager, dedupeKey: string): Promise<void> {
    await manager.delete(Job, { dedupeKey, status: 'pending' });
  }
}
