import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { ConsentsService } from '../../../people/consents/consents.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { forbidden } from '../../../platform/errors/domain-error.js';
import { ownWorkerId } from '../../shared/viewer.js';
import type { ConversationDto, OpenConversationDto, VideoLinkDto } from '../dto/online-counselling.dto.js';
import { Conversation } from '../entities/conversation.entity.js';
import { ConversationAccess } from './conversation-access.service.js';
import { ConversationPush } from './conversation-push.service.js';
import { ConversationViews } from './conversation-views.service.js';

/** An online appointment's conversation opens this long before the appointment starts (a waiting room). */
export const OPENS_BEFORE_MS = 10 * 60_000;

/** Conversations: the worker's own, the counsellor's, opening one from the workbench, closing it, its video link. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: ConversationAccess,
    private readonly scope: AccessScope,
    private readonly consents: ConsentsService,
    private readonly views: ConversationViews,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly push: ConversationPush,
  ) {}

  /** The worker's conversations, latest activity first. */
  mine(actor: Actor): Promise<ConversationDto[]> {
    const workerId = ownWorkerId(actor);
    return this.transactions.read(async (manager) => {
      await this.scope.requireWorker(manager, actor, workerId);
      const rows = await this.ordered(manager).where('c.worker_id = :workerId', { workerId }).getMany();
      return this.views.dtos(manager, rows, 'worker');
    });
  }

  /** The counsellor's own conversations (workers in their scope only), latest activity first; listing is audited. */
  async forCounsellor(actor: Actor): Promise<ConversationDto[]> {
    const list = await this.transactions.read(async (manager) => {
      const qb = this.ordered(manager).where('c.counsellor_id = :me', { me: actor.userId });
      this.scope.whereWorkerInScope(qb, actor, 'c.worker_id');
      return this.views.dtos(manager, await qb.getMany(), 'counsellor');
    });
    await this.audit.recordRead(actor, { action: 'online_conversation.list', resourceType: 'online_conversation', detail: { results: list.length, workerIds: [...new Set(list.map((c) => c.workerId))] } });
    return list;
  }

  /**
   * A counsellor opens a conversation with a worker in scope who consented to counselling (for a case or a desk
   * request). An open conversation of the two that no appointment opened is answered again instead of a second one.
   */
  open(actor: Actor, input: OpenConversationDto): Promise<ConversationDto> {
    return this.transactions.run(async (manager) => {
      const worker = await this.scope.requireWorker(manager, actor, input.workerId);
      await this.consents.require(manager, worker.id, 'counselling');
      const existing = await manager.findOne(Conversation, { where: { workerId: worker.id, counsellorId: actor.userId, appointmentId: IsNull(), status: 'open' } });
      if (existing) return this.views.dto(manager, existing, 'counsellor');
      const conversation = await manager.save(
        manager.create(Conversation, {
          workerId: worker.id,
          orgUnitId: worker.orgUnitId,
          counsellorId: actor.userId,
          appointmentId: null,
          opensAt: this.clock.now(),
          status: 'open',
          videoUrl: input.videoUrl ?? null,
          messageCount: 0,
          lastMessageAt: null,
          workerReadSeq: 0,
          workerReadAt: null,
          counsellorReadSeq: 0,
          counsellorReadAt: null,
        }),
      );
      await this.audit.record(manager, actor, { action: 'online_conversation.open', resourceType: 'online_conversation', resourceId: conversation.id, workerId: worker.id });
      return this.views.dto(manager, conversation, 'counsellor');
    });
  }

  setVideoLink(actor: Actor, conversationId: string, input: VideoLinkDto): Promise<ConversationDto> {
    return this.ownChange(actor, conversationId, 'online_conversation.video_link', (c) => {
      c.videoUrl = input.videoUrl ?? null;
    });
  }

  /** Ends the conversation: both sides keep reading it, nobody can write. */
  close(actor: Actor, conversationId: string): Promise<ConversationDto> {
    return this.ownChange(actor, conversationId, 'online_conversation.close', (c) => {
      c.status = 'closed';
    });
  }

  private ownChange(actor: Actor, conversationId: string, action: string, change: (c: Conversation) => void): Promise<ConversationDto> {
    return this.transactions.run(async (manager) => {
      const { conversation } = await this.access.require(manager, actor, conversationId, true);
      if (conversation.counsellorId !== actor.userId) {
        throw forbidden('NOT_CONVERSATION_COUNSELLOR', '只有本会话的咨询师可以修改会话', 'Only the counsellor of this conversation can change it');
      }
      change(conversation);
      await manager.update(Conversation, { id: conversation.id }, { status: conversation.status, videoUrl: conversation.videoUrl });
      await this.audit.record(manager, actor, { action, resourceType: 'online_conversation', resourceId: conversation.id, workerId: conversation.workerId });
      await this.push.publish(manager, conversation, 'changed');
      return this.views.dto(manager, conversation, 'counsellor');
    });
  }

  private ordered(manager: EntityManager) {
    // NULLs (no message yet) sort by when the conversation opens, newest first.
    return manager
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .addSelect('COALESCE(c.last_message_at, c.opens_at)', 'activity')
      .orderBy('activity', 'DESC')
      .addOrderBy('c.id', 'ASC');
  }
}
