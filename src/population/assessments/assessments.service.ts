import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import { ConsentsService } from '../../people/consents/consents.service.js';
import { ownWorkerId } from '../../people/me/own-worker.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { notFound } from '../../platform/errors/domain-error.js';
import { DomainEvents } from '../../platform/jobs/domain-events.js';
import { AssessmentErrors } from './assessment-errors.js';
import { recordLatest } from './assessment-latest.js';
import { ASSESSMENT_CRISIS, type AssessmentCrisisEvent } from './assessment-events.js';
import { toAssessmentDetailDto, toAssessmentResultDto } from './assessment-mapper.js';
import { CampaignsService } from './campaigns/campaigns.service.js';
import { crisisHelp } from '../../platform/help/crisis-help.js';
import type { AssessmentDetailDto, AssessmentResultDto, SubmitAssessmentDto } from './dto/assessment.dto.js';
import { AssessmentResult, type AssessmentSource } from './entities/assessment-result.entity.js';
import { InstrumentLibrary } from './instrument-library.service.js';
import { crisisEventDetail } from './crisis-event-detail.js';
import { completedAtOf, lateFormNotice } from './paper-form.js';
import { firedRules } from './scoring/crisis.js';
import { checkAnswers, score } from './scoring/score.js';

/**
 * Submitting an assessment: the worker's own (`/me/assessments`) or one a counsellor enters from paper or a
 * session (`/workers/{id}/assessments`). Scoring happens here, once; the result, its audit row and (for a crisis)
 * the `assessment.crisis` event commit together.
 */
@Injectable()
export class AssessmentsService {
  private readonly helpLines: string;

  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly consents: ConsentsService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly library: InstrumentLibrary,
    private readonly campaigns: CampaignsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.helpLines = config.get('HELP_LINES', { infer: true });
  }

  submitOwn(actor: Actor, input: SubmitAssessmentDto): Promise<AssessmentResultDto> {
    return this.submit(actor, ownWorkerId(actor), input, 'self');
  }

  submitFor(actor: Actor, workerId: string, input: SubmitAssessmentDto): Promise<AssessmentResultDto> {
    return this.submit(actor, workerId, input, 'staff');
  }

  /** One result with its item answers, for staff in scope; audited. */
  get(actor: Actor, resultId: string): Promise<AssessmentDetailDto> {
    return this.transactions.run(async (manager) => {
      const result = await this.requireInScope(manager, actor, resultId);
      await this.audit.record(manager, actor, { action: 'assessment.read', resourceType: 'assessment_result', resourceId: result.id, workerId: result.workerId });
      return toAssessmentDetailDto(result);
    });
  }

  /** A result whose worker the actor may see; 404 otherwise (existence not revealed). */
  async requireInScope(manager: EntityManager, actor: Actor, resultId: string): Promise<AssessmentResult> {
    const result = await manager.findOne(AssessmentResult, { where: { id: resultId } });
    if (!result) throw notFound('Assessment result', '该测评结果');
    await this.scope.requireWorker(manager, actor, result.workerId).catch(() => {
      throw notFound('Assessment result', '该测评结果');
    });
    return result;
  }

  private async submit(actor: Actor, workerId: string, input: SubmitAssessmentDto, source: AssessmentSource): Promise<AssessmentResultDto> {
    const def = this.library.require(input.instrumentCode);
    const completedAt = completedAtOf(input.completedAt, source, this.clock.now());
    const checked = checkAnswers(def, input.answers);
    if (!checked.ok) throw AssessmentErrors.answers(def.code, checked.problem);
    const scored = score(def, checked.values);
    const fired = firedRules(this.library.crisisRulesOf(def.code), checked.values, scored.totalScore);
    const reasons = fired.map((f) => f.code);

    // Group-committed on SQLite: concurrent submits share one transaction, each in its own savepoint (Transactions.runGrouped).
    return this.transactions.runGrouped(async (manager) => {
      const worker = await this.scope.requireWorker(manager, actor, workerId);
      await this.consents.require(manager, worker.id, 'assessment');
      if (input.campaignId) await this.campaigns.requireOpenFor(manager, input.campaignId, worker, def.code);
      const result = manager.create(AssessmentResult, {
        workerId: worker.id,
        orgUnitId: worker.orgUnitId,
        instrumentCode: def.code,
        instrumentVersion: def.version,
        answers: checked.values,
        totalScore: scored.totalScore,
        percentScore: scored.percentScore,
        band: scored.band,
        subscales: scored.subscales,
        subscaleBands: scored.subscaleBands,
        crisis: reasons.length > 0,
        crisisReasons: reasons,
        campaignId: input.campaignId ?? null,
        source,
        enteredBy: actor.userId,
        acknowledgedAt: null,
        acknowledgedBy: null,
        createdAt: this.clock.now(),
        completedAt,
      });
      await manager.insert(AssessmentResult, result); // sets result.id
      await recordLatest(manager, result);
      await this.audit.record(manager, actor, {
        action: 'assessment.submit',
        resourceType: 'assessment_result',
        resourceId: result.id,
        workerId: worker.id,
        detail: { instrumentCode: def.code, instrumentVersion: def.version, source, campaignId: result.campaignId, ...(completedAt ? { completedAt: completedAt.toISOString() } : {}) },
      });
      if (result.crisis) {
        const event: AssessmentCrisisEvent = {
          resultId: result.id,
          workerId: worker.id,
          orgUnitId: worker.orgUnitId,
          instrumentCode: def.code,
          reasons,
          occurredAt: result.createdAt.toISOString(),
          ...crisisEventDetail(def, fired, scored),
          ...(completedAt ? { completedAt: completedAt.toISOString() } : {}),
        };
        await this.events.publish(manager, ASSESSMENT_CRISIS, { ...event }, result.id);
      }
      const late = lateFormNotice(completedAt, result.createdAt, result.crisis);
      const dto = { ...toAssessmentResultDto(result, actor.role !== 'worker'), ...(late ? { lateForm: late } : {}) };
      return actor.role === 'worker' && result.crisis ? { ...dto, help: crisisHelp(this.helpLines) } : dto;
    });
  }
}
