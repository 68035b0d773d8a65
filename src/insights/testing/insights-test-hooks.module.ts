import { Controller, Get, HttpCode, Module, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize, Public } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { DIALECT } from '../../platform/database/dialect.js';
import { Transactions } from '../../platform/database/transactions.js';
import { recordLatest } from '../../population/assessments/assessment-latest.js';
import { AssessmentResult } from '../../population/assessments/entities/assessment-result.entity.js';
import type { ReportName } from '../reports/domain/report-definitions.js';
import type { ReportDto } from '../reports/dto/report.dto.js';
import { ReportQueryDto } from '../reports/dto/report-query.dto.js';
import { ReportsModule } from '../reports/reports.module.js';
import { rebuildReportCounts } from '../reports/services/report-counts-rebuild.js';
import { ReportsService } from '../reports/services/reports.service.js';

/**
 * Only mounted when TEST_HOOKS=true (refused in production): the dashboards' reference computation and the
 * pre-aggregated counts' maintenance, for the e2e suite that runs the app in a child process.
 */
@ApiExcludeController()
@Controller('test/insights')
class InsightsTestHooksController {
  constructor(
    private readonly transactions: Transactions,
    private readonly reports: ReportsService,
  ) {}

  /** Recomputes the pre-aggregated counts from the facts (what `npm run insights:rebuild` runs). */
  @Post('rebuild')
  @HttpCode(200)
  @Public()
  async rebuild(): Promise<{ rebuilt: true }> {
    await this.transactions.run((manager) => rebuildReportCounts(manager, DIALECT));
    return { rebuilt: true };
  }

  /** A result inserted by SQL (a test's fixture), taken into the latest-result summary and the counts as a submission is. */
  @Post('results/:id/latest')
  @HttpCode(200)
  @Public()
  async latest(@Param('id') id: string): Promise<{ recorded: true }> {
    await this.transactions.run(async (manager) => {
      // Only what the summary needs: a fixture's answers are not ciphertext.
      const result = await manager.findOneOrFail(AssessmentResult, { where: { id }, select: { id: true, workerId: true, instrumentCode: true, band: true, createdAt: true } });
      await recordLatest(manager, result);
    });
    return { recorded: true };
  }

  /** The dashboard counted by a pass over every worker and their facts: what the pre-aggregated one must equal. */
  @Get('reports/:report')
  @Authorize(Permission.ReportRead)
  fromFacts(@CurrentActor() actor: Actor, @Param('report') report: ReportName, @Query() query: ReportQueryDto): Promise<ReportDto> {
    return this.reports.build(actor, report, query, 'facts');
  }
}

@Module({ imports: [ReportsModule], controllers: [InsightsTestHooksController] })
export class InsightsTestHooksModule {}
