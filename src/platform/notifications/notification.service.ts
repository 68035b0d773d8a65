import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../clock/clock.js';
import { Transactions } from '../database/transactions.js';
import { notFound } from '../errors/domain-error.js';
import { PushHub } from '../push/push-hub.service.js';
import { NotificationChannels } from './channels/notification-channels.service.js';
import { Notification } from './notification.entity.js';
import type { MarkedReadDto, NotificationDto, NotificationPageDto, NotificationQueryDto } from './notification.dto.js';

export interface NotificationMessage {
  kind: string;
  title: string;
  body: string;
  link?: string;
}

export interface Recipient {
  userId: string;
  email?: string | null;
}

const toDto = (n: Notification): NotificationDto => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  readAt: n.readAt ? n.readAt.toISOString() : null,
  createdAt: n.createdAt.toISOString(),
});

/** Reaches people in-app, and by email and SMS (as each chose) through the job queue. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly channels: NotificationChannels,
    private readonly push: PushHub,
  ) {}

  /** Written in the caller's transaction: the inbox item exists exactly when the change that caused it does. */
  async notify(manager: EntityManager, recipients: Recipient[], message: NotificationMessage): Promise<void> {
    let firstId: string | null = null;
    for (const recipient of recipients) {
      const inserted = await manager.insert(Notification, {
        userId: recipient.userId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        link: message.link ?? null,
        createdAt: this.clock.now(),
      });
      firstId ??= (inserted.identifiers[0]?.id as string | undefined) ?? null;
    }
    await this.channels.deliver(manager, recipients, message);
    // The shell's unread count and inbox update at once (the kind and the link: no title or body on the wire).
    if (recipients.length > 0) {
      await this.push.publish(manager, {
        topic: 'notification',
        change: 'created',
        id: firstId ?? '',
        audience: { users: [...new Set(recipients.map((r) => r.userId))] },
        data: { kind: message.kind, link: message.link ?? null },
      });
    }
  }

  async listMine(actor: Actor, query: NotificationQueryDto): Promise<NotificationPageDto> {
    return this.transactions.read(async (manager) => {
      const repo = manager.getRepository(Notification);
      const items = await repo.find({
        where: { userId: actor.userId, ...(query.unread ? { readAt: IsNull() } : {}) },
        order: { createdAt: 'DESC' },
        take: query.limit ?? 50,
      });
      const unreadCount = await repo.count({ where: { userId: actor.userId, readAt: IsNull() } });
      return { items: items.map(toDto), unreadCount };
    });
  }

  async markAllRead(actor: Actor): Promise<MarkedReadDto> {
    return this.transactions.run(async (manager) => {
      const result = await manager.update(Notification, { userId: actor.userId, readAt: IsNull() }, { readAt: this.clock.now() });
      const marked = result.affected ?? 0;
      if (marked > 0) await this.push.publish(manager, { topic: 'notification', change: 'read', id: '', audience: { users: [actor.userId] } });
      return { marked };
    });
  }

  async markRead(actor: Actor, id: string): Promise<NotificationDto> {
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(Notification);
      const item = await repo.findOne({ where: { id, userId: actor.userId } });
      if (!item) throw notFound('Notification', '通知');
      if (!item.readAt) {
        item.readAt = this.clock.now();
        await repo.save(item);
        // Other tabs of the same person update their count.
        await this.push.publish(manager, { topic: 'notification', change: 'read', id: item.id, audience: { users: [actor.userId] } });
      }
      return toDto(item);
    });
  }
}
