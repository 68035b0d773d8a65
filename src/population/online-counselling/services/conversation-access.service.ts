import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { DIALECT } from '../../../platform/database/dialect.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { ownWorkerId } from '../../shared/viewer.js';
import { Conversation } from '../entities/conversation.entity.js';
import type { Side } from '../online-counselling.mapper.js';

/**
 * Who may reach a conversation, in one place: the worker (their own only), its counsellor, or clinical staff whose
 * subtree holds the worker (supervision). Anything else is 404, so existence is not revealed.
 */
/** Senders lock the conversation on PostgreSQL (its message count numbers the next message); SQLite writes one at a time. */
const FOR_UPDATE = DIALECT === 'postgres' ? ({ lock: { mode: 'pessimistic_write' } } as const) : {};

@Injectable()
export class ConversationAccess {
  constructor(private readonly scope: AccessScope) {}

  async require(manager: EntityManager, actor: Actor, conversationId: string, lock = false): Promise<{ conversation: Conversation; side: Side }> {
    const conversation = await manager.findOne(Conversation, { where: { id: conversationId }, ...(lock ? FOR_UPDATE : {}) });
    if (!conversation) throw notFound('Conversation', '该会话');
    if (actor.role === 'worker') {
      if (conversation.workerId !== ownWorkerId(actor)) throw notFound('Conversation', '该会话');
      await this.scope.requireWorker(manager, actor, conversation.workerId);
      return { conversation, side: 'worker' };
    }
    if (conversation.counsellorId !== actor.userId) await this.scope.requireWorker(manager, actor, conversation.workerId);
    return { conversation, side: 'counsellor' };
  }
}
