import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobQueue } from './job-queue.service.js';

export type EventHandler = (payload: Record<string, unknown>, manager: EntityManager) => Promise<void>;

/**
 * Domain events through the outbox: publishing writes one job per subscriber in the publisher's transaction, so an
 * event is delivered after commit, survives a crash, and is retried per subscriber. Handlers run in their own
 * transaction together with the job's completion, so each delivery takes effect once.
 */
@Injectable()
export class DomainEvents {
  private readonly subscribers = new Map<string, string[]>();

  constructor(private readonly queue: JobQueue) {}

  subscribe(event: string, subscriber: string, handler: EventHandler): void {
    const type = `event:${event}>${subscriber}`;
    this.queue.register(type, (payload, _job, manager) => handler(payload, manager!), { transactional: true });
    this.subscribers.set(event, [...(this.subscribers.get(event) ?? []), type]);
  }

  /** `key` makes publishing idempotent: the same event key never yields a second delivery. */
  async publish(manager: EntityManager, event: string, payload: Record<string, unknown>, key?: string): Promise<void> {
    for (const type of this.subscribers.get(event) ?? []) {
      await this.queue.enqueue(manager, type, { event, ...payload }, { dedupeKey: key ? `${type}:${key}` : undefined });
    }
  }

  subscribersOf(event: string): readonly string[] {
    return this.subscribers.get(event) ?? [];
  }
}
