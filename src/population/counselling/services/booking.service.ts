import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { ConsentsService } from '../../../people/consents/consents.service.js';
import { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest, conflict, notFound } from '../../../platform/errors/domain-error.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { forUpdate, isUniqueViolationOf } from '../../../platform/database/sql-helpers.js';
import { move } from '../../../platform/state-machine.js';
import { loadViewer, staffNames, type Viewer } from '../../shared/viewer.js';
import { APPOINTMENT_TRANSITIONS, assertChangeable, resolveWindow } from '../domain/appointment-rules.js';
import type { BookDto, MyAppointmentDto, SlotDto, WindowQueryDto } from '../dto/counselling.dto.js';
import { toMyAppointmentDto, toSlotDto } from '../counselling.mapper.js';
import { Appointment, HELD_SLOT_INDEX } from '../entities/appointment.entity.js';
import { CounsellingSlot } from '../entities/slot.entity.js';
import { CounsellingReminders } from './reminders.service.js';
import { AppointmentEvents } from './appointment-events.service.js';

const slotTaken = () => conflict('SLOT_TAKEN', '该时段已被预约', 'This slot has already been booked');

/** The unique index on held_slot_id refused a second holder: the other booking won the race. */
function asSlotTaken(error: unknown): unknown {
  return isUniqueViolationOf(error, HELD_SLOT_INDEX, 'counselling_appointments', 'held_slot_id') ? slotTaken() : error;
}

/**
 * 心理咨询服务, the worker's side: free slots, booking, rescheduling and cancelling their own appointments.
 * Booking needs the worker's `counselling` consent; cancelling never does.
 */
