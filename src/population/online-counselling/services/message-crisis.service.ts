import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { forbidden, notFound } from '../../../platform/errors/domain-error.js';
import { DomainEvents } from '../../../platform/jobs/domain-events.js';
import type { CrisisCaseRequestedDto, MessageCrisisCaseDto } from '../dto/online-counselling.dto.js';
import { OnlineMessage } from '../entities/message.entity.js';
import { ONLINE_COUNSELLING_CRISIS_FLAGGED, type OnlineCrisisFlaggedEvent } from '../online-counselling-events.js';
import { ConversationAccess } from './conversation-access.service.js';

/**
 * A counsellor opens a crisis case from a worker's message: 面 publishes online_counselling.crisis_flagged through
 * the outbox and the individual tier (点) opens the case (or joins the worker's open one), once per message.
 */
@Injectable()
export class MessageCrisisService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: ConversationAccess,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  requestCase(actor: Actor, messageId: string, input: MessageCrisisCaseDto): Promise<CrisisCaseRequestedDto> {
    return this.transactions.run(async (manager) => {
      const message = await manager.findOne(OnlineMessage, { where: { id: messageId } });
      if (!message) throw notFound('Message', '该消息');
      const { conversation } = await this.access.require(manager, actor, message.conversationId);
      if (message.sender !== 'worker') throw notFound('Message', '该消息');
      if (conversation.counsellorId !== actor.userId) {
        throw forbidden('NOT_CONVERSATION_COUNSELLOR', '只有本会话的咨询师可以从消息开启危机个案', 'Only the counsellor of this conversation can open a case from its messages');
      }
      if (message.crisisCaseRequestedAt) {
        return { messageId, level: input.level, requestedAt: message.crisisCaseRequestedAt.toISOString(), created: false };
      }
      const now = this.clock.now();
      await manager.update(OnlineMessage, { id: message.id }, { crisisCaseRequestedAt: now });
      await this.audit.record(manager, actor, {
        action: 'online_message.crisis_case',
        resourceType: 'online_message',
        resourceId: message.id,
        workerId: conversation.workerId,
        detail: { conversationId: conversation.id, level: input.level, crisisFlag: message.crisisFlag },
      });
      const event: OnlineCrisisFlaggedEvent = {
        messageId: message.id,
        conversationId: conversation.id,
        workerId: conversation.workerId,
        orgUnitId: conversation.orgUnitId,
        counsellorId: actor.userId,
        level: input.level,
        matchedCrisisLanguage: message.crisisFlag,
        occurredAt: now.toISOString(),
      };
      await this.events.publish(manager, ONLINE_COUNSELLING_CRISIS_FLAGGED, { ...event }, message.id);
      return { messageId, level: input.level, requestedAt: now.toISOString(), created: true };
    });
  }
}
