import { Injectable } from '@nestjs/common';
import { MoreThan, type EntityManager } from 'typeorm';
import { ConsentsService } from '../../../people/consents/consents.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest, conflict, forbidden } from '../../../platform/errors/domain-error.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { recipientOf, staffNames } from '../../shared/viewer.js';
import { hasCrisisLanguage } from '../domain/crisis-language.js';
import type { ConversationMessagesDto, MessagesQueryDto, SendMessageDto, SentMessagesDto } from '../dto/online-counselling.dto.js';
import { Conversation } from '../entities/conversation.entity.js';
import { OnlineMessage, type MessageSender } from '../entities/message.entity.js';
import { toMessageDto, type Side } from '../online-counselling.mapper.js';
import { OnlineCounsellingSettings } from '../online-counselling.settings.js';
import { ConversationAccess } from './conversation-access.service.js';
import { ConversationPush } from './conversation-push.service.js';
import { ConversationViews } from './conversation-views.service.js';
import { OfficeHoursService } from './office-hours.service.js';


/**
 * 线上心理疏导 messages: sending (consent, office-hours auto-reply, crisis-language flag, a notice to the other side)
 * and reading (every disclosure audited, read receipts). Text is encrypted at rest by the entity.
 */
@Injectable()
export class MessagesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: ConversationAccess,
    private readonly views: ConversationViews,
    private readonly officeHours: OfficeHoursService,
    private readonly consents: ConsentsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly settings: OnlineCounsellingSettings,
    private readonly clock: Clock,
    private readonly push: ConversationPush,
  ) {}

  /**
   * Messages after `after` (what a thread fetches when pushed, or first opens). A fetch that shows nothing writes nothing; one that shows messages is audited with
   * their numbers and moves the reader's read receipt (only the worker and the conversation's own counsellor have one).
   */
  async read(actor: Actor, conversationId: string, query: MessagesQueryDto): Promise<ConversationMessagesDto> {
    const after = query.after ?? 0;
    const seen = await this.transactions.read(async (manager) => {
      const { conversation, side } = await this.access.require(manager, actor, conversationId);
      return { side, messages: await manager.find(OnlineMessage, { where: { conversationId, seq: MoreThan(after) }, order: { seq: 'ASC' } }), conversation };
    });
    const { side, messages } = seen;
    let conversation = seen.conversation;
    if (messages.length > 0) {
      conversation = await this.transactions.run(async (manager) => {
        const last = messages[messages.length - 1].seq;
        // The other side's open thread shows 已读 at once.
        if (this.ownsReceipt(actor, side, conversation) && (await this.markRead(manager, conversation.id, side, last))) {
          await this.push.publish(manager, conversation, 'read', { side, seq: last });
        }
        await this.audit.record(manager, actor, {
          action: 'online_message.read',
          resourceType: 'online_conversation',
          resourceId: conversation.id,
          workerId: conversation.workerId,
          detail: { fromSeq: messages[0].seq, toSeq: last, messages: messages.length },
        });
        return manager.findOneOrFail(Conversation, { where: { id: conversation.id } });
      });
    }
    return this.transactions.read(async (manager) => {
      const names = await staffNames(manager, this.users, senders(messages));
      return { conversation: await this.views.dto(manager, conversation, side), messages: messages.map((m) => toMessageDto(conversation, m, side, names)) };
    });
  }

  /** Sends a message: the worker or the conversation's own counsellor, once it is open, with the worker's consent. */
  send(actor: Actor, conversationId: string, input: SendMessageDto): Promise<SentMessagesDto> {
    const body = input.body.trim();
    if (!body) throw badRequest('MESSAGE_EMPTY', '消息不能为空', 'A message cannot be empty');
    return this.transactions.run(async (manager) => {
      const { conversation, side } = await this.access.require(manager, actor, conversationId, true);
      if (side === 'counsellor' && conversation.counsellorId !== actor.userId) {
        throw forbidden('NOT_CONVERSATION_COUNSELLOR', '只有本会话的咨询师可以回复', 'Only the counsellor of this conversation can reply');
      }
      if (conversation.status !== 'open') throw conflict('CONVERSATION_CLOSED', '该会话已结束', 'This conversation has ended');
      const now = this.clock.now();
      if (now < conversation.opensAt) {
        throw conflict('CONVERSATION_NOT_OPEN', '会话尚未开始，请在预约时间前后再来', 'The conversation opens shortly before the appointment', { opensAt: conversation.opensAt.toISOString() });
      }
      await this.consents.require(manager, conversation.workerId, 'counselling');
      const crisis = side === 'worker' && hasCrisisLanguage(body, this.settings.crisisPhrases);
      const sent = [await this.append(manager, conversation, side, actor.userId, body, crisis)];
      const otherWasUpToDate = (side === 'worker' ? conversation.counsellorReadSeq : conversation.workerReadSeq) >= sent[0].seq - 1;
      if (side === 'worker' && (await this.needsAutoReply(manager, conversation))) {
        sent.push(await this.append(manager, conversation, 'system', null, this.settings.autoReply, false));
      }
      // Writing in a conversation means having read it: the sender's receipt moves to what they now see.
      await this.markRead(manager, conversation.id, side, sent[sent.length - 1].seq);
      if (side === 'worker') conversation.workerReadSeq = sent[sent.length - 1].seq;
      else conversation.counsellorReadSeq = sent[0].seq;
      await this.audit.record(manager, actor, {
        action: 'online_message.send',
        resourceType: 'online_conversation',
        resourceId: conversation.id,
        workerId: conversation.workerId,
        detail: { messageId: sent[0].id, seq: sent[0].seq, crisisFlag: crisis, autoReply: sent.length > 1 },
      });
      // Both participants' open threads (the other side's, and the sender's other tabs) fetch the new messages.
      await this.push.publish(manager, conversation, 'message', { seq: sent[sent.length - 1].seq });
      if (crisis) await this.alertCounsellor(manager, conversation);
      else if (otherWasUpToDate) await this.tellOtherSide(manager, conversation, side);
      const names = await staffNames(manager, this.users, senders(sent));
      return { messages: sent.map((m) => toMessageDto(conversation, m, side, names)) };
    });
  }

  /** Only the worker and the conversation's own counsellor leave read receipts (a supervisor reading does not). */
  private ownsReceipt(actor: Actor, side: Side, conversation: Conversation): boolean {
    return side === 'worker' || conversation.counsellorId === actor.userId;
  }

  /** Moves a read receipt forward; whether it moved. */
  private async markRead(manager: EntityManager, conversationId: string, side: Side, seq: number): Promise<boolean> {
    const now = this.clock.now();
    // Guarded: a receipt only moves forward, even when two tabs of one reader race.
    const result = await manager
      .createQueryBuilder()
      .update(Conversation)
      .set(side === 'worker' ? { workerReadSeq: seq, workerReadAt: now } : { counsellorReadSeq: seq, counsellorReadAt: now })
      .where(`id = :id AND ${side}_read_seq < :seq`, { id: conversationId, seq })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Adds a message with the next number (the conversation row is locked on PostgreSQL by the caller). */
  private async append(manager: EntityManager, conversation: Conversation, sender: MessageSender, userId: string | null, body: string, crisisFlag: boolean): Promise<OnlineMessage> {
    const now = this.clock.now();
    conversation.messageCount += 1;
    conversation.lastMessageAt = now;
    await manager.update(Conversation, { id: conversation.id }, { messageCount: conversation.messageCount, lastMessageAt: now });
    const message = manager.create(OnlineMessage, {
      conversationId: conversation.id,
      workerId: conversation.workerId,
      seq: conversation.messageCount,
      sender,
      senderUserId: userId,
      body,
      crisisFlag,
      crisisCaseRequestedAt: null,
    });
    return manager.save(message);
  }

  /** Outside the counsellor's office hours, once until the counsellor next writes. */
  private async needsAutoReply(manager: EntityManager, conversation: Conversation): Promise<boolean> {
    if (await this.officeHours.inOfficeNow(manager, conversation.counsellorId)) return false;
    const lastWord = await manager
      .getRepository(OnlineMessage)
      .createQueryBuilder('m')
      .where('m.conversation_id = :id AND m.sender IN (:...senders)', { id: conversation.id, senders: ['counsellor', 'system'] })
      .orderBy('m.seq', 'DESC')
      .getOne();
    return lastWord?.sender !== 'system';
  }

  /** A risk alert for the counsellor: names neither the worker nor the words; they open it in scope. */
  private async alertCounsellor(manager: EntityManager, conversation: Conversation): Promise<void> {
    const counsellor = await this.users.findById(manager, conversation.counsellorId);
    if (!counsellor?.active) return;
    await this.notifications.notify(manager, [{ userId: counsellor.id, email: counsellor.email }], {
      kind: 'online_counselling.risk_alert',
      title: '风险提示：线上疏导中有一条消息需要关注 / Risk alert: an online message needs attention',
      body: '请尽快打开该会话查看，必要时从消息开启危机个案。 / Please open the conversation soon; open a crisis case from the message if needed.',
      link: `/staff/online-counselling/${conversation.id}`,
    });
  }

  /** The first unread message since the other side last read tells them; later ones wait until they come back. */
  private async tellOtherSide(manager: EntityManager, conversation: Conversation, side: Side): Promise<void> {
    const recipient =
      side === 'worker'
        ? await this.users.findById(manager, conversation.counsellorId).then((u) => (u?.active ? { userId: u.id, email: u.email } : null))
        : await recipientOf(manager, this.users, conversation.workerId);
    if (!recipient) return;
    await this.notifications.notify(manager, [recipient], {
      kind: 'online_counselling.message',
      title: '您有一条新的线上疏导消息 / A new online counselling message',
      body: '请登录心港查看。 / Please sign in to Xingang to read it.',
      link: side === 'worker' ? `/staff/online-counselling/${conversation.id}` : `/me/online-counselling/${conversation.id}`,
    });
  }
}

const senders = (messages: readonly OnlineMessage[]): string[] => messages.map((m) => m.senderUserId).filter((id): id is string => !!id);
