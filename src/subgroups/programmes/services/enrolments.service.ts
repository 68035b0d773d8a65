import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { ownWorkerId } from '../../../people/me/own-worker.js';
import { move } from '../../../platform/state-machine.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { fromDbTime } from '../../../platform/database/db-time.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { DomainError, notFound } from '../../../platform/errors/domain-error.js';
import { ENROLMENT_TRANSITIONS, type EnrolmentStatus } from '../domain/programme-rules.js';
import type { ProgrammeEnrolmentDto, ProgrammeMemberDto, MemberPageDto, ProgrammeMemberQueryDto, MyProgrammeDto } from '../dto/enrolment.dto.js';
import type { RecordAnswerInput } from '../dto/programme.dto.js';
import { CareProgramme } from '../entities/care-programme.entity.js';
import { ProgrammeActivity } from '../entities/programme-activity.entity.js';
import { ProgrammeEnrolment, type EnrolmentSource } from '../entities/programme-enrolment.entity.js';
import { iso, subgroupName } from '../programmes.mapper.js';
import { ProgrammeAccess } from './programme-access.service.js';

const toEnrolmentDto = (e: ProgrammeEnrolment): ProgrammeEnrolmentDto => ({
  programmeId: e.programmeId,
  workerId: e.workerId,
  status: e.status,
  statusChangedAt: iso(e.statusChangedAt),
});

interface MemberRow {
  workerId: string;
  workerName: string;
  orgUnitId: string;
  status: EnrolmentStatus;
  source: EnrolmentSource;
  invitedAt: Date | string;
  invitationSentAt: Date | string | null;
  statusChangedAt: Date | string | null;
}

