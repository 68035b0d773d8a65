import { Module } from '@nestjs/common';
import { RecordModule } from './record/record.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RightsModule } from './rights/rights.module.js';
import { WorkerMergeModule } from './merge/worker-merge.module.js';

/**
 * Insights: views composed above the tiers, one module per bounded context: the psychological record (心理档案),
 * the dashboards (统计报表) and the data-subject rights. Each imports only exported services of the modules below.
 */
@Module({
  imports: [RecordModule, ReportsModule, RightsModule, WorkerMergeModule],
})
export class InsightsModule {}
