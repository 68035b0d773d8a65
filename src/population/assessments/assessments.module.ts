import { Module } from '@nestjs/common';
import { AssessmentRightsContributor } from './assessment-rights.contributor.js';
import { AssessmentReportFacts } from './assessment-report-facts.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { AssessmentHistory } from './assessment-history.service.js';
import { AssessmentsService } from './assessments.service.js';
import { CampaignCohorts } from './campaigns/campaign-cohorts.service.js';
import { CampaignReminders } from './campaigns/campaign-reminders.service.js';
import { CampaignReports } from './campaigns/campaign-reports.service.js';
import { CampaignsService } from './campaigns/campaigns.service.js';
import { AssessmentsController } from './controllers/assessments.controller.js';
import { CampaignsController } from './controllers/campaigns.controller.js';
import { InstrumentFilesController, ReportInstrumentsController } from './controllers/instrument-files.controller.js';
import { InstrumentsController } from './controllers/instruments.controller.js';
import { InstrumentVersion } from './entities/instrument-version.entity.js';
import { InstrumentFilesService } from './instrument-files.service.js';
import { RiskAlertsController } from './controllers/risk-alerts.controller.js';
import { CrisisAlertSubscriber } from './crisis-alert.subscriber.js';
import { AssessmentLatest } from './entities/assessment-latest.entity.js';
import { AssessmentCount } from './entities/assessment-count.entity.js';
import { AssessmentCountsRegistration } from './assessment-counts-registration.js';
import { AssessmentResult } from './entities/assessment-result.entity.js';
import { CampaignMember, CampaignReminder, CampaignTarget, ScreeningCampaign } from './entities/screening-campaign.entity.js';
import { InstrumentLibrary } from './instrument-library.service.js';
import { RiskAlertsService } from './risk-alerts.service.js';

/**
 * 面 · Assessments: the instrument library, scoring, submissions, crisis rules and risk alerts, screening
 * campaigns (测评活动). Exports `AssessmentHistory` (results over time, for the composed 心理档案),
 * `InstrumentLibrary`, `CampaignsService` (`createIn`: a campaign in the caller's transaction) and `CampaignCohorts`
 * (a cohort's respondents and score change, for care programmes); publishes `assessment.crisis`.
 */
@Module({
  imports: [PeopleModule, TypeOrmModule.forFeature([InstrumentVersion, AssessmentResult, AssessmentLatest, AssessmentCount, ScreeningCampaign, CampaignTarget, CampaignReminder, CampaignMember])],
  controllers: [InstrumentFilesController, ReportInstrumentsController, InstrumentsController, AssessmentsController, RiskAlertsController, CampaignsController],
  providers: [
    AssessmentRightsContributor,
    AssessmentCountsRegistration,
    AssessmentReportFacts,
    InstrumentLibrary,
    InstrumentFilesService,
    AssessmentsService,
    AssessmentHistory,
    RiskAlertsService,
    CrisisAlertSubscriber,
    CampaignsService,
    CampaignReports,
    CampaignReminders,
    CampaignCohorts,
  ],
  exports: [AssessmentReportFacts, AssessmentHistory, InstrumentLibrary, CampaignsService, CampaignCohorts],
})
export class AssessmentsModule {}
