import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock, HOUR } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { EapErrors } from '../eap-errors.js';
import { liveSecrets, rotateSecrets } from '../shared/signing-secret.js';
import { VendorAdmin } from '../shared/vendor-admin.js';
import type { RotateSecretDto, SigningSecretDto } from '../vendors/vendor.dto.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import { DEFAULT_GRACE_HOURS } from '../vendors/vendors.service.js';
import { checkWebhookUrl, DestinationRefused, resolveDestination } from './ssrf.js';
import type { CreatedWebhookEndpointDto, CreateWebhookEndpointDto, DeliveryQueryDto, WebhookDeliveryDto, WebhookEndpointDto } from './webhook-endpoint.dto.js';
import { EapWebhookDelivery } from './webhook-delivery.entity.js';
import { EapWebhookEndpoint } from './webhook-endpoint.entity.js';
import { EapWebhookMessage } from './webhook-message.entity.js';
import { WebhookOutbox } from './webhook-outbox.service.js';
import { WebhookPolicy } from './webhook-policy.js';

const toEndpointDto = (e: EapWebhookEndpoint, now: Date): WebhookEndpointDto => ({
  id: e.id,
  vendorId: e.vendorId,
  url: e.url,
  description: e.description,
  status: e.status,
  disabledAt: e.disabledAt?.toISOString() ?? null,
  disabledReason: e.disabledReason,
  signingSecrets: liveSecrets(e.secrets, now).length,
  createdAt: e.createdAt.toISOString(),
});

