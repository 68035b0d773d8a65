import { performance } from 'node:perf_hooks';
import type { Counter } from 'prom-client';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConsentsService } from '../../people/consents/consents.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import type { Job } from '../../platform/jobs/job.entity.js';
import { JobQueue, PermanentJobFailure } from '../../platform/jobs/job-queue.service.js';
import { Metrics } from '../../platform/metrics/metrics.service.js';
import { liveSecrets } from '../shared/signing-secret.js';
import { postWebhook } from './http-post.js';
import { checkWebhookUrl, DestinationRefused, resolveDestination } from './ssrf.js';
import { signedHeaders } from './standard-webhooks.js';
import { parseRetryAfter, WebhookAttemptFailed, webhookRetryDelayMs } from './webhook-backoff.js';
import { WebhookGiveUp } from './webhook-give-up.js';
import { EapWebhookDelivery, type DeliveryOutcome } from './webhook-delivery.entity.js';
import { EapWebhookEndpoint } from './webhook-endpoint.entity.js';
import { EapWebhookMessage, type MessageStatus } from './webhook-message.entity.js';
import { WEBHOOK_DELIVERY_JOB } from './webhook-outbox.service.js';
import { WebhookPolicy } from './webhook-policy.js';

interface Attempt {
  outcome: DeliveryOutcome;
  statusCode?: number | null;
  error?: string | null;
  durationMs?: number | null;
}

/**
 * Delivers outbox messages (an external job handler: the HTTP call runs outside any transaction, and a delivery that
 * reached the vendor but crashed before being marked done is sent again with the same `webhook-id`, which the vendor
 * dedupes on). Each attempt: re-check the message and, for messages with the worker's data, their consent; SSRF-check
 * the resolved address; sign with every live secret; POST; log the attempt. 2xx delivers; 410 disables the endpoint;
 * anything else retries with backoff and jitter until the last attempt.
 */
@Injectable()
export class WebhookDelivery implements OnModuleInit {
  private readonly logger = new Logger(WebhookDelivery.name);
  /** Every logged attempt by outcome (counted in this process; Prometheus sums the instances). */
  private readonly outcomes: Counter<'outcome'>;

  constructor(
    private readonly transactions: Transactions,
    private readonly queue: JobQueue,
    private readonly consents: ConsentsService,
    private readonly policy: WebhookPolicy,
    private readonly giveUp: WebhookGiveUp,
    private readonly clock: Clock,
    metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('xingang_webhook_deliveries_total', 'EAP webhook delivery attempts by outcome / Webhook 投递结果', ['outcome']);
  }

  onModuleInit(): void {
    this.queue.register(WEBHOOK_DELIVERY_JOB, (payload, job) => this.deliver(String(payload.messageId), job), {
      transactional: false,
      retryDelayMs: (attempt, error) => webhookRetryDelayMs(attempt, error instanceof WebhookAttemptFailed ? error.hint : {}),
    });
  }

  async deliver(messageId: string, job: Job): Promise<void> {
    const state = await this.transactions.read(async (manager) => {
      const message = await manager.findOne(EapWebhookMessage, { where: { id: messageId } });
      if (!message || message.status !== 'pending') return null;
      const endpoint = await manager.findOne(EapWebhookEndpoint, { where: { id: message.endpointId } });
      const consented = !message.carriesData || !message.workerId || (await this.consents.isGranted(manager, message.workerId, 'eap_referral', message.vendorId));
      return { message, endpoint, consented };
    });
    if (!state) return;
    const { message, endpoint, consented } = state;
    const attempt = job.attempts;
    if (!consented) return this.finish(message, attempt, 'cancelled', { outcome: 'cancelled', error: 'consent withdrawn / 职工已撤回同意' });
    if (!endpoint || endpoint.status !== 'active') return this.finish(message, attempt, 'failed', { outcome: 'refused', error: 'endpoint disabled' });

    let url: URL;
    let destination;
    try {
      url = checkWebhookUrl(endpoint.url, this.policy.destinations);
      destination = await resolveDestination(url, this.policy.destinations);
    } catch (error) {
      if (!(error instanceof DestinationRefused)) throw error;
      await this.finish(message, attempt, 'failed', { outcome: 'refused', error: error.message });
      throw new PermanentJobFailure(`webhook destination refused: ${error.message}`);
    }

    const now = this.clock.now();
    const headers = signedHeaders(liveSecrets(endpoint.secrets, now), message.id, Math.floor(now.getTime() / 1000), message.body);
    const started = performance.now();
    let status: number;
    let retryAfter: string | undefined;
    try {
      ({ status, retryAfter } = await postWebhook(url, destination, { ...headers }, message.body, this.policy.timeoutMs));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.failed(message, job, { outcome: 'failed', error: reason, durationMs: Math.round(performance.now() - started) });
      throw new WebhookAttemptFailed(`webhook to ${url.host} failed: ${reason}`, {}, { cause: error });
    }
    const durationMs = Math.round(performance.now() - started);
    if (status >= 200 && status < 300) return this.finish(message, attempt, 'delivered', { outcome: 'delivered', statusCode: status, durationMs });
    if (status === 410) {
      await this.finish(message, attempt, 'failed', { outcome: 'gone', statusCode: status, durationMs, error: 'endpoint answered 410 Gone: disabled' }, (manager) =>
        manager.update(EapWebhookEndpoint, { id: endpoint.id }, { status: 'disabled', disabledAt: now, disabledReason: 'gone (HTTP 410)' }),
      );
      this.logger.warn(`webhook endpoint ${endpoint.id} answered 410: disabled`);
      throw new PermanentJobFailure(`endpoint ${endpoint.id} answered 410 Gone and was disabled`);
    }
    await this.failed(message, job, { outcome: 'failed', statusCode: status, durationMs, error: `HTTP ${status}` });
    throw new WebhookAttemptFailed(`webhook to ${url.host} answered HTTP ${status}`, { statusCode: status, retryAfterMs: parseRetryAfter(retryAfter, this.clock.now()) });
  }

  /**
   * A failed attempt: logged; the message gives up with the job's last attempt, and then the contract's administrators
   * are told (in the same transaction) so that someone redelivers it once the vendor is back.
   */
  private failed(message: EapWebhookMessage, job: Job, attempt: Attempt): Promise<void> {
    const last = job.attempts >= job.maxAttempts;
    return this.finish(message, job.attempts, last ? 'failed' : 'pending', attempt, last ? (manager) => this.giveUp.tell(manager, message) : undefined);
  }

  /** Logs the attempt and moves the message, in one transaction (plus any extra change, e.g. disabling the endpoint). */
  private async finish(
    message: EapWebhookMessage,
    attempt: number,
    status: MessageStatus,
    log: Attempt,
    extra?: (manager: EntityManager) => Promise<unknown>,
  ): Promise<void> {
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      await manager.insert(EapWebhookDelivery, {
        messageId: message.id,
        endpointId: message.endpointId,
        attempt,
        outcome: log.outcome,
        statusCode: log.statusCode ?? null,
        error: log.error?.slice(0, 500) ?? null,
        durationMs: log.durationMs ?? null,
        attemptedAt: now,
      });
      await manager.update(EapWebhookMessage, { id: message.id, status: 'pending' }, {
        status,
        attempts: attempt,
        lastError: log.outcome === 'delivered' ? null : (log.error?.slice(0, 500) ?? null),
        finishedAt: status === 'pending' ? null : now,
      });
      if (extra) await extra(manager);
    });
    this.outcomes.inc({ outcome: log.outcome });
  }
}
