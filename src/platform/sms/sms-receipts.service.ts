import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { DomainError, badRequest } from '../errors/domain-error.js';
import { SmsMessage } from './sms-message.entity.js';
import { OPT_OUT_REPLY } from './sms-templates.js';
import { verifySmsSignature } from './sms-signature.js';
import { SmsService } from './sms.service.js';
import { normaliseMobile } from './phone-numbers.js';

export interface SignedCall {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | undefined;
}

const badSignature = () => new DomainError(401, 'SMS_SIGNATURE_INVALID', '短信网关签名无效或已过期', 'SMS gateway signature invalid or stale');

/** What the gateway tells us: delivery receipts, and replies such as TD (opt out). Both signed; refusals not stored. */
@Injectable()
export class SmsReceiptsService {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly sms: SmsService,
  ) {}

  async receipt(call: SignedCall): Promise<void> {
    const body = this.verified(call) as { id?: unknown; status?: unknown; error?: unknown };
    if (typeof body.id !== 'string' || !['delivered', 'failed'].includes(String(body.status))) {
      throw badRequest('SMS_RECEIPT_INVALID', '回执须含 id 与 status（delivered 或 failed）', 'A receipt needs id and status (delivered or failed)');
    }
    const id = body.id;
    const delivered = body.status === 'delivered';
    await this.transactions.run((m) =>
      // Only a sent message moves on: a late or repeated receipt never revives a failed one or moves it twice.
      m.update(SmsMessage, { id, status: 'sent' }, delivered
        ? { status: 'delivered', deliveredAt: this.clock.now() }
        : { status: 'failed', reason: typeof body.error === 'string' ? body.error.slice(0, 200) : 'undelivered' }),
    );
  }

  async inbound(call: SignedCall): Promise<{ optedOut: boolean }> {
    const body = this.verified(call) as { from?: unknown; text?: unknown };
    const mobile = typeof body.from === 'string' ? normaliseMobile(body.from) : null;
    if (!mobile || typeof body.text !== 'string') {
      throw badRequest('SMS_INBOUND_INVALID', '上行短信须含 from 与 text', 'An inbound message needs from and text');
    }
    if (!OPT_OUT_REPLY.test(body.text)) return { optedOut: false };
    await this.transactions.run((m) => this.sms.optOut(m, this.sms.hashOf(mobile), 'reply'));
    return { optedOut: true };
  }

  private verified(call: SignedCall): unknown {
    const raw = call.rawBody?.toString('utf8') ?? '';
    const header = (name: string) => {
      const value = call.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const secret = this.config.get('SMS_GATEWAY_SECRET', { infer: true });
    // Freshness is about the network, not business time: real seconds, not the injectable clock.
    const ok = secret !== '' && verifySmsSignature(secret, { timestamp: header('x-sms-timestamp'), signature: header('x-sms-signature') }, raw, Math.floor(Date.now() / 1000));
    if (!ok) throw badSignature();
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw badRequest('SMS_BODY_INVALID', '请求体不是 JSON', 'The body is not JSON');
    }
  }
}
