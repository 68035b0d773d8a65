import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest } from '../../../platform/errors/domain-error.js';
import { IndividualHistory } from '../../shared/history.service.js';
import { unitWithin, userFacts } from '../../shared/people-reads.js';
import type { IncidentSessionDto, IncidentAttendanceDto, ScheduleSessionDto } from '../dto/incident.dto.js';
import { IncidentAttendance, IncidentSession, IncidentWorker } from '../entities/incident.entity.js';
import { IncidentErrors } from '../incident-errors.js';
import { IncidentsService } from './incidents.service.js';

/** Psychological first aid and group debriefing sessions for an incident's affected group, with attendance. */
@Injectable()
export class IncidentSessionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly incidents: IncidentsService,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  schedule(actor: Actor, incidentId: string, input: ScheduleSessionDto): Promise<IncidentSessionDto> {
    return this.transactions.run(async (manager) => {
      const incident = await this.incidents.requireIncident(manager, actor, incidentId);
      if (input.facilitatorId) {
        const facilitator = await userFacts(manager, input.facilitatorId);
        const eligible =
          facilitator?.active && (facilitator.role === 'counsellor' || facilitator.role === 'supervisor') && (await unitWithin(manager, incident.orgUnitId, facilitator.orgUnitId));
        if (!eligible) {
          throw badRequest('FACILITATOR_NOT_ELIGIBLE', '带领人须为该单位或其上级单位的在职心理咨询师或督导', 'The facilitator must be an active counsellor or supervisor of the unit or above it');
        }
      }
      const session = manager.create(IncidentSession, {
        incidentId: incident.id,
        kind: input.kind,
        startsAt: new Date(input.startsAt),
        location: input.location?.trim() || null,
        facilitatorId: input.facilitatorId ?? null,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await manager.save(session);
      await this.history.write(manager, actor, { subjectType: 'incident', subjectId: incident.id, action: 'session_scheduled', to: `${session.kind}:${session.id}` });
      await this.audit.record(manager, actor, { action: 'incident.session', resourceType: 'incident', resourceId: incident.id, detail: { sessionId: session.id, kind: session.kind } });
      return { id: session.id, kind: session.kind, startsAt: session.startsAt.toISOString(), location: session.location, facilitatorId: session.facilitatorId, attended: 0 };
    });
  }

  /** Records (or corrects) attendance of affected workers; 400 NOT_AFFECTED for anyone outside the affected group. */
  attendance(actor: Actor, incidentId: string, sessionId: string, input: IncidentAttendanceDto): Promise<IncidentSessionDto> {
    return this.transactions.run(async (manager) => {
      const incident = await this.incidents.requireIncident(manager, actor, incidentId);
      const session = await manager.findOne(IncidentSession, { where: { id: sessionId, incidentId: incident.id } });
      if (!session) throw IncidentErrors.sessionNotFound();
      const affected = await manager.find(IncidentWorker, { where: { incidentId: incident.id, workerId: In(input.workerIds) }, select: { workerId: true } });
      const known = new Set(affected.map((a) => a.workerId));
      const strangers = input.workerIds.filter((id) => !known.has(id));
      if (strangers.length > 0) throw IncidentErrors.notAffected(strangers);
      const now = this.clock.now();
      await manager.delete(IncidentAttendance, { sessionId: session.id, workerId: In(input.workerIds) });
      await manager.insert(
        IncidentAttendance,
        input.workerIds.map((workerId) => ({ sessionId: session.id, workerId, incidentId: incident.id, attended: input.attended, recordedBy: actor.userId, recordedAt: now })),
      );
      await this.history.write(manager, actor, {
        subjectType: 'incident',
        subjectId: incident.id,
        action: 'attendance_recorded',
        to: `${session.id}:${input.attended ? 'attended' : 'absent'}:${input.workerIds.length}`,
      });
      await this.audit.record(manager, actor, {
        action: 'incident.attendance',
        resourceType: 'incident',
        resourceId: incident.id,
        detail: { sessionId: session.id, attended: input.attended, workerIds: input.workerIds },
      });
      const attended = await manager.count(IncidentAttendance, { where: { sessionId: session.id, attended: true } });
      return { id: session.id, kind: session.kind, startsAt: session.startsAt.toISOString(), location: session.location, facilitatorId: session.facilitatorId, attended };
    });
  }
}