@Injectable()
export class BookingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly consents: ConsentsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly reminders: CounsellingReminders,
    private readonly appointmentEvents: AppointmentEvents,
    private readonly clock: Clock,
  ) {}

  /** Open, unheld, future slots of counsellors whose unit is the worker's own or above it. */
  freeSlots(actor: Actor, query: WindowQueryDto): Promise<SlotDto[]> {
    const now = this.clock.now();
    const window = resolveWindow(query.from, query.to, now);
    return this.transactions.read(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const slots = await manager
        .getRepository(CounsellingSlot)
        .createQueryBuilder('s')
        .where(`s.org_unit_id IN (:...units) AND s.status = 'open'`, { units: [...viewer.facts.unitAncestry] })
        .andWhere('s.starts_at >= :from AND s.starts_at < :to AND s.starts_at > :now', { ...window, now })
        .andWhere('NOT EXISTS (SELECT 1 FROM counselling_appointments ha WHERE ha.held_slot_id = s.id)')
        .orderBy('s.startsAt', 'ASC')
        .addOrderBy('s.id')
        .getMany();
      const names = await staffNames(manager, this.users, slots.map((s) => s.counsellorId));
      return slots.map((slot) => toSlotDto(slot, names.get(slot.counsellorId) ?? null));
    });
  }

  /** One success and one 409 SLOT_TAKEN when two workers book the same slot at once. */
  async book(actor: Actor, input: BookDto): Promise<MyAppointmentDto> {
    try {
      return await this.transactions.run(async (manager) => {
        const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
        await this.consents.require(manager, viewer.worker.id, 'counselling');
        const slot = await this.bookableSlot(manager, viewer, input.slotId);
        const appointment = await this.hold(manager, actor, viewer, slot, null);
        await this.tellCounsellor(manager, appointment, 'booked');
        const names = await staffNames(manager, this.users, [slot.counsellorId]);
        // Audit last: on PostgreSQL it takes the chain lock, held until commit.
        await this.audit.record(manager, actor, {
          action: 'appointment.book',
          resourceType: 'appointment',
          resourceId: appointment.id,
          workerId: viewer.worker.id,
          detail: { slotId: slot.id },
        });
        return toMyAppointmentDto(appointment, names.get(slot.counsellorId) ?? null);
      });
    } catch (error) {
      throw asSlotTaken(error);
    }
  }

  /** Moves an appointment to another free slot: the old one is closed as `rescheduled` and its reminder removed. */
  async reschedule(actor: Actor, appointmentId: string, input: BookDto): Promise<MyAppointmentDto> {
    try {
      return await this.transactions.run(async (manager) => {
        const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
        await this.consents.require(manager, viewer.worker.id, 'counselling');
        const old = await this.ownAppointment(manager, viewer, appointmentId);
        assertChangeable(old.startsAt, this.clock.now());
        if (old.slotId === input.slotId) throw badRequest('SAME_SLOT', '新时段与原时段相同', 'The new slot is the one already booked');
        old.status = move(APPOINTMENT_TRANSITIONS, old.status, 'rescheduled');
        old.heldSlotId = null;
        await manager.save(old);
        await this.reminders.unschedule(manager, old.id);
        await this.appointmentEvents.closed(manager, old);
        const slot = await this.bookableSlot(manager, viewer, input.slotId);
        const next = await this.hold(manager, actor, viewer, slot, old.id);
        old.rescheduledToId = next.id;
        await manager.save(old);
        await this.audit.record(manager, actor, {
          action: 'appointment.reschedule',
          resourceType: 'appointment',
          resourceId: next.id,
          workerId: viewer.worker.id,
          detail: { from: old.id, slotId: slot.id },
        });
        await this.tellCounsellor(manager, old, 'moved');
        await this.tellCounsellor(manager, next, 'booked');
        return toMyAppointmentDto(next, (await staffNames(manager, this.users, [slot.counsellorId])).get(slot.counsellorId) ?? null);
      });
    } catch (error) {
      throw asSlotTaken(error);
    }
  }

  /** Cancels before the start; the slot becomes bookable again and the reminder is removed. */
  cancel(actor: Actor, appointmentId: string): Promise<MyAppointmentDto> {
    return this.transactions.run(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const appointment = await this.ownAppointment(manager, viewer, appointmentId);
      assertChangeable(appointment.startsAt, this.clock.now());
      appointment.status = move(APPOINTMENT_TRANSITIONS, appointment.status, 'cancelled');
      appointment.heldSlotId = null;
      appointment.cancelledBy = actor.userId;
      appointment.cancelledAt = this.clock.now();
      await manager.save(appointment);
      await this.reminders.unschedule(manager, appointment.id);
      await this.appointmentEvents.closed(manager, appointment);
      await this.audit.record(manager, actor, {
        action: 'appointment.cancel',
        resourceType: 'appointment',
        resourceId: appointment.id,
        workerId: viewer.worker.id,
      });
      await this.tellCounsellor(manager, appointment, 'cancelled');
      return toMyAppointmentDto(appointment, (await staffNames(manager, this.users, [appointment.counsellorId])).get(appointment.counsellorId) ?? null);
    });
  }

  /** The worker's own appointments, newest first; no session notes, ever. */
  mine(actor: Actor): Promise<MyAppointmentDto[]> {
    return this.transactions.read(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const rows = await manager.find(Appointment, { where: { workerId: viewer.worker.id }, order: { startsAt: 'DESC', id: 'ASC' } });
      const names = await staffNames(manager, this.users, rows.map((r) => r.counsellorId));
      return rows.map((row) => toMyAppointmentDto(row, names.get(row.counsellorId) ?? null));
    });
  }

  /** Inserts the appointment holding the slot; the unique index on held_slot_id is the final word on a race. */
  private async hold(manager: EntityManager, actor: Actor, viewer: Viewer, slot: CounsellingSlot, fromId: string | null): Promise<Appointment> {
    if (await manager.exists(Appointment, { where: { heldSlotId: slot.id } })) throw slotTaken();
    const appointment = manager.create(Appointment, {
      slotId: slot.id,
      heldSlotId: slot.id,
      workerId: viewer.worker.id,
      orgUnitId: viewer.worker.orgUnitId,
      counsellorId: slot.counsellorId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      mode: slot.mode,
      place: slot.place,
      status: 'booked',
      bookedBy: actor.userId,
      cancelledBy: null,
      cancelledAt: null,
      rescheduledFromId: fromId,
      rescheduledToId: null,
      attendanceMarkedBy: null,
      attendanceMarkedAt: null,
    });
    await manager.save(appointment);
    await this.reminders.schedule(manager, appointment);
    await this.appointmentEvents.booked(manager, appointment);
    return appointment;
  }

  /**
   * An open, future slot of a counsellor serving the worker's unit, locked for the transaction (a withdrawal at the
   * same moment waits, then sees it booked); 404 when not for them.
   */
  private async bookableSlot(manager: EntityManager, viewer: Viewer, slotId: string): Promise<CounsellingSlot> {
    const slot = await forUpdate(
      manager
        .getRepository(CounsellingSlot)
        .createQueryBuilder('s')
        .where('s.id = :slotId AND s.org_unit_id IN (:...units) AND s.starts_at > :now', { slotId, units: [...viewer.facts.unitAncestry], now: this.clock.now() }),
    ).getOne();
    if (!slot) throw notFound('Slot', '该咨询时段');
    if (slot.status !== 'open') throw conflict('SLOT_WITHDRAWN', '该时段已撤下', 'The slot has been withdrawn');
    return slot;
  }

  private async ownAppointment(manager: EntityManager, viewer: Viewer, appointmentId: string): Promise<Appointment> {
    const appointment = await manager.findOne(Appointment, { where: { id: appointmentId, workerId: viewer.worker.id } });
    if (!appointment) throw notFound('Appointment', '该预约');
    return appointment;
  }

  private async tellCounsellor(manager: EntityManager, appointment: Appointment, what: 'booked' | 'moved' | 'cancelled'): Promise<void> {
    const counsellor = await this.users.findById(manager, appointment.counsellorId);
    if (!counsellor?.active) return;
    const [zh, en] = { booked: ['新的咨询预约', 'New appointment'], moved: ['预约已改期', 'Appointment moved'], cancelled: ['预约已取消', 'Appointment cancelled'] }[what];
    await this.notifications.notify(manager, [{ userId: counsellor.id, email: counsellor.email }], {
      kind: `counselling.appointment_${what}`,
      title: `${zh} / ${en}`,
      body: `${zh}：${appointment.startsAt.toISOString()}。/ ${en}: ${appointment.startsAt.toISOString()}.`,
      link: `/counselling/appointments/${appointment.id}`,
    });
  }
}
