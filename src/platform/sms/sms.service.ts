import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { In, MoreThan, type EntityManager } from 'typeorm';
import { Clock, HOUR } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { SmsGateway, SmsGatewayError } from './sms-gateway.js';
import { SmsMessage, SmsOptOut, type SmsStatus } from './sms-message.entity.js';
import { renderSms, type SmsTemplate } from './sms-templates.js';
import { mobileLookupHash, normaliseMobile } from './phone-numbers.js';

export const SMS_JOB = 'sms.send';
/** Attempts before a message is given up as failed (the gateway was down for about an hour). */
const MAX_ATTEMPTS = 8;

export interface SmsRequest {
  /** Any common way of writing a mainland mobile number; anything else is refused as `invalid_number`. */
  phone: string;
  userId?: string | null;
  template: SmsTemplate;
  params?: Record<string, string>;
  /** `code`: a verification code the person asked for (sent even to an opted-out number). */
  purpose: 'notice' | 'code';
}

export interface SmsQueued {
  id: string | null;
  status: SmsStatus;
  reason: string | null;
}

/** Queues texts in the caller's transaction (the outbox), limits them per number, and sends them from the job queue. */
@Injectable()
export class SmsService implements OnModuleInit {
  private readonly logger = new Logger(SmsService.name);

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly queue: JobQueue,
    private readonly gateway: SmsGateway,
    private readonly transactions: Transactions,
  ) {}

  onModuleInit(): void {
    this.queue.register(SMS_JOB, (payload) => this.deliver(String(payload.messageId)), {
      transactional: false,
      retryDelayMs: (attempt) => Math.min(30_000 * 2 ** (attempt - 1), 15 * 60_000),
    });
  }

  hashOf(mobile: string): string {
    return mobileLookupHash(mobile);
  }

  /**
   * Records the message (refused ones too, so staff see why a worker got nothing) and enqueues its sending. A
   * number over its hourly or daily limit, or opted out of notices, is refused without contacting the gateway.
   */
  async queueSms(manager: EntityManager, request: SmsRequest): Promise<SmsQueued> {
    const mobile = normaliseMobile(request.phone);
    if (!mobile) return { id: null, status: 'refused', reason: 'invalid_number' };
    const phoneHash = this.hashOf(mobile);
    const reason = (await this.refusal(manager, phoneHash, request.purpose)) ?? (this.gateway.configured ? null : 'no_gateway');
    const status: SmsStatus = reason ? 'refused' : 'queued';
    const row = await manager.save(
      manager.create(SmsMessage, {
        userId: request.userId ?? null,
        phoneHash,
        phone: mobile,
        template: request.template,
        body: renderSms(request.template, request.params),
        status,
        reason,
        attempts: 0,
        providerMessageId: null,
        sentAt: null,
        deliveredAt: null,
        createdAt: this.clock.now(),
      }),
    );
    if (status === 'queued') await this.queue.enqueue(manager, SMS_JOB, { messageId: row.id }, { maxAttempts: MAX_ATTEMPTS });
    return { id: row.id, status, reason };
  }

  /** How many texts a number got (queued or sent) since a moment: the per-number limits and the code cooldown. */
  countSince(manager: EntityManager, phoneHash: string, since: Date, templates?: SmsTemplate[]): Promise<number> {
    return manager.count(SmsMessage, {
      where: { phoneHash, createdAt: MoreThan(since), status: In(['queued', 'sent', 'delivered']), ...(templates ? { template: In(templates) } : {}) },
    });
  }

  /** Texts a number got (queued or sent) in the last hour and the last day, in one indexed range read. */
  private async recentCounts(manager: EntityManager, phoneHash: string): Promise<{ hour: number; day: number }> {
    const now = this.clock.now().getTime();
    const row = await manager
      .getRepository(SmsMessage)
      .createQueryBuilder('s')
      .select('COUNT(*)', 'day')
      .addSelect('COALESCE(SUM(CASE WHEN s.created_at > :hourAgo THEN 1 ELSE 0 END), 0)', 'hour')
      .where('s.phone_hash = :phoneHash AND s.created_at > :dayAgo', { phoneHash, dayAgo: new Date(now - 24 * HOUR), hourAgo: new Date(now - HOUR) })
      .andWhere('s.status IN (:...live)', { live: ['queued', 'sent', 'delivered'] })
      .getRawOne<{ day: string | number; hour: string | number }>();
    return { hour: Number(row?.hour ?? 0), day: Number(row?.day ?? 0) };
  }

  optOut(manager: EntityManager, phoneHash: string, source: 'reply' | 'owner'): Promise<unknown> {
    return manager.upsert(SmsOptOut, { phoneHash, source, createdAt: this.clock.now() }, ['phoneHash']);
  }

  optIn(manager: EntityManager, phoneHash: string): Promise<unknown> {
    return manager.delete(SmsOptOut, { phoneHash });
  }

  isOptedOut(manager: EntityManager, phoneHash: string): Promise<boolean> {
    return manager.exists(SmsOptOut, { where: { phoneHash } });
  }

  private async refusal(manager: EntityManager, phoneHash: string, purpose: SmsRequest['purpose']): Promise<string | null> {
    if (purpose === 'notice' && (await this.isOptedOut(manager, phoneHash))) return 'opted_out';
    const { hour, day } = await this.recentCounts(manager, phoneHash);
    if (hour >= this.config.get('SMS_NUMBER_HOURLY_LIMIT', { infer: true }) || day >= this.config.get('SMS_NUMBER_DAILY_LIMIT', { infer: true })) {
      return 'number_limit';
    }
    return null;
  }

  /** The job: sends one queued message. Idempotent on our message id (a gateway dedupes a retried send by it). */
  private async deliver(messageId: string): Promise<void> {
    const message = await this.transactions.read((m) => m.findOne(SmsMessage, { where: { id: messageId } }));
    if (!message || message.status !== 'queued') return;
    const attempts = message.attempts + 1;
    try {
      const { providerMessageId } = await this.gateway.send({ messageId, to: message.phone, text: message.body });
      await this.transactions.run((m) =>
        m.update(SmsMessage, { id: messageId, status: 'queued' }, { status: 'sent', attempts, providerMessageId, sentAt: this.clock.now(), reason: null }),
      );
    } catch (error) {
      const permanent = error instanceof SmsGatewayError && error.permanent;
      const last = permanent || attempts >= MAX_ATTEMPTS;
      const reason = (error as Error).message.slice(0, 200);
      await this.transactions.run((m) => m.update(SmsMessage, { id: messageId, status: 'queued' }, { attempts, reason, ...(last ? { status: 'failed' } : {}) }));
      this.logger.warn(`sms ${messageId} attempt ${attempts} failed: ${reason}`);
      if (!last) throw error;
    }
  }
}
