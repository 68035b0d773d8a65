import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { move } from '../../../platform/state-machine.js';
import { recipientOf, staffNames } from '../../shared/viewer.js';
import { APPOINTMENT_TRANSITIONS, assertAttendanceOpen, resolveWindow } from '../domain/appointment-rules.js';
import type { AppointmentDto, AttendanceInput, CalendarQueryDto } from '../dto/counselling.dto.js';
import { toAppointmentDto } from '../counselling.mapper.js';
import { Appointment } from '../entities/appointment.entity.js';
import { CounsellingReminders } from './reminders.service.js';
import { AppointmentEvents } from './appointment-events.service.js';

/** 心理咨询服务, the staff side: calendars, attendance (到场 / 爽约) and cancelling on the counsellor's side. */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly reminders: CounsellingReminders,
    private readonly appointmentEvents: AppointmentEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * A counsellor's appointments in a window (at most 31 days), soonest first: one range scan on
   * (counsellor_id, starts_at). Your own calendar in full; another counsellor's limited to workers in your scope.
   */
  calendar(actor: Actor, query: CalendarQueryDto): Promise<AppointmentDto[]> {
    const window = resolveWindow(query.from, query.to, this.clock.now());
    const counsellorId = query.counsellorId ?? actor.userId;
    return this.transactions.run(async (manager) => {
      const qb = manager
        .getRepository(Appointment)
        .createQueryBuilder('a')
        .where('a.counsellor_id = :counsellorId AND a.starts_at >= :from AND a.starts_at < :to', { counsellorId, ...window })
        .orderBy('a.startsAt', 'ASC')
        .addOrderBy('a.id');
      if (query.status) qb.andWhere('a.status = :status', { status: query.status });
      if (counsellorId !== actor.userId) this.scope.whereWorkerInScope(qb, actor, 'a.worker_id');
      const rows = await qb.getMany();
      const names = await staffNames(manager, this.users, [counsellorId]);
      // Audit last: on PostgreSQL it takes the chain lock, held until commit.
      await this.audit.record(manager, actor, {
        action: 'appointment.list',
        resourceType: 'appointment',
        detail: { counsellorId, results: rows.length },
      });
      return rows.map((row) => toAppointmentDto(row, names.get(row.counsellorId) ?? null));
    });
  }

  get(actor: Actor, appointmentId: string): Promise<AppointmentDto> {
    return this.transactions.run(async (manager) => {
      const appointment = await this.requireAppointment(manager, actor, appointmentId);
      await this.audit.record(manager, actor, {
        action: 'appointment.read',
        resourceType: 'appointment',
        resourceId: appointment.id,
        workerId: appointment.workerId,
      });
      return this.dto(manager, appointment);
    });
  }

  /** attended or no_show, once the session has started (a no-show may later be corrected to attended). */
  markAttendance(actor: Actor, appointmentId: string, input: AttendanceInput): Promise<AppointmentDto> {
    return this.transactions.run(async (manager) => {
      const appointment = await this.requireAppointment(manager, actor, appointmentId);
      assertAttendanceOpen(appointment.startsAt, this.clock.now());
      appointment.status = move(APPOINTMENT_TRANSITIONS, appointment.status, input.status);
      appointment.attendanceMarkedBy = actor.userId;
      appointment.attendanceMarkedAt = this.clock.now();
      await manager.save(appointment);
      await this.reminders.unschedule(manager, appointment.id);
      await this.audit.record(manager, actor, {
        action: `appointment.${input.status}`,
        resourceType: 'appointment',
        resourceId: appointment.id,
        workerId: appointment.workerId,
      });
      return this.dto(manager, appointment);
    });
  }

  /** Cancels on the counsellor's side and tells the worker; the slot becomes bookable again. */
  cancel(actor: Actor, appointmentId: string): Promise<AppointmentDto> {
    return this.transactions.run(async (manager) => {
      const appointment = await this.requireAppointment(manager, actor, appointmentId);
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
        workerId: appointment.workerId,
      });
      const worker = await recipientOf(manager, this.users, appointment.workerId);
      if (worker) {
        await this.notifications.notify(manager, [worker], {
          kind: 'counselling.appointment_cancelled',
          title: '心理咨询预约已取消 / Appointment cancelled',
          body: '咨询师取消了您的预约，请重新选择时段。/ Your counsellor cancelled the appointment; please choose another slot.',
          link: `/me/counselling/appointments/${appointment.id}`,
        });
      }
      return this.dto(manager, appointment);
    });
  }

  /**
   * An appointment the actor may act on: their own session, or one of a worker in their scope (AccessScope,
   * 404 otherwise, so existence is not revealed).
   */
  async requireAppointment(manager: EntityManager, actor: Actor, appointmentId: string): Promise<Appointment> {
    const appointment = await manager.findOne(Appointment, { where: { id: appointmentId } });
    if (!appointment) throw notFound('Appointment', '该预约');
    if (appointment.counsellorId !== actor.userId) await this.scope.requireWorker(manager, actor, appointment.workerId);
    return appointment;
  }

  private async dto(manager: EntityManager, appointment: Appointment): Promise<AppointmentDto> {
    const names = await staffNames(manager, this.users, [appointment.counsellorId]);
    return toAppointmentDto(appointment, names.get(appointment.counsellorId) ?? null);
  }
}
