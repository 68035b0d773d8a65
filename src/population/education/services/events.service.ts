import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { workerNamesOf } from '../../../people/names.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock, HOUR } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest, conflict, notFound } from '../../../platform/errors/domain-error.js';
import { NotificationService, type Recipient } from '../../../platform/notifications/notification.service.js';
import { normaliseAudience } from '../../shared/audience.js';
import { move } from '../../../platform/state-machine.js';
import { recipientOf } from '../../shared/viewer.js';
import { REGISTRATION_TRANSITIONS } from '../domain/registration-rules.js';
import type {
  CreateEventDto,
  EventDto,
  EventQueryDto,
  FeedbackSummaryDto,
  RegistrationStatusFilter,
  RosterEntryDto,
} from '../dto/event.dto.js';
import { toEventDto, toRosterEntryDto } from '../education.mapper.js';
import { EducationEvent } from '../entities/education-event.entity.js';
import { EventRegistration } from '../entities/event-registration.entity.js';
import { seatCounts, waitlistOf } from './event-seats.js';

/** Check-in opens this long before the start. */
export const CHECK_IN_OPENS_BEFORE_MS = HOUR;

/** Lectures and workshops (讲座、工作坊): scheduling, the roster, check-in and the feedback summary (staff side). */
@Injectable()
export class EventsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, input: CreateEventDto): Promise<EventDto> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw badRequest('EVENT_TIMES_INVALID', '结束时间须晚于开始时间', 'endsAt must be after startsAt');
    if (startsAt <= this.clock.now()) throw badRequest('EVENT_IN_PAST', '开始时间须在将来', 'startsAt must be in the future');
    return this.transactions.run(async (manager) => {
      await this.scope.requireUnit(manager, actor, input.orgUnitId);
      const event = manager.create(EducationEvent, {
        orgUnitId: input.orgUnitId,
        kind: input.kind,
        title: input.title.trim(),
        description: input.description ?? null,
        audience: normaliseAudience(input.audience),
        startsAt,
        endsAt,
        place: input.place ?? null,
        onlineUrl: input.onlineUrl ?? null,
        capacity: input.capacity,
        allowWaitlist: input.allowWaitlist ?? true,
        status: 'scheduled',
        createdBy: actor.userId,
      });
      await manager.save(event);
      await this.audit.record(manager, actor, { action: 'education_event.create', resourceType: 'education_event', resourceId: event.id });
      return toEventDto(event, { seated: 0, waitlisted: 0 });
    });
  }

  list(actor: Actor, query: EventQueryDto): Promise<EventDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(EducationEvent).createQueryBuilder('e').orderBy('e.startsAt', 'ASC').addOrderBy('e.id');
      this.scope.whereUnitInScope(qb, actor, 'e.org_unit_id');
      if (query.from) qb.andWhere('e.starts_at >= :from', { from: new Date(query.from) });
      if (query.to) qb.andWhere('e.starts_at < :to', { to: new Date(query.to) });
      const events = await qb.getMany();
      const counts = await seatCounts(manager, events.map((e) => e.id));
      return events.map((event) => toEventDto(event, counts.get(event.id)!));
    });
  }

  get(actor: Actor, eventId: string): Promise<EventDto> {
    return this.transactions.read(async (manager) => {
      const event = await this.requireEvent(manager, actor, eventId);
      return toEventDto(event, (await seatCounts(manager, [eventId])).get(eventId)!);
    });
  }

  /** Cancels a scheduled event and tells everyone registered or waiting. */
  cancel(actor: Actor, eventId: string): Promise<EventDto> {
    return this.transactions.run(async (manager) => {
      const event = await this.requireEvent(manager, actor, eventId);
      if (event.status !== 'scheduled') throw conflict('EVENT_CANCELLED', '活动已取消', 'The event is already cancelled');
      event.status = 'cancelled';
      await manager.save(event);
      const affected = await manager.find(EventRegistration, { where: { eventId, status: In(['registered', 'waitlisted']) } });
      const recipients: Recipient[] = [];
      for (const registration of affected) {
        const recipient = await recipientOf(manager, this.users, registration.workerId);
        if (recipient) recipients.push(recipient);
      }
      await this.notifications.notify(manager, recipients, {
        kind: 'education.event_cancelled',
        title: `活动取消：${event.title}`,
        body: `您报名的“${event.title}”已取消。/ The event you registered for has been cancelled.`,
        link: `/me/events/${event.id}`,
      });
      await this.audit.record(manager, actor, {
        action: 'education_event.cancel',
        resourceType: 'education_event',
        resourceId: event.id,
        detail: { notified: recipients.length },
      });
      return toEventDto(event, (await seatCounts(manager, [eventId])).get(eventId)!);
    });
  }

  /** Who registered (worker ids): an individual record, so every read is audited. */
  roster(actor: Actor, eventId: string, filter: RegistrationStatusFilter): Promise<RosterEntryDto[]> {
    return this.transactions.run(async (manager) => {
      await this.requireEvent(manager, actor, eventId);
      const registrations = await manager.find(EventRegistration, {
        where: { eventId, ...(filter.status ? { status: filter.status } : {}) },
        order: { position: 'ASC' },
      });
      const waitlist = await waitlistOf(manager, eventId);
      await this.audit.record(manager, actor, {
        action: 'education_event.roster_read',
        resourceType: 'education_event',
        resourceId: eventId,
        detail: { results: registrations.length },
      });
      const names = await workerNamesOf(manager, registrations.map((r) => r.workerId));
      return registrations.map((registration) => toRosterEntryDto(registration, waitlist, names));
    });
  }

  /** At the door: a seated registration becomes attended, from an hour before the start. */
  checkIn(actor: Actor, eventId: string, registrationId: string): Promise<RosterEntryDto> {
    return this.transactions.run(async (manager) => {
      const event = await this.requireEvent(manager, actor, eventId);
      if (event.status !== 'scheduled') throw conflict('EVENT_CANCELLED', '活动已取消', 'The event is cancelled');
      const now = this.clock.now();
      if (now.getTime() < event.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS) {
        throw conflict('CHECK_IN_NOT_OPEN', '签到在活动开始前一小时开放', 'Check-in opens an hour before the start');
      }
      const registration = await manager.findOne(EventRegistration, { where: { id: registrationId, eventId } });
      if (!registration) throw notFound('Registration', '该报名');
      registration.status = move(REGISTRATION_TRANSITIONS, registration.status, 'attended');
      registration.checkedInAt = now;
      registration.checkedInBy = actor.userId;
      await manager.save(registration);
      await this.audit.record(manager, actor, {
        action: 'education_event.check_in',
        resourceType: 'education_event',
        resourceId: eventId,
        workerId: registration.workerId,
        detail: { registrationId },
      });
      return toRosterEntryDto(registration, [], await workerNamesOf(manager, [registration.workerId]));
    });
  }

  /** Ratings and comments, without who gave them. */
  feedback(actor: Actor, eventId: string): Promise<FeedbackSummaryDto> {
    return this.transactions.read(async (manager) => {
      await this.requireEvent(manager, actor, eventId);
      const rows = await manager.find(EventRegistration, {
        where: { eventId, status: 'attended' },
        select: { id: true, rating: true, comment: true, feedbackAt: true },
        order: { feedbackAt: 'ASC' },
      });
      const rated = rows.filter((row) => row.rating !== null);
      const distribution: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
      for (const row of rated) distribution[String(row.rating)] += 1;
      const mean = rated.length > 0 ? rated.reduce((sum, row) => sum + row.rating!, 0) / rated.length : null;
      return {
        eventId,
        count: rated.length,
        meanRating: mean === null ? null : Math.round(mean * 100) / 100,
        distribution,
        comments: rated.map((row) => row.comment).filter((comment): comment is string => !!comment),
      };
    });
  }

  /** An event of a unit in the actor's subtree; 404 otherwise. */
  async requireEvent(manager: EntityManager, actor: Actor, eventId: string): Promise<EducationEvent> {
    const qb = manager.getRepository(EducationEvent).createQueryBuilder('e').where('e.id = :eventId', { eventId });
    const event = await this.scope.whereUnitInScope(qb, actor, 'e.org_unit_id').getOne();
    if (!event) throw notFound('Event', '该活动');
    return event;
  }
}
