import { Module } from '@nestjs/common';
import { CrisisModule } from '../../individual/crisis/crisis.module.js';
import { ReferralsModule } from '../../individual/referrals/referrals.module.js';
import { PeopleModule } from '../../people/people.module.js';
import { AssessmentsModule } from '../../population/assessments/assessments.module.js';
import { CounsellingModule } from '../../population/counselling/counselling.module.js';
import { EducationModule } from '../../population/education/education.module.js';
import { GroupsModule } from '../../population/groups/groups.module.js';
import { OnlineCounsellingModule } from '../../population/online-counselling/online-counselling.module.js';
import { ProgrammesModule } from '../../subgroups/programmes/programmes.module.js';
import { RecordController } from './record.controller.js';
import { RecordService } from './record.service.js';

/** The psychological record (心理档案), composed from each module's exported query service. */
@Module({
  imports: [PeopleModule, AssessmentsModule, EducationModule, GroupsModule, CounsellingModule, OnlineCounsellingModule, ProgrammesModule, CrisisModule, ReferralsModule],
  controllers: [RecordController],
  providers: [RecordService],
  exports: [RecordService],
})
export class RecordModule {}
