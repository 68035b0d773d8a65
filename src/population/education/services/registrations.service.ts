import { Injectable } from '@nestjs/common';
import { In, MoreThan, type EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { conflict, notFound } from '../../../platform/errors/domain-error.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { isTargetedAt } from '../../shared/audience.js';
import { forUpdate } from '../../../platform/database/sql-helpers.js';
import { move } from '../../../platform/state-machine.js';
import { loadViewer, recipientOf, type Viewer } from '../../shared/viewer.js';
import { placeRegistration, promotions, REGISTRATION_TRANSITIONS } from '../domain/registration-rules.js';
import type { FeedbackInput, MyEventDto, MyRegistrationDto } from '../dto/event.dto.js';
import { toEventDto, toMyRegistrationDto } from '../education.mapper.js';
import { EducationEvent } from '../entities/education-event.entity.js';
import { EventRegistration } from '../entities/event-registration.entity.js';
import { seatCounts, waitlistOf } from './event-seats.js';

/** A worker's side of lectures and workshops: what is for them, registering, the waiting list, feedback. */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  /** Upcoming events for the worker, and every event they registered for, soonest first. */
  listMine(actor: Actor): Promise<MyEventDto[]> {
    return this.transactions.read(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const registrations = await manager.find(EventRegistration, { where: { workerId: viewer.worker.id } });
      const upcoming = await manager.find(EducationEvent, {
        where: { orgUnitId: In([...viewer.facts.unitAncestry]), status: 'scheduled', endsAt: MoreThan(this.clock.now()) },
      });
      const offered = upcoming.filter((event) => isTargetedAt(event.orgUnitId, event.audience, viewer.facts));
      const seen = new Set(offered.map((event) => event.id));
      const missing = registrations.map((r) => r.eventId).filter((id) => !seen.has(id));
      const events = [...offered, ...(missing.length > 0 ? await manager.find(EducationEvent, { where: { id: In(missing) } }) : [])];
      events.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const counts = await seatCounts(manager, events.map((e) => e.id));
      const result: MyEventDto[] = [];
      for (const event of events) {
        const own = registrations.find((r) => r.eventId === event.id);
        const waitlist = own?.status === 'waitlisted' ? await waitlistOf(manager, event.id) : [];
        result.push({ event: toEventDto(event, counts.get(event.id)!), registration: own ? toMyRegistrationDto(own, waitlist) : null });
      }
      return result;
    });
  }

  /**
   * Registers for an event: a seat while there is room, otherwise the waiting list (or 409 EVENT_FULL when the event
   * keeps none). The event row is locked, so two last-seat registrations cannot both be seated.
   */
  register(actor: Actor, eventId: string): Promise<MyRegistrationDto> {
    return this.transactions.run(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const event = await this.lockEventFor(manager, viewer, eventId);
      if (event.status !== 'scheduled') throw conflict('EVENT_CANCELLED', '活动已取消', 'The event is cancelled');
      if (event.startsAt <= this.clock.now()) throw conflict('EVENT_STARTED', '活动已开始，不再接受报名', 'The event has started; registration is closed');
      const existing = await manager.findOne(EventRegistration, { where: { eventId, workerId: viewer.worker.id } });
      if (existing && existing.status !== 'cancelled') {
        throw conflict('ALREADY_REGISTERED', '您已报名该活动', 'You are already registered for this event', { status: existing.status });
      }
      const { seated } = (await seatCounts(manager, [eventId])).get(eventId)!;
      const status = placeRegistration(event.capacity, seated, event.allowWaitlist);
      const registration =
        existing ?? manager.create(EventRegistration, { eventId, workerId: viewer.worker.id, checkedInAt: null, checkedInBy: null, rating: null, comment: null, feedbackAt: null });
      if (existing) move(REGISTRATION_TRANSITIONS, existing.status, status);
      registration.status = status;
      registration.orgUnitId = viewer.worker.orgUnitId;
      registration.position = await this.nextPosition(manager, eventId);
      await manager.save(registration);
      await this.audit.record(manager, actor, {
        action: 'education_event.register',
        resourceType: 'education_event',
        resourceId: eventId,
        workerId: viewer.worker.id,
        detail: { status },
      });
      return toMyRegistrationDto(registration, status === 'waitlisted' ? await waitlistOf(manager, eventId) : []);
    });
  }

  /** Cancels the worker's registration; a freed seat goes to the longest-waiting worker, who is told. */
  cancel(actor: Actor, eventId: string): Promise<MyRegistrationDto> {
    return this.transactions.run(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const event = await this.lockEventFor(manager, viewer, eventId, true);
      const registration = await manager.findOne(EventRegistration, { where: { eventId, workerId: viewer.worker.id } });
      if (!registration) throw notFound('Registration', '您的报名');
      const wasSeated = registration.status === 'registered';
      registration.status = move(REGISTRATION_TRANSITIONS, registration.status, 'cancelled');
      await manager.save(registration);
      await this.audit.record(manager, actor, {
        action: 'education_event.cancel_registration',
        resourceType: 'education_event',
        resourceId: eventId,
        workerId: viewer.worker.id,
      });
      if (wasSeated && event.status === 'scheduled' && event.startsAt > this.clock.now()) await this.promote(manager, actor, event);
      return toMyRegistrationDto(registration, []);
    });
  }

  feedback(actor: Actor, eventId: string, input: FeedbackInput): Promise<MyRegistrationDto> {
    return this.transactions.run(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      await this.lockEventFor(manager, viewer, eventId, true);
      const registration = await manager.findOne(EventRegistration, { where: { eventId, workerId: viewer.worker.id } });
      if (!registration) throw notFound('Registration', '您的报名');
      if (registration.status !== 'attended') {
        throw conflict('FEEDBACK_REQUIRES_ATTENDANCE', '签到参加后才能评价', 'Only attendees (checked in) can give feedback');
      }
      if (registration.rating !== null) throw conflict('FEEDBACK_ALREADY_GIVEN', '您已评价过该活动', 'You have already given feedback');
      registration.rating = input.rating;
      registration.comment = input.comment?.trim() || null;
      registration.feedbackAt = this.clock.now();
      await manager.save(registration);
      await this.audit.record(manager, actor, {
        action: 'education_event.feedback',
        resourceType: 'education_event',
        resourceId: eventId,
        workerId: viewer.worker.id,
      });
      return toMyRegistrationDto(registration, []);
    });
  }

  /** Seats the longest-waiting workers for the free seats and notifies them. */
  private async promote(manager: EntityManager, actor: Actor, event: EducationEvent): Promise<void> {
    const { seated } = (await seatCounts(manager, [event.id])).get(event.id)!;
    const promoted = promotions(event.capacity, seated, await waitlistOf(manager, event.id));
    for (const id of promoted) {
      const registration = await manager.findOneOrFail(EventRegistration, { where: { id } });
      registration.status = move(REGISTRATION_TRANSITIONS, registration.status, 'registered');
      await manager.save(registration);
      await this.audit.record(manager, actor, {
        action: 'education_event.promote',
        resourceType: 'education_event',
        resourceId: event.id,
        workerId: registration.workerId,
        detail: { registrationId: id },
      });
      const recipient = await recipientOf(manager, this.users, registration.workerId);
      if (recipient) {
        await this.notifications.notify(manager, [recipient], {
          kind: 'education.waitlist_promoted',
          title: `候补成功：${event.title}`,
          body: `有人取消报名，您已从候补名单转为正式报名。/ A seat became free: you are now registered.`,
          link: `/me/events/${event.id}`,
        });
      }
    }
  }

  /**
   * The event, locked for this transaction, if it is for the worker (or they already registered, when
   * `registeredIsEnough`); 404 otherwise.
   */
  private async lockEventFor(manager: EntityManager, viewer: Viewer, eventId: string, registeredIsEnough = false): Promise<EducationEvent> {
    const event = await forUpdate(manager.getRepository(EducationEvent).createQueryBuilder('e').where('e.id = :eventId', { eventId })).getOne();
    const targeted = event && isTargetedAt(event.orgUnitId, event.audience, viewer.facts);
    const registered = event && registeredIsEnough && (await manager.exists(EventRegistration, { where: { eventId, workerId: viewer.worker.id } }));
    if (!event || (!targeted && !registered)) throw notFound('Event', '该活动');
    return event;
  }

  private async nextPosition(manager: EntityManager, eventId: string): Promise<number> {
    const last = await manager.findOne(EventRegistration, { where: { eventId }, order: { position: 'DESC' }, select: { id: true, position: true } });
    return (last?.position ?? 0) + 1;
  }
}
