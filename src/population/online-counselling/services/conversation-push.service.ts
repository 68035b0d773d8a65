import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../../../people/users/users.service.js';
import { PushHub } from '../../../platform/push/push-hub.service.js';
import type { Conversation } from '../entities/conversation.entity.js';

/** How a conversation changed, as its open threads hear it: a message, a read receipt, the conversation itself. */
export type ConversationChange = 'message' | 'read' | 'changed';

/**
 * Server push for 线上心理疏导: an open thread reloads when the other side writes or reads, instead of polling. The
 * audience is the conversation's two participants only (the worker's account and its counsellor), never the unit's
 * staff; the event carries the conversation id and message numbers, never text, so the thread fetches what changed
 * through the API (scope checked, the read audited).
 */
@Injectable()
export class ConversationPush {
  constructor(
    private readonly hub: PushHub,
    private readonly users: UsersService,
  ) {}

  async publish(manager: EntityManager, conversation: Conversation, change: ConversationChange, data: Record<string, string | number> = {}): Promise<void> {
    const worker = await this.users.findByWorker(manager, conversation.workerId);
    const users = [conversation.counsellorId, ...(worker?.active ? [worker.id] : [])];
    await this.hub.publish(manager, { topic: 'online_conversation', change, id: conversation.id, audience: { users }, data });
  }
}
