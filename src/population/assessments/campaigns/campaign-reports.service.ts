import { Injectable } from '@nestjs/common';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { toAssessmentResultDto } from '../assessment-mapper.js';
import type { CampaignQueryDto, CampaignResultPageDto, ParticipationDto } from '../dto/campaign.dto.js';
import { AssessmentResult, summaryColumns } from '../entities/assessment-result.entity.js';
import { workerNames } from '../worker-names.js';
import { whereInAudience } from './campaign-audience.js';
import { CampaignsService } from './campaigns.service.js';

/**
 * What a campaign produced, for staff: participation by unit (counts only) and the individual results of the
 * workers in the viewer's scope (audited). Officials have no route here; their aggregates come with the reports issue.
 */
@Injectable()
export class CampaignReports {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignsService,
  ) {}

  /** Targeted, started and completed workers per unit, one GROUP BY over the audience within the viewer's scope. */
  participation(actor: Actor, campaignId: string): Promise<ParticipationDto> {
    return this.transactions.read(async (manager) => {
      const campaign = await this.campaigns.requireVisible(manager, actor, campaignId);
      const qb = manager
        .createQueryBuilder()
        .from('workers', 'w')
        .innerJoin('org_units', 'ou', 'ou.id = w.org_unit_id')
        .leftJoin(
          (sub) =>
            sub
              .select('r.worker_id', 'worker_id')
              .addSelect('COUNT(DISTINCT r.instrument_code)', 'n')
              .from('assessment_results', 'r')
              .where('r.campaign_id = :participationCampaignId')
              .groupBy('r.worker_id'),
          'd',
          'd.worker_id = w.id',
        )
        .select('w.org_unit_id', 'orgUnitId')
        .addSelect('ou.name', 'name')
        .addSelect('COUNT(*)', 'targeted')
        .addSelect('SUM(CASE WHEN d.n > 0 THEN 1 ELSE 0 END)', 'started')
        .addSelect('SUM(CASE WHEN d.n >= :instrumentCount THEN 1 ELSE 0 END)', 'completed')
        .setParameters({ participationCampaignId: campaign.id, instrumentCount: campaign.instrumentCodes.length });
      whereInAudience(qb, campaign.id, campaign.filters, 'w', campaign.audience);
      this.scope.whereUnitInScope(qb, actor, 'w.org_unit_id');
      const rows = await qb
        .groupBy('w.org_unit_id')
        .addGroupBy('ou.name')
        .orderBy('ou.name', 'ASC')
        .getRawMany<{ orgUnitId: string; name: string; targeted: string | number; started: string | number; completed: string | number }>();
      const units = rows.map((r) => ({
        orgUnitId: r.orgUnitId,
        name: r.name,
        targeted: Number(r.targeted),
        started: Number(r.started ?? 0),
        completed: Number(r.completed ?? 0),
      }));
      const sum = (key: 'targeted' | 'started' | 'completed') => units.reduce((total, u) => total + u[key], 0);
      return { campaignId: campaign.id, units, targeted: sum('targeted'), started: sum('started'), completed: sum('completed') };
    });
  }

  /** Individual results of the campaign for workers in the viewer's scope, newest first. */
  results(actor: Actor, campaignId: string, query: CampaignQueryDto): Promise<CampaignResultPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    return this.transactions.run(async (manager) => {
      const campaign = await this.campaigns.requireVisible(manager, actor, campaignId);
      const qb = manager
        .getRepository(AssessmentResult)
        .createQueryBuilder('r')
        .select(summaryColumns('r'))
        .where('r.campaign_id = :campaignId', { campaignId: campaign.id });
      this.scope.whereWorkerInScope(qb, actor, 'r.worker_id');
      const [rows, total] = await qb
        .orderBy('r.created_at', 'DESC')
        .addOrderBy('r.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      const names = await workerNames(manager, rows.map((r) => r.workerId));
      await this.audit.record(manager, actor, {
        action: 'campaign.results.read',
        resourceType: 'campaign',
        resourceId: campaign.id,
        detail: { results: rows.length, workerIds: [...new Set(rows.map((r) => r.workerId))] },
      });
      return {
        items: rows.map((r) => ({ workerId: r.workerId, workerName: names.get(r.workerId) ?? '', result: toAssessmentResultDto(r, true) })),
        total,
        page,
        pageSize,
      };
    });
  }
}
