import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { PreparedRead } from '../../../platform/database/prepared-read.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { Permission, roleHas } from '../../../platform/auth/permissions.js';
import type { RecordAudience } from '../../shared/record-audience.js';
import { staffNames } from '../../shared/viewer.js';
import type { OnlineCounsellingHistoryItemDto } from '../dto/online-counselling.dto.js';
import { Conversation } from '../entities/conversation.entity.js';
import { OnlineMessage } from '../entities/message.entity.js';
import { toMessageDto } from '../online-counselling.mapper.js';

const CONVERSATIONS = new PreparedRead(Conversation, 'e.worker_id = :workerId ORDER BY e.created_at DESC, e.id ASC');

/**
 * The 线上心理疏导 part of a worker's 心理档案, exported for the composed record: each conversation with its messages,
 * for the worker themselves and for clinical staff in scope (others get the conversations without their text). It only
 * reads (call it inside `transactions.read`); the caller audits the disclosure, naming the conversations shown
 * (`onlineConversationsShown`). The caller has already established that `actor` may see `workerId`.
 */
@Injectable()
export class OnlineCounsellingHistoryService {
  constructor(private readonly users: UsersService) {}

  async historyForWorker(manager: EntityManager, actor: Actor, workerId: string, audience: RecordAudience): Promise<OnlineCounsellingHistoryItemDto[]> {
    const conversations = await CONVERSATIONS.many(manager, { workerId });
    if (conversations.length === 0) return [];
    const withText = audience === 'self' || roleHas(actor.role, Permission.OnlineCounsellingRead);
    const messages = withText ? await manager.find(OnlineMessage, { where: { conversationId: In(conversations.map((c) => c.id)) }, order: { seq: 'ASC' } }) : [];
    const names = await staffNames(manager, this.users, [...conversations.map((c) => c.counsellorId), ...messages.map((m) => m.senderUserId ?? '').filter(Boolean)]);
    const side = audience === 'self' ? 'worker' : 'counsellor';
    return conversations.map((c) => {
      const own = messages.filter((m) => m.conversationId === c.id);
      return {
        conversationId: c.id,
        counsellorName: names.get(c.counsellorId) ?? null,
        appointmentId: c.appointmentId,
        status: c.status,
        openedAt: c.opensAt.toISOString(),
        lastMessageAt: c.lastMessageAt ? c.lastMessageAt.toISOString() : null,
        messageCount: c.messageCount,
        ...(side === 'counsellor' && withText ? { crisisFlags: own.filter((m) => m.crisisFlag).length } : {}),
        messages: own.map((m) => toMessageDto(c, m, side, names)),
      };
    });
  }
}

/** Conversations whose messages a record shows: what the audit row of its disclosure must name. */
export function onlineConversationsShown(history: readonly OnlineCounsellingHistoryItemDto[]): string[] {
  return history.filter((c) => c.messages.length > 0).map((c) => c.conversationId);
}
