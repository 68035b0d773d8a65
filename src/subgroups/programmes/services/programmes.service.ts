import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { InstrumentLibrary } from '../../../population/assessments/instrument-library.service.js';
import { move } from '../../../platform/state-machine.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { parseRule, requiresSensitive, type EligibilityRule } from '../domain/eligibility-rule.js';
import { PROGRAMME_TRANSITIONS } from '../domain/programme-rules.js';
import type {
  CreateProgrammeDto,
  ProgrammeDto,
  ProgrammeQueryDto,
  ProgrammeStatusInput,
  SubgroupDto,
  UpdateProgrammeDto,
} from '../dto/programme.dto.js';
import { CareProgramme } from '../entities/care-programme.entity.js';
import { ProgrammeEnrolment } from '../entities/programme-enrolment.entity.js';
import { ProgrammeTask } from '../entities/programme-task.entity.js';
import { ProgrammeErrors } from '../programme-errors.js';
import { toProgrammeDto, toSubgroupDto } from '../programmes.mapper.js';
import { ActivitiesService } from './activities.service.js';
import { ProgrammeAccess } from './programme-access.service.js';

const DEFAULT_OUTCOMES = ['WHO-5'];

/** Care programmes (关爱项目) of the four subgroups: definition, rule and lifecycle. */
@Injectable()
export class ProgrammesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly access: ProgrammeAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly library: InstrumentLibrary,
    private readonly activities: ActivitiesService,
  ) {}

  subgroups(_actor: Actor): Promise<SubgroupDto[]> {
    return this.transactions.read(async (manager) => [...(await this.access.subgroups(manager)).values()].map(toSubgroupDto));
  }

  create(actor: Actor, input: CreateProgrammeDto): Promise<ProgrammeDto> {
    const rule = parseRule(input.eligibility);
    const outcomes = this.outcomeInstruments(input.outcomeInstruments ?? DEFAULT_OUTCOMES);
    return this.transactions.run(async (manager) => {
      const subgroup = await this.access.subgroup(manager, input.subgroup);
      const orgUnitId = input.orgUnitId ?? actor.orgUnitId;
      await this.scope.requireUnit(manager, actor, orgUnitId);
      const programme = manager.create(CareProgramme, {
        subgroupCode: subgroup.code,
        orgUnitId,
        title: input.title.trim(),
        description: input.description ?? null,
        eligibility: rule,
        sensitive: sensitivity(rule, input.sensitive ?? subgroup.sensitive, input.sensitive),
        autoEnrol: input.autoEnrol ?? false,
        status: 'draft',
        outcomeInstruments: outcomes,
        activatedAt: null,
        closedAt: null,
        createdBy: actor.userId,
      });
      await manager.save(programme);
      await this.audit.record(manager, actor, {
        action: 'programme.create',
        resourceType: 'programme',
        resourceId: programme.id,
        detail: { subgroup: subgroup.code, facts: Object.keys(rule), sensitive: programme.sensitive, autoEnrol: programme.autoEnrol },
      });
      return toProgrammeDto(programme, subgroup);
    });
  }

  list(actor: Actor, query: ProgrammeQueryDto): Promise<ProgrammeDto[]> {
    return this.transactions.read(async (manager) => {
      // Those the actor runs (their subtree) and those of the units above, which cover their workers too.
      const base = () => {
        const qb = manager.getRepository(CareProgramme).createQueryBuilder('p').orderBy('p.created_at', 'DESC').addOrderBy('p.id');
        if (query.status) qb.andWhere('p.status = :status', { status: query.status });
        if (query.subgroup) qb.andWhere('p.subgroup_code = :subgroup', { subgroup: query.subgroup });
        return qb;
      };
      const own = await this.scope.whereUnitInScope(base(), actor, 'p.org_unit_id').getMany();
      const above = await this.access.unitsAbove(manager, actor);
      const covering = above.length ? await base().andWhere('p.org_unit_id IN (:...above)', { above }).getMany() : [];
      const subgroups = await this.access.subgroups(manager);
      return [...own, ...covering]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id))
        .map((p) => toProgrammeDto(p, subgroups.get(p.subgroupCode)));
    });
  }

  get(actor: Actor, id: string): Promise<ProgrammeDto> {
    return this.transactions.read(async (manager) => {
      const programme = await this.access.requireReadable(manager, actor, id);
      return toProgrammeDto(programme, (await this.access.subgroups(manager)).get(programme.subgroupCode));
    });
  }

  /** Changes apply from now on: workers already enrolled stay when the rule changes. */
  update(actor: Actor, id: string, input: UpdateProgrammeDto): Promise<ProgrammeDto> {
    const rule = input.eligibility !== undefined ? parseRule(input.eligibility) : undefined;
    const outcomes = input.outcomeInstruments ? this.outcomeInstruments(input.outcomeInstruments) : undefined;
    return this.transactions.run(async (manager) => {
      const programme = await this.access.require(manager, actor, id);
      if (programme.status === 'closed') throw ProgrammeErrors.closed();
      if (input.title !== undefined) programme.title = input.title.trim();
      if (input.description !== undefined) programme.description = input.description;
      if (rule) programme.eligibility = rule;
      if (input.autoEnrol !== undefined) programme.autoEnrol = input.autoEnrol;
      if (outcomes) programme.outcomeInstruments = outcomes;
      programme.sensitive = sensitivity(programme.eligibility, input.sensitive ?? programme.sensitive, input.sensitive);
      await manager.save(programme);
      await this.audit.record(manager, actor, {
        action: 'programme.update',
        resourceType: 'programme',
        resourceId: programme.id,
        detail: { fields: Object.keys(input), sensitive: programme.sensitive },
      });
      return toProgrammeDto(programme, (await this.access.subgroups(manager)).get(programme.subgroupCode));
    });
  }

  /**
   * draft → active → closed (or draft → closed). Activating starts activities whose time passed while a draft.
   * Closing completes the accepted enrolments, withdraws the unanswered invitations, cancels scheduled activities
   * and open tasks, each in one statement.
   */
  setStatus(actor: Actor, id: string, input: ProgrammeStatusInput): Promise<ProgrammeDto> {
    return this.transactions.run(async (manager) => {
      const programme = await this.access.require(manager, actor, id);
      programme.status = move(PROGRAMME_TRANSITIONS, programme.status, input.status);
      const now = this.clock.now();
      if (input.status === 'active') {
        programme.activatedAt = now;
        await this.activities.startOverdue(manager, programme.id);
      }
      if (input.status === 'closed') {
        programme.closedAt = now;
        await this.closeEnrolments(manager, actor, programme.id, now);
        await this.activities.cancelScheduled(manager, programme.id);
      }
      await manager.save(programme);
      await this.audit.record(manager, actor, { action: `programme.${input.status === 'active' ? 'activate' : 'close'}`, resourceType: 'programme', resourceId: programme.id });
      return toProgrammeDto(programme, (await this.access.subgroups(manager)).get(programme.subgroupCode));
    });
  }

  private async closeEnrolments(manager: EntityManager, actor: Actor, programmeId: string, now: Date): Promise<void> {
    const moves = [
      ['accepted', 'completed'],
      ['invited', 'withdrawn'],
    ] as const;
    for (const [from, to] of moves) {
      await manager.update(ProgrammeEnrolment, { programmeId, status: from }, { status: to, statusChangedAt: now, statusChangedBy: actor.userId });
    }
    await manager.update(ProgrammeTask, { programmeId, status: 'open' }, { status: 'cancelled', completedAt: now, completedBy: actor.userId });
  }

  /** Outcome measures must be instruments with a total score (not CBI). */
  private outcomeInstruments(codes: string[]): string[] {
    return codes.map((code) => {
      const definition = this.library.require(code);
      if (definition.scoring.total === 'none') throw ProgrammeErrors.noTotal(definition.code);
      return definition.code;
    });
  }
}

/** The sensitivity asked for, unless the rule reads facts whose matching is sensitive (then refused if asked false). */
function sensitivity(rule: EligibilityRule, wanted: boolean, explicitlyGiven: boolean | undefined): boolean {
  if (!requiresSensitive(rule)) return wanted;
  if (explicitlyGiven === false) throw ProgrammeErrors.mustBeSensitive();
  return true;
}