/** Who is in a programme (staff side) and the worker's own invitations (accept or decline). */
@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly access: ProgrammeAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The enrolled workers, by name: clinical staff in scope only (officials hold no permission for it; a sensitive
   * programme refuses any other role, and that refusal is audited and committed before it is thrown). Limited to
   * workers in the reader's scope; every read is audited with the ids shown.
   */
  async members(actor: Actor, programmeId: string, query: ProgrammeMemberQueryDto): Promise<MemberPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const outcome = await this.transactions.run(async (manager): Promise<MemberPageDto | DomainError> => {
      const programme = await this.access.requireReadable(manager, actor, programmeId);
      const refusal = this.access.membershipRefusal(actor, programme);
      if (refusal) {
        await this.audit.record(manager, actor, { action: 'programme.members_read', resourceType: 'programme', resourceId: programme.id, outcome: 'denied', detail: { sensitive: true } });
        return refusal;
      }
      const qb = manager
        .createQueryBuilder()
        .from('programme_enrolments', 'e')
        .innerJoin('workers', 'w', 'w.id = e.worker_id')
        .where('e.programme_id = :programmeId', { programmeId })
        .andWhere('NOT w.erased');
      this.scope.whereWorkerInScope(qb, actor, 'e.worker_id');
      if (query.status) qb.andWhere('e.status = :status', { status: query.status });
      const total = Number((await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: unknown }>())?.n ?? 0);
      const rows = await qb
        .select(['e.worker_id AS "workerId"', 'w.name AS "workerName"', 'w.org_unit_id AS "orgUnitId"', 'e.status AS status', 'e.source AS source'])
        .addSelect(['e.created_at AS "invitedAt"', 'e.invitation_sent_at AS "invitationSentAt"', 'e.status_changed_at AS "statusChangedAt"'])
        .orderBy('w.name', 'ASC')
        .addOrderBy('e.worker_id', 'ASC')
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getRawMany<MemberRow>();
      await this.audit.record(manager, actor, {
        action: 'programme.members_read',
        resourceType: 'programme',
        resourceId: programme.id,
        detail: { sensitive: programme.sensitive, workerIds: rows.map((r) => r.workerId) },
      });
      return { items: rows.map(toMemberDto), total, page, pageSize };
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /** Staff take a worker out of the programme (invited or accepted → withdrawn). */
  withdraw(actor: Actor, programmeId: string, workerId: string): Promise<ProgrammeEnrolmentDto> {
    return this.transactions.run(async (manager) => {
      const programme = await this.access.require(manager, actor, programmeId);
      await this.scope.requireWorker(manager, actor, workerId);
      return this.move(manager, actor, programme.id, workerId, 'withdrawn', 'programme.withdraw');
    });
  }

  /** Staff record the answer a worker gave in person, by phone or on paper (the same rules as the worker's own). */
  recordAnswer(actor: Actor, programmeId: string, workerId: string, input: RecordAnswerInput): Promise<ProgrammeEnrolmentDto> {
    return this.transactions.run(async (manager) => {
      const programme = await this.access.require(manager, actor, programmeId);
      await this.scope.requireWorker(manager, actor, workerId);
      const action = input.answer === 'accepted' ? 'programme.accept' : 'programme.decline';
      return this.move(manager, actor, programme.id, workerId, input.answer, action, { recordedFor: workerId, channel: input.channel });
    });
  }

  /** GET /me/programmes: the worker's invitations and programmes, with the plan once they accepted. */
  mine(actor: Actor): Promise<MyProgrammeDto[]> {
    return this.transactions.read(async (manager) => {
      const workerId = (await this.scope.requireWorker(manager, actor, ownWorkerId(actor))).id;
      const enrolments = await manager.find(ProgrammeEnrolment, { where: { workerId }, order: { createdAt: 'DESC' } });
      if (enrolments.length === 0) return [];
      const programmes = new Map((await manager.find(CareProgramme, { where: { id: In(enrolments.map((e) => e.programmeId)) } })).map((p) => [p.id, p]));
      const taking = enrolments.filter((e) => e.status === 'accepted').map((e) => e.programmeId);
      const activities =
        taking.length > 0
          ? await manager.find(ProgrammeActivity, { where: { programmeId: In(taking), status: Not('cancelled') }, order: { scheduledAt: 'ASC', id: 'ASC' } })
          : [];
      const subgroups = await this.access.subgroups(manager);
      return enrolments
        .filter((e) => programmes.has(e.programmeId))
        .map((e) => {
          const programme = programmes.get(e.programmeId)!;
          return {
            programmeId: programme.id,
            title: programme.title,
            description: programme.description,
            subgroupName: subgroupName(subgroups.get(programme.subgroupCode), programme.subgroupCode),
            status: e.status,
            invitedAt: e.createdAt.toISOString(),
            statusChangedAt: iso(e.statusChangedAt),
            activities: activities
              .filter((a) => a.programmeId === programme.id)
              .map((a) => ({ id: a.id, kind: a.kind, title: a.title, scheduledAt: a.scheduledAt.toISOString(), campaignId: a.campaignId, courseId: a.courseId, eventId: a.eventId })),
          };
        });
    });
  }

  /** The worker accepts or declines (declining is final; an accepted worker may still decline later). */
  respond(actor: Actor, programmeId: string, to: 'accepted' | 'declined'): Promise<ProgrammeEnrolmentDto> {
    return this.transactions.run(async (manager) => {
      const workerId = (await this.scope.requireWorker(manager, actor, ownWorkerId(actor))).id;
      return this.move(manager, actor, programmeId, workerId, to, to === 'accepted' ? 'programme.accept' : 'programme.decline');
    });
  }

  /** One enrolment's state change by the rules of ENROLMENT_TRANSITIONS (409 naming the allowed ones), audited. */
  private async move(
    manager: EntityManager,
    actor: Actor,
    programmeId: string,
    workerId: string,
    to: EnrolmentStatus,
    action: string,
    detail?: Record<string, unknown>,
  ): Promise<ProgrammeEnrolmentDto> {
    const enrolment = await manager.findOne(ProgrammeEnrolment, { where: { programmeId, workerId } });
    if (!enrolment) throw notFound('Enrolment', '该职工的项目记录');
    enrolment.status = move(ENROLMENT_TRANSITIONS, enrolment.status, to);
    enrolment.statusChangedAt = this.clock.now();
    enrolment.statusChangedBy = actor.userId;
    await manager.save(enrolment);
    await this.audit.record(manager, actor, { action, resourceType: 'programme', resourceId: programmeId, workerId, ...(detail ? { detail } : {}) });
    return toEnrolmentDto(enrolment);
  }
}

const toMemberDto = (r: MemberRow): ProgrammeMemberDto => ({
  workerId: r.workerId,
  workerName: r.workerName,
  orgUnitId: r.orgUnitId,
  status: r.status,
  source: r.source,
  invitedAt: fromDbTime(r.invitedAt).toISOString(),
  invitationSentAt: r.invitationSentAt ? fromDbTime(r.invitationSentAt).toISOString() : null,
  statusChangedAt: r.statusChangedAt ? fromDbTime(r.statusChangedAt).toISOString() : null,
});
