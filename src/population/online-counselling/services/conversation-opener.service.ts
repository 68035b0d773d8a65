import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../../platform/clock/clock.js';
import { DomainEvents } from '../../../platform/jobs/domain-events.js';
import {
  COUNSELLING_APPOINTMENT_BOOKED,
  COUNSELLING_APPOINTMENT_CLOSED,
  type AppointmentBookedEvent,
  type AppointmentClosedEvent,
} from '../../counselling/counselling-events.js';
import { Conversation } from '../entities/conversation.entity.js';
import { ConversationPush } from './conversation-push.service.js';
import { OPENS_BEFORE_MS } from './conversations.service.js';

export const CONVERSATION_OPENER = 'online_counselling.open-conversation';

/**
 * An online appointment opens its conversation (through the outbox, once per appointment: the unique index on
 * appointment_id decides); it can be written in from shortly before the start. A cancelled or moved appointment
 * closes its conversation (the moved-to appointment opens its own).
 */
@Injectable()
export class ConversationOpener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly push: ConversationPush,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(COUNSELLING_APPOINTMENT_BOOKED, CONVERSATION_OPENER, (payload, manager) => this.opened(manager, payload as unknown as AppointmentBookedEvent));
    this.events.subscribe(COUNSELLING_APPOINTMENT_CLOSED, CONVERSATION_OPENER, (payload, manager) => this.closed(manager, payload as unknown as AppointmentClosedEvent));
  }

  private async opened(manager: EntityManager, event: AppointmentBookedEvent): Promise<void> {
    if (event.mode !== 'online') return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Conversation)
      .values({
        workerId: event.workerId,
        orgUnitId: event.orgUnitId,
        counsellorId: event.counsellorId,
        appointmentId: event.appointmentId,
        opensAt: new Date(new Date(event.startsAt).getTime() - OPENS_BEFORE_MS),
        status: 'open',
        videoUrl: null,
        messageCount: 0,
        lastMessageAt: null,
        workerReadSeq: 0,
        workerReadAt: null,
        counsellorReadSeq: 0,
        counsellorReadAt: null,
        createdAt: this.clock.now(),
      })
      .orIgnore()
      .execute();
  }

  private async closed(manager: EntityManager, event: AppointmentClosedEvent): Promise<void> {
    await manager.update(Conversation, { appointmentId: event.appointmentId }, { status: 'closed' });
    const conversation = await manager.findOne(Conversation, { where: { appointmentId: event.appointmentId } });
    if (conversation) await this.push.publish(manager, conversation, 'changed'); // open threads show it has ended
  }
}
