import { Injectable } from '@nestjs/common';
import { AccessScope } from '../../people/access/access-scope.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { notFound } from '../../platform/errors/domain-error.js';
import { AssessmentsService } from './assessments.service.js';
import type { RiskAlertDto, RiskAlertPageDto, RiskAlertQueryDto } from './dto/risk-alert.dto.js';
import { AssessmentResult, summaryColumns } from './entities/assessment-result.entity.js';
import { workerNames } from './worker-names.js';

const toRiskAlertDto = (r: AssessmentResult, workerName: string): RiskAlertDto => ({
  resultId: r.id,
  workerId: r.workerId,
  workerName,
  orgUnitId: r.orgUnitId,
  instrumentCode: r.instrumentCode,
  band: r.band,
  totalScore: r.totalScore,
  reasons: r.crisisReasons,
  occurredAt: r.createdAt.toISOString(),
  acknowledgedAt: r.acknowledgedAt ? r.acknowledgedAt.toISOString() : null,
  acknowledgedBy: r.acknowledgedBy,
});

/**
 * Risk alerts: crisis results of workers in the caller's scope, newest first, until the individual tier turns them
 * into crisis cases. Acknowledging records who has seen an alert; it changes nothing about the result.
 */
@Injectable()
export class RiskAlertsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly assessments: AssessmentsService,
  ) {}

  list(actor: Actor, query: RiskAlertQueryDto): Promise<RiskAlertPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    return this.transactions.run(async (manager) => {
      const qb = manager
        .getRepository(AssessmentResult)
        .createQueryBuilder('r')
        .select(summaryColumns('r'))
        .where('r.crisis = :crisis', { crisis: true });
      if (query.acknowledged === false) qb.andWhere('r.acknowledged_at IS NULL');
      if (query.acknowledged === true) qb.andWhere('r.acknowledged_at IS NOT NULL');
      this.scope.whereWorkerInScope(qb, actor, 'r.worker_id');
      const [rows, total] = await qb
        .orderBy('r.created_at', 'DESC')
        .addOrderBy('r.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      const names = await workerNames(manager, rows.map((r) => r.workerId));
      await this.audit.record(manager, actor, {
        action: 'risk_alert.list',
        resourceType: 'assessment_result',
        detail: { results: rows.length, total, workerIds: [...new Set(rows.map((r) => r.workerId))] },
      });
      return { items: rows.map((r) => toRiskAlertDto(r, names.get(r.workerId) ?? '')), total, page, pageSize };
    });
  }

  /** Marks an alert seen (idempotent: the first acknowledgement stands). */
  acknowledge(actor: Actor, resultId: string): Promise<RiskAlertDto> {
    return this.transactions.run(async (manager) => {
      const result = await this.assessments.requireInScope(manager, actor, resultId);
      if (!result.crisis) throw notFound('Risk alert', '该风险提示');
      if (!result.acknowledgedAt) {
        result.acknowledgedAt = this.clock.now();
        result.acknowledgedBy = actor.userId;
        await manager.update(AssessmentResult, { id: result.id }, { acknowledgedAt: result.acknowledgedAt, acknowledgedBy: actor.userId });
        await this.audit.record(manager, actor, {
          action: 'risk_alert.acknowledge',
          resourceType: 'assessment_result',
          resourceId: result.id,
          workerId: result.workerId,
        });
      }
      const names = await workerNames(manager, [result.workerId]);
      return toRiskAlertDto(result, names.get(result.workerId) ?? '');
    });
  }
}
