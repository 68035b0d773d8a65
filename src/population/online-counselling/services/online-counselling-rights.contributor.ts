import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../../../people/users/users.service.js';
import { DataSubjectRegistry, runErasure, type ExportPart } from '../../../platform/data-subject/data-subject.registry.js';
import { fhirInstant, fhirRef, XINGANG_SYSTEM } from '../../../platform/data-subject/fhir.js';
import { staffNames } from '../../shared/viewer.js';
import { Conversation } from '../entities/conversation.entity.js';
import { OnlineMessage } from '../entities/message.entity.js';

const SENDER_LABEL = { worker: '我 / me', counsellor: '咨询师 / counsellor', system: '自动回复 / automatic reply' } as const;

/**
 * 线上心理疏导's part in the data-subject rights: the copy holds every message (FHIR Communication, and a readable
 * section); an erasure deletes the messages and the conversations (nothing aggregate reads them).
 */
@Injectable()
export class OnlineCounsellingRightsContributor implements OnModuleInit {
  constructor(
    private readonly registry: DataSubjectRegistry,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'online_counselling',
      rules: [
        { table: 'online_messages', action: 'delete', what: '线上疏导消息 / online counselling messages' },
        { table: 'online_conversations', action: 'delete', what: '线上疏导会话 / online counselling conversations' },
      ],
      erase: (manager, { workerId }) =>
        runErasure(manager, ['DELETE FROM online_messages WHERE worker_id = :oc_worker', 'DELETE FROM online_conversations WHERE worker_id = :oc_worker'], { oc_worker: workerId }),
      export: (manager, workerId) => this.export(manager, workerId),
    });
  }

  private async export(manager: EntityManager, workerId: string): Promise<ExportPart> {
    const conversations = await manager.find(Conversation, { where: { workerId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const messages = await manager.find(OnlineMessage, { where: { workerId }, order: { conversationId: 'ASC', seq: 'ASC' } });
    const names = await staffNames(manager, this.users, conversations.map((c) => c.counsellorId));
    const byConversation = new Map(conversations.map((c) => [c.id, c]));
    return {
      resources: messages.map((m) => {
        const counsellorId = byConversation.get(m.conversationId)?.counsellorId ?? '';
        const worker = fhirRef(workerId);
        const counsellor = fhirRef(counsellorId, names.get(counsellorId));
        return {
          resourceType: 'Communication',
          id: m.id,
          status: 'completed',
          category: [{ coding: [{ system: `${XINGANG_SYSTEM}/communication`, code: 'online_counselling' }], text: '线上心理疏导 / online counselling' }],
          subject: worker,
          partOf: [{ reference: `urn:uuid:${m.conversationId}` }],
          sent: fhirInstant(m.createdAt),
          ...(m.sender === 'worker' ? { sender: worker, recipient: [counsellor] } : { ...(m.sender === 'counsellor' ? { sender: counsellor } : {}), recipient: [worker] }),
          payload: [{ contentString: m.body }],
        };
      }),
      sections: [
        {
          title: { zh: '线上心理疏导', en: 'Online counselling' },
          rows: messages.map((m) => ({
            label: `${m.createdAt.toISOString().slice(0, 16).replace('T', ' ')} ${SENDER_LABEL[m.sender]}${m.sender === 'counsellor' ? ` ${names.get(byConversation.get(m.conversationId)?.counsellorId ?? '') ?? ''}` : ''}`.trim(),
            value: m.body,
          })),
        },
      ],
    };
  }
}
