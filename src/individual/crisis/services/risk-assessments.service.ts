import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { IndividualHistory } from '../../shared/history.service.js';
import { urgencyRank } from '../../shared/levels.js';
import { toRiskAssessmentDto } from '../case-mapper.js';
import { CrisisErrors } from '../crisis-errors.js';
import { suggestedLevel } from '../domain/risk-triage.js';
import type { RecordRiskAssessmentDto, RiskAssessmentDto, RiskFindingsDto, SuggestedLevelDto } from '../dto/risk-assessment.dto.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import { CaseAccess } from './case-access.service.js';
import { CaseWorkflowService } from './case-workflow.service.js';
import { assertWorkable } from './safety-plans.service.js';

/**
 * Structured risk assessments (counsellor-entered triage, not an electronic C-SSRS). The findings suggest a level;
 * the counsellor's judgement becomes the case's level (a judgement below the suggestion needs a written rationale),
 * with the level change on the case's history.
 */
@Injectable()
export class RiskAssessmentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly workflow: CaseWorkflowService,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  record(actor: Actor, caseId: string, input: RecordRiskAssessmentDto): Promise<RiskAssessmentDto> {
    return this.transactions.run(async (manager) => {
      const { crisisCase, grantId } = await this.access.requireCase(manager, actor, caseId);
      assertWorkable(crisisCase);
      const findings = {
        ideation: input.ideation,
        plan: input.plan,
        intent: input.intent,
        pastAttempts: input.pastAttempts,
        protectiveFactors: input.protectiveFactors,
      };
      const suggested = suggestedLevel(findings);
      const note = input.note?.trim() || null;
      if (urgencyRank(input.judgement) > urgencyRank(suggested) && !note) throw CrisisErrors.rationaleRequired(suggested);
      const assessment = manager.create(RiskAssessment, {
        caseId: crisisCase.id,
        workerId: crisisCase.workerId,
        assessedBy: actor.userId,
        details: { ...findings, note },
        suggestedLevel: suggested,
        judgement: input.judgement,
        levelBefore: crisisCase.level,
        createdAt: this.clock.now(),
      });
      await manager.save(assessment);
      await this.history.write(manager, actor, {
        subjectType: 'crisis_case',
        subjectId: crisisCase.id,
        workerId: crisisCase.workerId,
        action: 'risk_assessed',
        from: crisisCase.level,
        to: input.judgement,
      });
      await this.audit.record(manager, actor, {
        action: 'risk_assessment.record',
        resourceType: 'risk_assessment',
        resourceId: assessment.id,
        workerId: crisisCase.workerId,
        detail: { caseId: crisisCase.id, suggested, judgement: input.judgement, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
      });
      await this.workflow.applyLevel(manager, actor, actor, crisisCase, input.judgement, `风险评估 / risk assessment ${assessment.id}`, grantId);
      return toRiskAssessmentDto(assessment);
    });
  }

  /**
   * The level findings suggest, for the form to show while it is filled in (the same rule `record` applies). It reads
   * no record, so there is nothing to audit or scope; the caller only needs the permission to assess.
   */
  suggest(_actor: Actor, findings: RiskFindingsDto): SuggestedLevelDto {
    return { suggestedLevel: suggestedLevel(findings) };
  }

  /** The case's risk assessments, newest first (audited). */
  async list(actor: Actor, caseId: string): Promise<RiskAssessmentDto[]> {
    const { crisisCase, grantId, rows } = await this.transactions.read(async (manager) => {
      const reached = await this.access.requireCase(manager, actor, caseId);
      return { ...reached, rows: await manager.find(RiskAssessment, { where: { caseId: reached.crisisCase.id }, order: { createdAt: 'DESC', id: 'ASC' } }) };
    });
    await this.audit.recordRead(actor, {
      action: 'risk_assessment.read',
      resourceType: 'crisis_case',
      resourceId: crisisCase.id,
      workerId: crisisCase.workerId,
      detail: { results: rows.length, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
    });
    return rows.map(toRiskAssessmentDto);
  }
}
