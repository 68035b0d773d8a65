import { Module } from '@nestjs/common';
import { ProgrammeRightsContributor } from './services/programme-rights.contributor.js';
import { ProgrammeReportFacts } from './services/programme-report-facts.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { AssessmentsModule } from '../../population/assessments/assessments.module.js';
import { EducationModule } from '../../population/education/education.module.js';
import { AutoEnrolSubscriber } from './auto-enrol.subscriber.js';
import { MeProgrammesController } from './controllers/me-programmes.controller.js';
import { ProgrammeActivitiesController } from './controllers/programme-activities.controller.js';
import { ProgrammeTasksController } from './controllers/programme-tasks.controller.js';
import { ProgrammesController } from './controllers/programmes.controller.js';
import { CareProgramme } from './entities/care-programme.entity.js';
import { ProgrammeActivity } from './entities/programme-activity.entity.js';
import { ProgrammeAttendance } from './entities/programme-attendance.entity.js';
import { ProgrammeEnrolment } from './entities/programme-enrolment.entity.js';
import { ProgrammeTask } from './entities/programme-task.entity.js';
import { Subgroup } from './entities/subgroup.entity.js';
import { ActivitiesService } from './services/activities.service.js';
import { ActivityStart } from './services/activity-start.service.js';
import { DashboardService } from './services/dashboard.service.js';
import { EligibilityService } from './services/eligibility.service.js';
import { EnrolmentsService } from './services/enrolments.service.js';
import { ProgrammeInvitations } from './services/invitations.service.js';
import { ProgrammeAccess } from './services/programme-access.service.js';
import { ProgrammeHistoryService } from './services/programme-history.service.js';
import { ProgrammesService } from './services/programmes.service.js';
import { TasksService } from './services/tasks.service.js';

/**
 * 线 · “线”上的职工亚群体心理健康维护子体系: care programmes for the subgroups (领导干部, 妇女, 职业生涯变动, 特殊岗位),
 * with set-based eligibility, enrolment and invitations, automatic enrolment on `worker.profile_changed`, activities
 * that produce counsellors' tasks, attendance, and a suppressed dashboard. Uses the assessments module's exported
 * CampaignsService/CampaignCohorts and the education module's EducationLinks; exports ProgrammeHistoryService for
 * the composed 心理档案.
 */
@Module({
  imports: [
    PeopleModule,
    AssessmentsModule,
    EducationModule,
    TypeOrmModule.forFeature([Subgroup, CareProgramme, ProgrammeEnrolment, ProgrammeActivity, ProgrammeTask, ProgrammeAttendance]),
  ],
  controllers: [ProgrammesController, ProgrammeActivitiesController, ProgrammeTasksController, MeProgrammesController],
  providers: [
    ProgrammeRightsContributor,
    ProgrammeReportFacts,
    ProgrammeAccess,
    ProgrammesService,
    EligibilityService,
    ProgrammeInvitations,
    EnrolmentsService,
    ActivitiesService,
    ActivityStart,
    TasksService,
    DashboardService,
    ProgrammeHistoryService,
    AutoEnrolSubscriber,
  ],
  exports: [ProgrammeHistoryService, ProgrammeReportFacts],
})
export class ProgrammesModule {}
