import { Module } from '@nestjs/common';
import { CrisisModule } from '../individual/crisis/crisis.module.js';
import { ReferralsModule } from '../individual/referrals/referrals.module.js';
import { PeopleModule } from '../people/people.module.js';
import { AssessmentsModule } from '../population/assessments/assessments.module.js';
import { CounsellingModule } from '../population/counselling/counselling.module.js';
import { EducationModule } from '../population/education/education.module.js';
import { GroupsModule } from '../population/groups/groups.module.js';
import { ProgrammesModule } from '../subgroups/programmes/programmes.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RecordController } from './record/record.controller.js';
import { RecordService } from './record/record.service.js';

/**
 * Insights: views composed above the tiers. For now the psychological record (心理档案); dashboards and
 * data-subject rights come with later issues. Imports only exported query services of the modules below.
 */
@Module({
  imports: [ReportsModule, PeopleModule, AssessmentsModule, EducationModule, GroupsModule, CounsellingModule, ProgrammesModule, CrisisModule, ReferralsModule],
  controllers: [RecordController],
  providers: [RecordService],
})
export class InsightsModule {}
