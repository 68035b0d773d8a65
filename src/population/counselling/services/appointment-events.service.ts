import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvents } from '../../../platform/jobs/domain-events.js';
import {
  COUNSELLING_APPOINTMENT_BOOKED,
  COUNSELLING_APPOINTMENT_CLOSED,
  type AppointmentBookedEvent,
  type AppointmentClosedEvent,
} from '../counselling-events.js';
import type { Appointment } from '../entities/appointment.entity.js';

/** Tells other modules (线上心理疏导) that an appointment was booked or closed, in the booking's transaction. */
@Injectable()
export class AppointmentEvents {
  constructor(private readonly events: DomainEvents) {}

  booked(manager: EntityManager, a: Appointment): Promise<void> {
    const event: AppointmentBookedEvent = { appointmentId: a.id, workerId: a.workerId, orgUnitId: a.orgUnitId, counsellorId: a.counsellorId, mode: a.mode, startsAt: a.startsAt.toISOString() };
    return this.events.publish(manager, COUNSELLING_APPOINTMENT_BOOKED, { ...event }, a.id);
  }

  closed(manager: EntityManager, a: Appointment): Promise<void> {
    const event: AppointmentClosedEvent = { appointmentId: a.id, status: a.status === 'rescheduled' ? 'rescheduled' : 'cancelled' };
    return this.events.publish(manager, COUNSELLING_APPOINTMENT_CLOSED, { ...event }, a.id);
  }
}
