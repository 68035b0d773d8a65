import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { PreparedRead } from '../../../platform/database/prepared-read.js';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { Permission, roleHas } from '../../../platform/auth/permissions.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Transactions } from '../../../platform/database/transactions.js';
import type { RecordAudience } from '../../shared/record-audience.js';
import { staffNames } from '../../shared/viewer.js';
import { concernLabel } from '../domain/concerns.js';
import type { CounsellingHistoryDto, CounsellingSummaryDto } from '../dto/counselling.dto.js';
import { Appointment } from '../entities/appointment.entity.js';
import { SessionNote } from '../entities/session-note.entity.js';

/** A worker's appointments, newest first: prepared, one index range. */
const APPOINTMENTS = new PreparedRead(Appointment, 'e.worker_id = :workerId ORDER BY e.starts_at DESC, e.id ASC');

/** The counselling part of a worker's 心理档案, exported for the composed record. */
@Injectable()
export class CounsellingHistoryService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Appointments with their status, and a summary (attended, no-shows…). Session notes and presenting concerns only
   * when `audience` is `staff` and the actor's role holds session_note.read (counsellors, supervisors); never for
   * `self`. It only reads (call it inside `transactions.read`); the caller audits the disclosure, naming the notes
   * it showed (`sessionNotesShown`). The caller has already established that `actor` may see `workerId`.
   */
  async historyForWorker(manager: EntityManager, actor: Actor, workerId: string, audience: RecordAudience): Promise<CounsellingHistoryDto> {
    const rows = await APPOINTMENTS.many(manager, { workerId });
    const withNotes = audience === 'staff' && roleHas(actor.role, Permission.SessionNoteRead);
    const notes = withNotes && rows.length > 0 ? await manager.find(SessionNote, { where: { appointmentId: In(rows.map((r) => r.id)) } }) : [];
    const byAppointment = new Map(notes.map((n) => [n.appointmentId, n]));
    const names = await staffNames(manager, this.users, rows.map((r) => r.counsellorId));
    const summary: CounsellingSummaryDto = { booked: 0, attended: 0, noShow: 0, cancelled: 0, rescheduled: 0 };
    for (const row of rows) summary[row.status === 'no_show' ? 'noShow' : row.status] += 1;
    return {
      summary,
      appointments: rows.map((row) => {
        const note = byAppointment.get(row.id);
        return {
          appointmentId: row.id,
          counsellorId: row.counsellorId,
          counsellorName: names.get(row.counsellorId) ?? null,
          startsAt: row.startsAt.toISOString(),
          endsAt: row.endsAt.toISOString(),
          mode: row.mode,
          place: row.place,
          status: row.status,
          ...(withNotes
            ? {
                session: note
                  ? {
                      concerns: note.concerns.map(concernLabel),
                      notes: note.notes,
                      crisisLevel: note.crisisLevel,
                      referralRequested: note.referralRequested,
                      writtenAt: note.createdAt.toISOString(),
                    }
                  : null,
              }
            : {}),
        };
      }),
    };
  }

  /** GET /counselling/workers/:workerId/appointments: a worker in scope, read audited (notes shown named). */
  async forStaff(actor: Actor, workerId: string): Promise<CounsellingHistoryDto> {
    const history = await this.transactions.read(async (manager) => {
      await this.scope.requireWorker(manager, actor, workerId);
      return this.historyForWorker(manager, actor, workerId, 'staff');
    });
    await this.audit.recordRead(actor, {
      action: 'appointment.history_read',
      resourceType: 'worker',
      resourceId: workerId,
      workerId,
      detail: { sessionNotesShown: sessionNotesShown(history) },
    });
    return history;
  }
}

/** Appointments whose session notes a history shows: what an audit row of its disclosure must name. */
export function sessionNotesShown(history: CounsellingHistoryDto): string[] {
  return history.appointments.filter((a) => a.session).map((a) => a.appointmentId);
}
