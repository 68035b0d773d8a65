import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { QueryFailedError } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { Clock, MINUTE } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { InboundErrors } from '../eap-errors.js';
import { liveSecrets } from '../shared/signing-secret.js';
import { OutcomesService } from '../vendor-api/outcomes.service.js';
import type { OutcomeResultDto } from '../vendor-api/vendor-api.dto.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import { verify } from '../webhooks-out/standard-webhooks.js';
import { parseInboundEvent } from './inbound-event.js';
import { EapInboundWebhook, type InboundOutcome } from './inbound-webhook.entity.js';

export interface InboundRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | undefined;
  ip: string | null;
}

export class InboundResultDto {
  webhookId: string;
  result: OutcomeResultDto;
}

/** Refusals anyone could cause without the vendor's secret. */
const UNAUTHENTICATED: readonly InboundOutcome[] = ['bad_signature', 'stale_timestamp', 'future_timestamp'];
export const REFUSALS_LOGGED_PER_MINUTE = 10;

const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError && ((error.driverError as { code?: string } | undefined)?.code === '23505' || /UNIQUE constraint failed/.test(error.message));

/**
 * Webhooks from vendors (`POST /vendor/webhooks/{vendorId}`), verified as Standard Webhooks with the vendor's inbound
 * secret before anything in the body is trusted: a bad signature or a timestamp more than 5 minutes off is refused (401),
 * a `webhook-id` already processed is refused (409). Refusals are logged in `eap_inbound_webhooks` in their own
 * committed transaction, but an unauthenticated caller must not be able to fill the table: a refusal for a vendor that
 * does not exist is not stored at all (only counted in the application log), and of the unauthenticated refusals for
 * a real vendor (bad signature, stale or future timestamp) the first REFUSALS_LOGGED_PER_MINUTE a minute are stored
 * row by row and the rest as one `suppressed` row with their number. Refusals of a correctly signed request (replayed,
 * malformed, rejected) are the vendor's own and always stored. An accepted event is applied like an API report, in
 * the same transaction as its log row.
 */
@Injectable()
export class WebhooksInService {
  private readonly logger = new Logger(WebhooksInService.name);
  /** Per vendor, the current minute of unauthenticated refusals (per app instance: a ceiling, not an exact count). */
  private readonly windows = new LRUCache<string, { startedAt: number; logged: number; suppressed: number }>({ max: 10_000 });
  private unknownVendorRefusals = 0;

  constructor(
    private readonly transactions: Transactions,
    private readonly outcomes: OutcomesService,
    private readonly clock: Clock,
  ) {}

  async receive(vendorId: string, request: InboundRequest): Promise<InboundResultDto> {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const webhookId = header('webhook-id')?.slice(0, 200) ?? null;
    const now = this.clock.now();
    const refuse = async (outcome: InboundOutcome, error: DomainError, eventType: string | null = null): Promise<never> => {
      if (!UNAUTHENTICATED.includes(outcome) || (await this.admitUnauthenticated(vendorId, now))) {
        await this.log(vendorId, webhookId, outcome, error.code, request.ip, eventType);
        this.logger.warn(`inbound webhook from vendor ${vendorId} refused: ${outcome}`);
      }
      throw error;
    };

    const vendor = await this.transactions.read((manager) => manager.findOne(EapVendor, { where: { id: vendorId } }));
    if (!vendor) {
      // Anyone can post to any id: nothing is stored, so refusals cannot fill the table; the log shows the count.
      if (++this.unknownVendorRefusals % 1000 === 1) this.logger.warn(`inbound webhooks for unknown vendors refused: ${this.unknownVendorRefusals}`);
      throw InboundErrors.signature();
    }
    const check = verify({
      secrets: liveSecrets(vendor.inboundSecrets, now),
      id: header('webhook-id'),
      timestamp: header('webhook-timestamp'),
      signature: header('webhook-signature'),
      body: request.rawBody ?? Buffer.alloc(0),
      nowSeconds: Math.floor(now.getTime() / 1000),
    });
    if (!check.ok) {
      if (check.reason === 'stale_timestamp' || check.reason === 'future_timestamp') return refuse(check.reason, InboundErrors.stale());
      return refuse('bad_signature', InboundErrors.signature());
    }
    const event = parseInboundEvent(request.rawBody!);
    if (typeof event === 'string') return refuse('malformed', InboundErrors.malformed(event));
    const acceptedKey = `${vendorId}:${webhookId}`;
    if (await this.transactions.read((manager) => manager.exists(EapInboundWebhook, { where: { acceptedKey } })))
      return refuse('replayed', InboundErrors.replayed(), event.type);

    const actor: Actor = { userId: vendor.id, username: `vendor:${vendor.id}`, role: 'vendor', orgUnitId: '', workerId: null, ip: request.ip, vendorId: vendor.id };
    try {
      return await this.transactions.run(async (manager) => {
        await manager.insert(EapInboundWebhook, { vendorId, webhookId, eventType: event.type, outcome: 'accepted', reason: null, ip: request.ip, acceptedKey, createdAt: now });
        const report = { type: event.outcome, sessionNumber: event.sessionNumber, occurredAt: event.occurredAt, note: event.note };
        const result = await this.outcomes.apply(manager, actor, event.referralId, report, 'vendor_webhook');
        return { webhookId: webhookId!, result };
      });
    } catch (error) {
      if (isUniqueViolation(error)) return refuse('replayed', InboundErrors.replayed(), event.type);
      if (error instanceof DomainError) await this.log(vendorId, webhookId, 'rejected', error.code, request.ip, event.type);
      throw error;
    }
  }

  /**
   * Whether this unauthenticated refusal is stored row by row: the first REFUSALS_LOGGED_PER_MINUTE of a vendor's
   * minute are; the rest are counted, and the count is stored as one `suppressed` row when the next minute begins.
   */
  private async admitUnauthenticated(vendorId: string, now: Date): Promise<boolean> {
    const window = this.windows.get(vendorId);
    if (window && now.getTime() - window.startedAt < MINUTE) {
      if (window.logged < REFUSALS_LOGGED_PER_MINUTE) {
        window.logged++;
        return true;
      }
      window.suppressed++;
      return false;
    }
    if (window && window.suppressed > 0) {
      await this.log(vendorId, null, 'suppressed', `${window.suppressed} refusals not logged one by one / 未逐条记录的拒绝 ${window.suppressed} 次`, null, null);
    }
    this.windows.set(vendorId, { startedAt: now.getTime(), logged: 1, suppressed: 0 });
    return true;
  }

  private log(vendorId: string, webhookId: string | null, outcome: InboundOutcome, reason: string, ip: string | null, eventType: string | null): Promise<void> {
    return this.transactions.run(async (manager) => {
      await manager.insert(EapInboundWebhook, { vendorId, webhookId, eventType, outcome, reason, ip, acceptedKey: null, createdAt: this.clock.now() });
    });
  }
}
