import { Module } from '@nestjs/common';
import { ReferralRightsContributor } from './services/referral-rights.contributor.js';
import { ReferralReportFacts } from './services/referral-report-facts.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { CrisisModule } from '../crisis/crisis.module.js';
import { IndividualSharedModule } from '../shared/individual-shared.module.js';
import { ReferralsController } from './controllers/referrals.controller.js';
import { FollowUp } from './entities/follow-up.entity.js';
import { Referral } from './entities/referral.entity.js';
import { FollowUpsService } from './services/follow-ups.service.js';
import { ReferralAccess } from './services/referral-access.service.js';
import { ReferralEventsSubscriber } from './services/referral-events.subscriber.js';
import { ReferralRecordQuery } from './services/referral-record.query.js';
import { ReferralWorkflowService } from './services/referral-workflow.service.js';
import { ReferralsService } from './services/referrals.service.js';

/**
 * 点 · 心理疾病的转介与帮扶: referrals to the union's counselling, a hospital or psychiatric clinic, or an EAP vendor,
 * with consent per recipient, the follow-up schedule and outcomes. Subscribes to `counselling.referral_requested`;
 * publishes `referral.sent`. Exports ReferralWorkflowService (applyVendorUpdate for the EAP module) and
 * ReferralRecordQuery; referral-coverage.ts gives the incidents module its set-based "referred since" SQL.
 */
@Module({
  imports: [PeopleModule, IndividualSharedModule, CrisisModule, TypeOrmModule.forFeature([Referral, FollowUp])],
  controllers: [ReferralsController],
  providers: [
    ReferralRightsContributor,
    ReferralReportFacts,
    ReferralAccess,
    ReferralsService,
    ReferralWorkflowService,
    FollowUpsService,
    ReferralEventsSubscriber,
    ReferralRecordQuery,
  ],
  exports: [ReferralReportFacts, ReferralWorkflowService, ReferralsService, ReferralRecordQuery],
})
export class ReferralsModule {}
