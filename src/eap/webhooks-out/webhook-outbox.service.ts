import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { JobQueue } from '../../platform/jobs/job-queue.service.js';
import { webhookBody } from '../referrals-out/shared-data.js';
import { newMessageId } from './standard-webhooks.js';
import { WEBHOOK_MAX_ATTEMPTS } from './webhook-backoff.js';
import { EapWebhookDelivery } from './webhook-delivery.entity.js';
import { EapWebhookEndpoint } from './webhook-endpoint.entity.js';
import { EapWebhookMessage } from './webhook-message.entity.js';

export const WEBHOOK_DELIVERY_JOB = 'eap.webhook.deliver';
export const deliveryJobKey = (messageId: string) => `${WEBHOOK_DELIVERY_JOB}:${messageId}`;

export interface OutgoingEvent {
  vendorId: string;
  referralId: string | null;
  workerId: string | null;
  /** e.g. referral.created, referral.withdrawn. */
  type: string;
  data: Record<string, unknown>;
  /** The data includes the worker's information (delivered only while their consent stands). */
  carriesData: boolean;
}

/**
 * The webhook outbox: an event becomes one message per active endpoint of the vendor, and one delivery job per
 * message, both in the caller's transaction, so a webhook exists exactly when the change it reports does and survives
 * a crash. The job carries only the message id; the body stays encrypted in the message row.
 */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  async enqueue(manager: EntityManager, event: OutgoingEvent): Promise<string[]> {
    const endpoints = await manager.find(EapWebhookEndpoint, { where: { vendorId: event.vendorId, status: 'active' }, select: { id: true } });
    const now = this.clock.now();
    const body = webhookBody(event.type, now, event.data);
    const ids: string[] = [];
    for (const endpoint of endpoints) {
      const id = newMessageId();
      await manager.insert(EapWebhookMessage, {
        id,
        vendorId: event.vendorId,
        endpointId: endpoint.id,
        referralId: event.referralId,
        workerId: event.workerId,
        eventType: event.type,
        carriesData: event.carriesData,
        body,
        status: 'pending',
        attempts: 0,
        lastError: null,
        createdAt: now,
        finishedAt: null,
      });
      await this.queue.enqueue(manager, WEBHOOK_DELIVERY_JOB, { messageId: id }, { maxAttempts: WEBHOOK_MAX_ATTEMPTS, dedupeKey: deliveryJobKey(id) });
      ids.push(id);
    }
    return ids;
  }

  /** A given-up message back in the outbox with a fresh run of attempts (manual redelivery). */
  async requeue(manager: EntityManager, message: EapWebhookMessage): Promise<void> {
    const now = this.clock.now();
    await manager.update(EapWebhookMessage, { id: message.id, status: 'failed' }, { status: 'pending', finishedAt: null });
    await this.queue.enqueue(manager, WEBHOOK_DELIVERY_JOB, { messageId: message.id }, { maxAttempts: WEBHOOK_MAX_ATTEMPTS, dedupeKey: `${deliveryJobKey(message.id)}:${now.getTime()}` });
  }

  /**
   * Cancels what is still waiting to go to the vendor with this worker's data (consent withdrawn, or one referral
   * withdrawn): the messages are marked cancelled with a row in the delivery log, and their pending jobs removed.
   * Returns how many.
   */
  async cancelCarryingData(manager: EntityManager, workerId: string, vendorId: string, referralId?: string): Promise<number> {
    const pending = await manager.find(EapWebhookMessage, {
      where: { workerId, vendorId, status: 'pending', carriesData: true, ...(referralId ? { referralId } : {}) },
    });
    const now = this.clock.now();
    for (const message of pending) {
      await manager.update(EapWebhookMessage, { id: message.id, status: 'pending' }, { status: 'cancelled', finishedAt: now, lastError: 'consent withdrawn' });
      await this.queue.cancel(manager, deliveryJobKey(message.id));
      await manager.insert(EapWebhookDelivery, {
        messageId: message.id,
        endpointId: message.endpointId,
        attempt: message.attempts,
        outcome: 'cancelled',
        statusCode: null,
        error: 'consent withdrawn / 职工已撤回同意',
        durationMs: null,
        attemptedAt: now,
      });
    }
    return pending.length;
  }
}
