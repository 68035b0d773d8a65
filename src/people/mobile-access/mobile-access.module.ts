import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../people.module.js';
import { SmsCode } from './codes/sms-code.entity.js';
import { SmsCodesService } from './codes/sms-codes.service.js';
import { JoinAdminController } from './join/join-admin.controller.js';
import { JoinLink } from './join/join-link.entity.js';
import { JoinLinksService } from './join/join-links.service.js';
import { JoinRequest } from './join/join-request.entity.js';
import { JoinRequestsService } from './join/join-requests.service.js';
import { JoinController } from './join/join.controller.js';
import { JoinService } from './join/join.service.js';
import { MobileAccessRightsContributor } from './mobile-access-rights.contributor.js';
import { PhoneAuthController } from './sign-in/phone-auth.controller.js';
import { PhoneSignInService } from './sign-in/phone-sign-in.service.js';

/**
 * 智慧工会: workers reach Xingang from their phone — sign-in with an SMS code, and self-join (自助入会) from a unit's
 * link or poster for 新就业形态 workers, with the unit's confirmation queue.
 */
@Module({
  imports: [PeopleModule, TypeOrmModule.forFeature([SmsCode, JoinLink, JoinRequest])],
  controllers: [PhoneAuthController, JoinController, JoinAdminController],
  providers: [SmsCodesService, PhoneSignInService, JoinService, JoinLinksService, JoinRequestsService, MobileAccessRightsContributor],
})
export class MobileAccessModule {}
