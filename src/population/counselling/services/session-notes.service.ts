import { Injectable } from '@nestjs/common';
import { ConsentsService } from '../../../people/consents/consents.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { conflict, forbidden, notFound } from '../../../platform/errors/domain-error.js';
import { DomainEvents } from '../../../platform/jobs/domain-events.js';
import { CONCERN_CODES, concernLabel } from '../domain/concerns.js';
import type { ConcernCategoryDto, SessionNoteDto, WriteSessionNoteDto } from '../dto/counselling.dto.js';
import { toSessionNoteDto } from '../counselling.mapper.js';
import { SessionNote } from '../entities/session-note.entity.js';
import { COUNSELLING_CRISIS_FLAGGED, COUNSELLING_REFERRAL_REQUESTED } from '../counselling-events.js';
import { AppointmentsService } from './appointments.service.js';


/**
 * Session notes (咨询记录): written by the session's own counsellor after an attended session, encrypted at rest,
 * readable only by clinical staff in scope (never officials, vendors or the worker), every read audited.
 */
@Injectable()
export class SessionNotesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly appointments: AppointmentsService,
    private readonly consents: ConsentsService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  categories(): ConcernCategoryDto[] {
    return CONCERN_CODES.map(concernLabel);
  }

  /**
   * Writes or amends the notes of a session. A crisis flag or a referral request is published as a domain event in
   * the same transaction (once per appointment and level / per appointment).
   */
  write(actor: Actor, appointmentId: string, input: WriteSessionNoteDto): Promise<SessionNoteDto> {
    return this.transactions.run(async (manager) => {
      const appointment = await this.appointments.requireAppointment(manager, actor, appointmentId);
      if (appointment.counsellorId !== actor.userId) {
        throw forbidden('NOT_SESSION_COUNSELLOR', '只有本次咨询的咨询师可以填写咨询记录', 'Only the counsellor of this session can write its notes');
      }
      if (appointment.status !== 'attended') {
        throw conflict('SESSION_NOT_ATTENDED', '登记到场后才能填写咨询记录', 'Mark the session attended before writing notes', { status: appointment.status });
      }
      await this.consents.require(manager, appointment.workerId, 'counselling');
      const now = this.clock.now();
      const existing = await manager.findOne(SessionNote, { where: { appointmentId } });
      const note =
        existing ??
        manager.create(SessionNote, { appointmentId, workerId: appointment.workerId, counsellorId: actor.userId, crisisLevel: null, referralRequested: false, referralNote: null });
      note.notes = input.notes;
      note.concerns = input.concerns;
      note.updatedAt = now;
      if (input.crisis) note.crisisLevel = input.crisis.level;
      if (input.referral) {
        note.referralRequested = true;
        note.referralNote = input.referral.note?.trim() || null;
      }
      await manager.save(note);
      await this.audit.record(manager, actor, {
        action: existing ? 'session_note.amend' : 'session_note.write',
        resourceType: 'appointment',
        resourceId: appointmentId,
        workerId: appointment.workerId,
        detail: { crisis: !!input.crisis, referral: !!input.referral },
      });
      if (input.crisis) {
        await this.events.publish(
          manager,
          COUNSELLING_CRISIS_FLAGGED,
          { appointmentId, workerId: appointment.workerId, orgUnitId: appointment.orgUnitId, counsellorId: actor.userId, level: input.crisis.level },
          `${appointmentId}:${input.crisis.level}`,
        );
      }
      if (input.referral) {
        await this.events.publish(
          manager,
          COUNSELLING_REFERRAL_REQUESTED,
          { appointmentId, workerId: appointment.workerId, counsellorId: actor.userId, ...(note.referralNote ? { note: note.referralNote } : {}) },
          appointmentId,
        );
      }
      return toSessionNoteDto(note);
    });
  }

  read(actor: Actor, appointmentId: string): Promise<SessionNoteDto> {
    return this.transactions.run(async (manager) => {
      const appointment = await this.appointments.requireAppointment(manager, actor, appointmentId);
      const note = await manager.findOne(SessionNote, { where: { appointmentId } });
      if (!note) throw notFound('Session notes', '咨询记录');
      await this.audit.record(manager, actor, {
        action: 'session_note.read',
        resourceType: 'appointment',
        resourceId: appointmentId,
        workerId: appointment.workerId,
      });
      return toSessionNoteDto(note);
    });
  }
}
