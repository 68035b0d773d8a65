import { Module } from '@nestjs/common';
import { GroupsRightsContributor } from './services/groups-rights.contributor.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { GroupsController } from './controllers/groups.controller.js';
import { MeGroupsController } from './controllers/me-groups.controller.js';
import { Attendance } from './entities/attendance.entity.js';
import { Meeting } from './entities/meeting.entity.js';
import { Membership } from './entities/membership.entity.js';
import { PeerGroup } from './entities/peer-group.entity.js';
import { GroupsHistoryService } from './services/groups-history.service.js';
import { GroupsService } from './services/groups.service.js';
import { MeetingsService } from './services/meetings.service.js';
import { MembershipsService } from './services/memberships.service.js';
import { MyGroupsService } from './services/my-groups.service.js';

/**
 * 心理健康自助组织和团体建设 (面): peer self-help groups with a trained facilitator, membership by request and
 * approval under a chosen display name, group rules, meetings and attendance. Exports the group history for the
 * composed 心理档案.
 */
@Module({
  imports: [PeopleModule, TypeOrmModule.forFeature([PeerGroup, Membership, Meeting, Attendance])],
  controllers: [GroupsController, MeGroupsController],
  providers: [
    GroupsRightsContributor,GroupsService, MembershipsService, MyGroupsService, MeetingsService, GroupsHistoryService],
  exports: [GroupsHistoryService],
})
export class GroupsModule {}