/**
 * A vendor's webhook endpoints (root administrators): the URL is checked by the SSRF guard when registered (and again
 * on every delivery); each endpoint has its own signing secret, shown once, rotated with a grace period during which
 * both secrets sign.
 */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly admin: VendorAdmin,
    private readonly policy: WebhookPolicy,
    private readonly audit: AuditService,
    private readonly outbox: WebhookOutbox,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, vendorId: string, input: CreateWebhookEndpointDto): Promise<CreatedWebhookEndpointDto> {
    await this.transactions.read((manager) => this.admin.require(manager, actor));
    const url = await this.checkUrl(input.url);
    return this.transactions.run(async (manager) => {
      await this.admin.require(manager, actor);
      if (!(await manager.exists(EapVendor, { where: { id: vendorId } }))) throw EapErrors.vendorNotFound();
      const now = this.clock.now();
      const { secrets, secret } = rotateSecrets(null, now, 0);
      const endpoint = manager.create(EapWebhookEndpoint, {
        vendorId,
        url: url.toString(),
        description: input.description ?? null,
        secrets,
        status: 'active',
        disabledAt: null,
        disabledReason: null,
        createdBy: actor.userId,
      });
      await manager.save(endpoint);
      await this.audit.record(manager, actor, { action: 'eap_webhook_endpoint.create', resourceType: 'eap_webhook_endpoint', resourceId: endpoint.id, detail: { vendorId } });
      return { ...toEndpointDto(endpoint, now), secret };
    });
  }

  list(actor: Actor, vendorId: string): Promise<WebhookEndpointDto[]> {
    return this.transactions.run(async (manager) => {
      await this.admin.require(manager, actor);
      const endpoints = await manager.find(EapWebhookEndpoint, { where: { vendorId }, order: { createdAt: 'ASC' } });
      const now = this.clock.now();
      return endpoints.map((e) => toEndpointDto(e, now));
    });
  }

  rotateSecret(actor: Actor, id: string, input: RotateSecretDto): Promise<SigningSecretDto> {
    return this.transactions.run(async (manager) => {
      const endpoint = await this.requireEndpoint(manager, actor, id);
      const now = this.clock.now();
      const graceMs = (input.graceHours ?? DEFAULT_GRACE_HOURS) * HOUR;
      const { secrets, secret } = rotateSecrets(endpoint.secrets, now, graceMs);
      endpoint.secrets = secrets;
      await manager.save(endpoint);
      await this.audit.record(manager, actor, { action: 'eap_webhook_endpoint.secret_rotate', resourceType: 'eap_webhook_endpoint', resourceId: endpoint.id });
      return { secret, previousValidUntil: graceMs > 0 ? new Date(now.getTime() + graceMs).toISOString() : null };
    });
  }

  setStatus(actor: Actor, id: string, active: boolean): Promise<WebhookEndpointDto> {
    return this.transactions.run(async (manager) => {
      const endpoint = await this.requireEndpoint(manager, actor, id);
      const now = this.clock.now();
      Object.assign(endpoint, active ? { status: 'active', disabledAt: null, disabledReason: null } : { status: 'disabled', disabledAt: now, disabledReason: 'manual' });
      await manager.save(endpoint);
      await this.audit.record(manager, actor, {
        action: active ? 'eap_webhook_endpoint.enable' : 'eap_webhook_endpoint.disable',
        resourceType: 'eap_webhook_endpoint',
        resourceId: endpoint.id,
      });
      return toEndpointDto(endpoint, now);
    });
  }

  /** The delivery log of an endpoint, newest first: one row per attempt. */
  deliveries(actor: Actor, id: string, query: DeliveryQueryDto): Promise<WebhookDeliveryDto[]> {
    return this.transactions.read(async (manager) => {
      const endpoint = await this.requireEndpoint(manager, actor, id);
      const rows = await manager.find(EapWebhookDelivery, { where: { endpointId: endpoint.id }, order: { attemptedAt: 'DESC' }, take: query.limit ?? 100 });
      const ids = [...new Set(rows.map((r) => r.messageId))];
      const messages = ids.length ? await manager.find(EapWebhookMessage, { where: { id: In(ids) }, select: { id: true, eventType: true, status: true } }) : [];
      const byId = new Map(messages.map((m) => [m.id, m]));
      return rows.map((r) => ({
        messageId: r.messageId,
        eventType: byId.get(r.messageId)?.eventType ?? null,
        messageStatus: byId.get(r.messageId)?.status ?? null,
        attempt: r.attempt,
        outcome: r.outcome,
        statusCode: r.statusCode,
        error: r.error,
        durationMs: r.durationMs,
        attemptedAt: r.attemptedAt.toISOString(),
      }));
    });
  }

  private async checkUrl(raw: string): Promise<URL> {
    try {
      const url = checkWebhookUrl(raw, this.policy.destinations);
      await resolveDestination(url, this.policy.destinations);
      return url;
    } catch (error) {
      if (error instanceof DestinationRefused) throw EapErrors.webhookUrl(error);
      throw error;
    }
  }

  /**
   * Manual redelivery of a message given up after its last attempt (the administrators were told): it is pending
   * again with a fresh run of attempts; consent and the destination are checked again when it is delivered.
   */
  redeliver(actor: Actor, messageId: string): Promise<{ messageId: string; status: 'pending' }> {
    return this.transactions.run(async (manager) => {
      await this.admin.require(manager, actor);
      const message = await manager.findOne(EapWebhookMessage, { where: { id: messageId } });
      if (!message) throw EapErrors.messageNotFound();
      if (message.status !== 'failed') throw EapErrors.notRedeliverable(message.status);
      const endpoint = await this.requireEndpoint(manager, actor, message.endpointId);
      if (endpoint.status !== 'active') throw EapErrors.endpointDisabled();
      await this.outbox.requeue(manager, message);
      await this.audit.record(manager, actor, { action: 'eap_webhook_message.redeliver', resourceType: 'eap_webhook_message', resourceId: message.id, workerId: message.workerId });
      return { messageId: message.id, status: 'pending' as const };
    });
  }

  private async requireEndpoint(manager: EntityManager, actor: Actor, id: string): Promise<EapWebhookEndpoint> {
    await this.admin.require(manager, actor);
    const endpoint = await manager.findOne(EapWebhookEndpoint, { where: { id } });
    if (!endpoint) throw EapErrors.endpointNotFound();
    return endpoint;
  }
}
