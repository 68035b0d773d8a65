import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { Transactions } from '../database/transactions.js';
import { SmsMessage, type SmsStatus } from './sms-message.entity.js';
import type { SmsMessageDto, SmsMessageQueryDto } from './sms.dto.js';
import { maskMobile } from './phone-numbers.js';

const toDto = (m: SmsMessage): SmsMessageDto => ({
  id: m.id,
  to: maskMobile(m.phone),
  template: m.template,
  status: m.status as SmsStatus,
  reason: m.reason,
  attempts: m.attempts,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
  deliveredAt: m.deliveredAt?.toISOString() ?? null,
});

/** Delivery status for administrators: what went out, what the gateway refused, what a limit held back. */
@Injectable()
export class SmsLogService {
  constructor(private readonly transactions: Transactions) {}

  // The texts themselves (codes) are never listed: status is what operations need.
  list(_actor: Actor, query: SmsMessageQueryDto): Promise<SmsMessageDto[]> {
    return this.transactions.read(async (manager) => {
      const rows = await manager.find(SmsMessage, {
        where: query.status ? { status: query.status } : {},
        order: { createdAt: 'DESC' },
        take: query.limit ?? 50,
      });
      return rows.map(toDto);
    });
  }
}
