import { Injectable, type OnModuleInit } from '@nestjs/common';
import { COUNSELLING_REFERRAL_REQUESTED } from '../../../population/counselling/counselling-events.js';
import { DomainEvents } from '../../../platform/jobs/domain-events.js';
import { ReferralsService, type CounsellingReferralRequest } from './referrals.service.js';

export const DRAFT_REFERRAL_SUBSCRIBER = 'individual.draft-referral';

/** `counselling.referral_requested` → a referral draft, once per appointment. */
@Injectable()
export class ReferralEventsSubscriber implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly referrals: ReferralsService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(COUNSELLING_REFERRAL_REQUESTED, DRAFT_REFERRAL_SUBSCRIBER, (payload, manager) =>
      this.referrals.draftFromCounselling(manager, payload as unknown as CounsellingReferralRequest),
    );
  }
}
