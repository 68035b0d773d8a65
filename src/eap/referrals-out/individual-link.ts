import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReferralWorkflowService } from '../../individual/referrals/services/referral-workflow.service.js';
import { ReferralsService } from '../../individual/referrals/services/referrals.service.js';
import type { ReferralStep } from '../../individual/referrals/domain/referral-state.js';
import type { Actor } from '../../platform/auth/actor.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import { EapReferral } from './eap-referral.entity.js';
import type { EapReferralStatus } from './referral-state.js';

/** The vendor's reports that move the tier's loop (the rest, withdrawn and cancelled, are ours, not the vendor's). */
const TIER_STEPS: Partial<Record<EapReferralStatus, ReferralStep>> = {
  accepted: 'accepted',
  declined: 'declined',
  attended: 'attended',
  completed: 'completed',
  dropped_out: 'dropped_out',
};

/**
 * The link to the individual tier (点 · 转介与帮扶). An EAP referral carries out a tier referral of provider type
 * `eap_vendor`: the one the counsellor named when drafting, or else one made for it when it is sent. Sending it moves
 * that referral to `sent` (follow-ups, the crisis case to referred); the vendor's reports move it on through the tier's
 * exported workflow, never its tables.
 */
@Injectable()
export class IndividualReferralLink {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly workflow: ReferralWorkflowService,
  ) {}

  /** At drafting: the named tier referral must be a draft of the same worker, to this vendor or none yet. */
  async check(manager: EntityManager, actor: Actor, individualReferralId: string, link: { workerId: string; vendorId: string }): Promise<void> {
    await this.workflow.requireEapDraft(manager, actor, individualReferralId, link);
  }

  /** In the send transaction, after every check passed and before the webhook is queued. */
  async sent(manager: EntityManager, actor: Actor, referral: EapReferral): Promise<void> {
    const vendor = await manager.findOneOrFail(EapVendor, { where: { id: referral.vendorId } });
    const link = { workerId: referral.workerId, vendorId: referral.vendorId, vendorName: vendor.name };
    const individualReferralId =
      referral.individualReferralId ?? (await this.referrals.draftForEap(manager, actor, { ...link, eapReferralId: referral.id }));
    await this.workflow.sendFromEap(manager, actor, individualReferralId, link);
    if (referral.individualReferralId !== individualReferralId) {
      await manager.update(EapReferral, { id: referral.id }, { individualReferralId });
      referral.individualReferralId = individualReferralId;
    }
  }

  /** In the transaction applying a vendor's report that moved the EAP referral to `to`. */
  async vendorReported(manager: EntityManager, referral: EapReferral, to: EapReferralStatus, note: string | null): Promise<void> {
    const step = TIER_STEPS[to];
    if (!referral.individualReferralId || !step) return;
    await this.workflow.applyVendorUpdate(manager, { referralId: referral.individualReferralId, vendorId: referral.vendorId, to: step, note });
  }
}
