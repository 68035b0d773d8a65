import { Module } from '@nestjs/common';
import { CrisisRightsContributor } from './services/crisis-rights.contributor.js';
import { CrisisReportFacts } from './services/crisis-report-facts.js';
import { CrisisMetrics } from './services/crisis-metrics.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { IndividualSharedModule } from '../shared/individual-shared.module.js';
import { BreakGlassController } from './controllers/break-glass.controller.js';
import { CrisisCasesController } from './controllers/crisis-cases.controller.js';
import { DutyRosterController } from './controllers/duty-roster.controller.js';
import { MeCrisisController } from './controllers/me-crisis.controller.js';
import { BreakGlassGrant } from './entities/break-glass-grant.entity.js';
import { CaseNote } from './entities/case-note.entity.js';
import { CaseTrigger } from './entities/case-trigger.entity.js';
import { CrisisCase } from './entities/crisis-case.entity.js';
import { DutyShift } from './entities/duty-shift.entity.js';
import { RiskAssessment } from './entities/risk-assessment.entity.js';
import { SafetyPlan } from './entities/safety-plan.entity.js';
import { BreakGlassService } from './services/break-glass.service.js';
import { CaseAccess } from './services/case-access.service.js';
import { CaseJoining } from './services/case-joining.service.js';
import { CasePush } from './services/case-push.js';
import { CaseTriggers } from './services/case-triggers.service.js';
import { CaseViews } from './services/case-views.js';
import { CaseQueueService } from './services/case-queue.service.js';
import { CaseRouting } from './services/case-routing.service.js';
import { CaseWorkflowService } from './services/case-workflow.service.js';
import { CrisisCasesService } from './services/crisis-cases.service.js';
import { CrisisEventsSubscriber } from './services/crisis-events.subscriber.js';
import { CrisisRecordQuery } from './services/crisis-record.query.js';
import { DutyRosterService } from './services/duty-roster.service.js';
import { EscalationService } from './services/escalation.service.js';
import { RiskAssessmentsService } from './services/risk-assessments.service.js';
import { SafetyPlansService } from './services/safety-plans.service.js';
import { SelfHelpService } from './services/self-help.service.js';

/**
 * 点 · 心理危机的评估与援助: crisis cases (opening from every source, duty roster, escalation, risk assessment, safety
 * plans, break-the-glass). Subscribes to `assessment.crisis` and `counselling.crisis_flagged`; publishes
 * `crisis_case.opened`. Exports CrisisCasesService (openFromRequest for the service desk), CaseAccess and
 * CaseWorkflowService (for referrals), CaseQueueService (overdue follow-ups registration) and CrisisRecordQuery.
 */
@Module({
  imports: [PeopleModule, IndividualSharedModule, TypeOrmModule.forFeature([CrisisCase, CaseTrigger, CaseNote, RiskAssessment, SafetyPlan, DutyShift, BreakGlassGrant])],
  controllers: [CrisisCasesController, DutyRosterController, BreakGlassController, MeCrisisController],
  providers: [
    CrisisMetrics,
    CrisisRightsContributor,
    CrisisReportFacts,
    CaseAccess,
    CaseRouting,
    EscalationService,
    CaseWorkflowService,
    CaseTriggers,
    CaseViews,
    CasePush,
    CaseJoining,
    CrisisCasesService,
    CaseQueueService,
    SafetyPlansService,
    RiskAssessmentsService,
    DutyRosterService,
    BreakGlassService,
    SelfHelpService,
    CrisisEventsSubscriber,
    CrisisRecordQuery,
  ],
  exports: [CrisisReportFacts, CrisisCasesService, CaseAccess, CaseWorkflowService, CaseQueueService, CrisisRecordQuery],
})
export class CrisisModule {}
