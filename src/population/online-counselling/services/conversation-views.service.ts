import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { UsersService } from '../../../people/users/users.service.js';
import { Worker } from '../../../people/workers/worker.entity.js';
import { staffNames } from '../../shared/viewer.js';
import type { ConversationDto } from '../dto/online-counselling.dto.js';
import type { Conversation } from '../entities/conversation.entity.js';
import { OnlineMessage } from '../entities/message.entity.js';
import { toConversationDto, type Side } from '../online-counselling.mapper.js';
import { OfficeHoursService } from './office-hours.service.js';

/** Conversations as DTOs for one side, with the names and facts each needs (one query per kind of fact). */
@Injectable()
export class ConversationViews {
  constructor(
    private readonly users: UsersService,
    private readonly officeHours: OfficeHoursService,
  ) {}

  async dtos(manager: EntityManager, conversations: readonly Conversation[], side: Side): Promise<ConversationDto[]> {
    if (conversations.length === 0) return [];
    const counsellorIds = [...new Set(conversations.map((c) => c.counsellorId))];
    const names = await staffNames(manager, this.users, counsellorIds);
    const inOffice = new Map<string, boolean>();
    for (const id of counsellorIds) inOffice.set(id, await this.officeHours.inOfficeNow(manager, id));
    const workers = side === 'counsellor' ? await manager.find(Worker, { where: { id: In([...new Set(conversations.map((c) => c.workerId))]) } }) : [];
    const workerNames = new Map(workers.map((w) => [w.id, w.name]));
    const flags = side === 'counsellor' ? await this.openFlags(manager, conversations.map((c) => c.id)) : new Map<string, number>();
    return conversations.map((c) =>
      toConversationDto(c, side, {
        counsellorName: names.get(c.counsellorId) ?? null,
        workerName: workerNames.get(c.workerId),
        openCrisisFlags: flags.get(c.id) ?? 0,
        counsellorInOffice: inOffice.get(c.counsellorId) ?? false,
      }),
    );
  }

  async dto(manager: EntityManager, conversation: Conversation, side: Side): Promise<ConversationDto> {
    return (await this.dtos(manager, [conversation], side))[0];
  }

  /** Flagged worker messages with no crisis case asked for yet, per conversation. */
  private async openFlags(manager: EntityManager, conversationIds: string[]): Promise<Map<string, number>> {
    const rows = await manager
      .getRepository(OnlineMessage)
      .createQueryBuilder('m')
      .select('m.conversation_id', 'conversationId')
      .addSelect('COUNT(*)', 'n')
      .where({ conversationId: In(conversationIds), crisisFlag: true, crisisCaseRequestedAt: IsNull() })
      .groupBy('m.conversation_id')
      .getRawMany<{ conversationId: string; n: string | number }>();
    return new Map(rows.map((r) => [r.conversationId, Number(r.n)]));
  }
}
