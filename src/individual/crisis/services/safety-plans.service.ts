import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PreparedRead } from '../../../platform/database/prepared-read.js';
import { ownWorkerId } from '../../../people/me/own-worker.js';
import { crisisHelp } from '../../../platform/help/crisis-help.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { IndividualHistory } from '../../shared/history.service.js';
import { IndividualSettings } from '../../shared/settings.js';
import { toSafetyPlanDto } from '../case-mapper.js';
import { CrisisErrors } from '../crisis-errors.js';
import type { MySafetyPlanDto, SafetyPlanDto, WriteSafetyPlanDto } from '../dto/safety-plan.dto.js';
import type { CrisisCase } from '../entities/crisis-case.entity.js';
import { SafetyPlan, type SafetyContact, type SafetyPlanContent } from '../entities/safety-plan.entity.js';
import { CaseAccess } from './case-access.service.js';

const clean = (items: string[]) => items.map((s) => s.trim()).filter(Boolean);
const contacts = (items: Array<{ name: string; phone?: string | null }>): SafetyContact[] =>
  items.map((c) => ({ name: c.name.trim(), phone: c.phone?.trim() || null })).filter((c) => c.name);

/** A worker's current plan (highest version), read by every record: prepared. */
const CURRENT_PLAN = new PreparedRead(SafetyPlan, 'e.worker_id = :workerId ORDER BY e.version DESC LIMIT 1');

/**
 * Safety plans (Stanley–Brown), versioned per worker: writing one adds the next version (a unique index on worker and
 * version keeps two writers from taking the same number); earlier versions stay. The worker reads the current version
 * on their own record and at GET /me/safety-plan, always with the help lines.
 */
@Injectable()
export class SafetyPlansService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: IndividualSettings,
  ) {}

  write(actor: Actor, caseId: string, input: WriteSafetyPlanDto): Promise<SafetyPlanDto> {
    return this.transactions.run(async (manager) => {
      const { crisisCase, grantId } = await this.access.requireCase(manager, actor, caseId);
      assertWorkable(crisisCase);
      const content: SafetyPlanContent = {
        warningSigns: clean(input.warningSigns),
        internalCoping: clean(input.internalCoping),
        socialContacts: contacts(input.socialContacts),
        peopleToAsk: contacts(input.peopleToAsk),
        professionals: contacts(input.professionals),
        environmentSafety: clean(input.environmentSafety),
        reasonsForLiving: input.reasonsForLiving?.trim() || null,
      };
      const latest = await this.current(manager, crisisCase.workerId);
      const plan = manager.create(SafetyPlan, {
        workerId: crisisCase.workerId,
        caseId: crisisCase.id,
        version: (latest?.version ?? 0) + 1,
        content,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await manager.save(plan);
      await this.history.write(manager, actor, {
        subjectType: 'crisis_case',
        subjectId: crisisCase.id,
        workerId: crisisCase.workerId,
        action: 'safety_plan_written',
        from: latest ? String(latest.version) : null,
        to: String(plan.version),
      });
      await this.audit.record(manager, actor, {
        action: 'safety_plan.write',
        resourceType: 'safety_plan',
        resourceId: plan.id,
        workerId: crisisCase.workerId,
        detail: { caseId: crisisCase.id, version: plan.version, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
      });
      return toSafetyPlanDto(plan);
    });
  }

  /** Every version of the worker's plan, newest first (audited). */
  async list(actor: Actor, caseId: string): Promise<SafetyPlanDto[]> {
    const { crisisCase, grantId, plans } = await this.transactions.read(async (manager) => {
      const reached = await this.access.requireCase(manager, actor, caseId);
      return { ...reached, plans: await manager.find(SafetyPlan, { where: { workerId: reached.crisisCase.workerId }, order: { version: 'DESC' } }) };
    });
    await this.audit.recordRead(actor, {
      action: 'safety_plan.read',
      resourceType: 'safety_plan',
      workerId: crisisCase.workerId,
      detail: { caseId: crisisCase.id, versions: plans.length, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
    });
    return plans.map(toSafetyPlanDto);
  }

  /** The worker's own current plan, with the help lines (a worker reading their own plan is not audited as a disclosure). */
  mine(actor: Actor): Promise<MySafetyPlanDto> {
    const workerId = ownWorkerId(actor);
    return this.transactions.read(async (manager) => {
      const plan = await this.current(manager, workerId);
      if (!plan) throw notFound('Safety plan', '您的安全计划');
      return this.toMine(plan);
    });
  }

  toMine(plan: SafetyPlan): MySafetyPlanDto {
    return { version: plan.version, updatedAt: plan.createdAt.toISOString(), ...plan.content, helpLines: crisisHelp(this.settings.helpLines).lines };
  }

  /** EXPORTED (through CrisisRecordQuery): the current version, or null. */
  current(manager: EntityManager, workerId: string): Promise<SafetyPlan | null> {
    return CURRENT_PLAN.one(manager, { workerId });
  }
}

/** Risk assessments and safety plans belong to a case someone has acknowledged and not closed. */
export function assertWorkable(c: CrisisCase): void {
  if (c.state === 'open') throw CrisisErrors.notAcknowledged();
  if (c.state === 'closed') throw CrisisErrors.caseClosed();
}
