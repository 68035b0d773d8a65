import { Module } from '@nestjs/common';
import { CrisisModule } from '../../individual/crisis/crisis.module.js';
import { EapModule } from '../../eap/eap.module.js';
import { ServiceDeskModule } from '../../service-desk/service-desk.module.js';
import { ReferralsModule } from '../../individual/referrals/referrals.module.js';
import { AssessmentsModule } from '../../population/assessments/assessments.module.js';
import { CounsellingModule } from '../../population/counselling/counselling.module.js';
import { ProgrammesModule } from '../../subgroups/programmes/programmes.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportExportService } from './services/report-export.service.js';
import { ReportsService } from './services/reports.service.js';

/**
 * 统计报表: aggregate dashboards for officials, supervisors and admins. Each figure comes from the module that owns
 * the table, as a SQL fragment (AssessmentReportFacts, CrisisReportFacts, ReferralReportFacts, CounsellingReportFacts,
 * ProgrammeReportFacts, EapReportFacts, DeskReportFacts); this module counts, suppresses and exports.
 */
@Module({
  imports: [EapModule, ServiceDeskModule, AssessmentsModule, CounsellingModule, ProgrammesModule, CrisisModule, ReferralsModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportExportService],
  exports: [ReportsService],
})
export class ReportsModule {}
