import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { DIALECT } from '../../../platform/database/dialect.js';
import { queryNamed, typedParam } from '../../../platform/database/named-query.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { parseRule, type EligibilityRule } from '../domain/eligibility-rule.js';
import { eligibleWorkers } from '../domain/eligibility-sql.js';
import type { EligibilityPreviewDto, EnrolInput, EnrolResultDto, PreviewRuleDto } from '../dto/programme.dto.js';
import { CareProgramme } from '../entities/care-programme.entity.js';
import type { EnrolmentSource } from '../entities/programme-enrolment.entity.js';
import { ProgrammeErrors } from '../programme-errors.js';
import { ProgrammeAccess } from './programme-access.service.js';
import { ProgrammeInvitations } from './invitations.service.js';
import { pathWithin } from '../../../people/access/org-subtree.js';

const num = (value: unknown) => Number(value ?? 0);

/**
 * Who a programme's rule matches, as one set-based query over `workers` scoped to the owning unit's subtree (the
 * people tables are read by name, as AccessScope and campaign audiences do); never a loop over workers. Preview
 * counts; enrolment is one INSERT … SELECT that skips workers already in the programme; automatic enrolment runs the
 * same statement for one worker when their profile changes.
 */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly access: ProgrammeAccess,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly invitations: ProgrammeInvitations,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** POST /programmes/{id}/eligibility/preview: counts for the saved rule. */
  preview(actor: Actor, programmeId: string): Promise<EligibilityPreviewDto> {
    return this.transactions.read(async (manager) => {
      const programme = await this.access.require(manager, actor, programmeId);
      return this.count(manager, programme.eligibility, await this.unitPath(manager, programme.orgUnitId), programme.id);
    });
  }

  /** POST /programmes/eligibility/preview: a rule tried before it is saved. */
  previewRule(actor: Actor, input: PreviewRuleDto): Promise<EligibilityPreviewDto> {
    const rule = parseRule(input.eligibility);
    return this.transactions.read(async (manager) => {
      const unitId = input.orgUnitId ?? actor.orgUnitId;
      await this.scope.requireUnit(manager, actor, unitId);
      return this.count(manager, rule, await this.unitPath(manager, unitId), null);
    });
  }

  /** Enrols every eligible worker not yet in the programme (status `invited`) and queues their invitations. */
  enrol(actor: Actor, programmeId: string, input: EnrolInput): Promise<EnrolResultDto> {
    return this.transactions.run(async (manager) => {
      const programme = await this.access.require(manager, actor, programmeId);
      if (programme.status !== 'active') throw ProgrammeErrors.notActive();
      const path = await this.unitPath(manager, programme.orgUnitId);
      if (input.expected !== undefined) {
        const { toEnrol } = await this.count(manager, programme.eligibility, path, programme.id);
        if (toEnrol !== input.expected) throw ProgrammeErrors.countChanged(input.expected, toEnrol);
      }
      const enrolled = await this.insertEligible(manager, programme, path, 'bulk');
      if (enrolled.length > 0) await this.invitations.queueFor(manager, programme.id);
      await this.audit.record(manager, actor, {
        action: 'programme.enrol',
        resourceType: 'programme',
        resourceId: programme.id,
        detail: { enrolled: enrolled.length },
      });
      return { enrolled: enrolled.length, invitationsQueued: enrolled.length > 0 };
    });
  }

  /**
   * `worker.profile_changed`: enrols the worker in every active auto-enrol programme whose subtree holds their unit
   * and whose rule they now match, and invites them at once. Idempotent: the (programme, worker) key skips
   * programmes they are already in, whatever their status there. Runs in the event handler's transaction.
   */
  async autoEnrol(manager: EntityManager, workerId: string): Promise<string[]> {
    const [worker] = await queryNamed<{ path: string }>(
      manager,
      'SELECT u.path AS path FROM workers w JOIN org_units u ON u.id = w.org_unit_id WHERE w.id = :workerId AND NOT w.erased',
      { workerId },
    );
    if (!worker) return [];
    const candidates = await manager
      .getRepository(CareProgramme)
      .createQueryBuilder('p')
      .innerJoin('org_units', 'pu', 'pu.id = p.org_unit_id')
      .where("p.status = 'active' AND p.auto_enrol = :autoEnrol", { autoEnrol: true })
      .andWhere(pathWithin(':workerPath', 'pu.path'), { workerPath: worker.path })
      .addSelect('pu.path', 'unit_path')
      .getRawAndEntities<{ unit_path: string }>();
    const enrolledIn: string[] = [];
    for (const [i, programme] of candidates.entities.entries()) {
      const inserted = await this.insertEligible(manager, programme, candidates.raw[i].unit_path, 'auto', workerId);
      if (inserted.length === 0) continue;
      enrolledIn.push(programme.id);
      const user = await this.users.findByWorker(manager, workerId);
      if (user?.active) await this.invitations.inviteNow(manager, programme, { userId: user.id, email: user.email, workerId });
    }
    return enrolledIn;
  }

  private async count(manager: EntityManager, rule: EligibilityRule, unitPath: string, programmeId: string | null): Promise<EligibilityPreviewDto> {
    const eligible = eligibleWorkers(rule, unitPath, DIALECT);
    if (programmeId === null) {
      const [row] = await queryNamed(manager, `SELECT COUNT(*) AS eligible FROM workers w WHERE ${eligible.sql}`, eligible.params);
      return { eligible: num(row.eligible), alreadyEnrolled: 0, toEnrol: num(row.eligible) };
    }
    const [row] = await queryNamed(
      manager,
      `SELECT COUNT(*) AS eligible, COUNT(e.worker_id) AS enrolled FROM workers w
       LEFT JOIN programme_enrolments e ON e.programme_id = :previewProgrammeId AND e.worker_id = w.id
       WHERE ${eligible.sql}`,
      { ...eligible.params, previewProgrammeId: programmeId },
    );
    return { eligible: num(row.eligible), alreadyEnrolled: num(row.enrolled), toEnrol: num(row.eligible) - num(row.enrolled) };
  }

  /** One INSERT … SELECT of the eligible workers not yet in the programme (optionally one worker); their ids. */
  private async insertEligible(manager: EntityManager, programme: CareProgramme, unitPath: string, source: EnrolmentSource, workerId?: string): Promise<string[]> {
    const eligible = eligibleWorkers(programme.eligibility, unitPath, DIALECT);
    const rows = await queryNamed<{ worker_id: string }>(
      manager,
      `INSERT INTO programme_enrolments (programme_id, worker_id, org_unit_id, status, source, created_at)
       SELECT ${typedParam('enrolProgrammeId', 'uuid')}, w.id, w.org_unit_id, 'invited', :enrolSource, ${typedParam('enrolAt', 'timestamptz')}
       FROM workers w
       WHERE ${eligible.sql}${workerId ? ' AND w.id = :enrolWorkerId' : ''}
         AND NOT EXISTS (SELECT 1 FROM programme_enrolments x WHERE x.programme_id = :enrolProgrammeId AND x.worker_id = w.id)
       ON CONFLICT DO NOTHING
       RETURNING worker_id`,
      { ...eligible.params, enrolProgrammeId: programme.id, enrolSource: source, enrolAt: this.clock.now(), ...(workerId ? { enrolWorkerId: workerId } : {}) },
    );
    return rows.map((r) => r.worker_id);
  }

  private async unitPath(manager: EntityManager, unitId: string): Promise<string> {
    const [unit] = await this.orgUnits.ancestry(manager, unitId);
    if (!unit) throw notFound('Org unit', '该组织单位');
    return unit.path;
  }
}
