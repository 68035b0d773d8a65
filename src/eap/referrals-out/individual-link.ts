import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import type { EapReferral } from './eap-referral.entity.js';
import type { EapReferralStatus } from './referral-state.js';

/**
 * The seam to the individual tier (点 · 转介与帮扶). An EAP referral carries out an individual-tier referral of provider
 * type `eap_vendor`: sending it moves that referral to `sent`, and the vendor's reports move it on (accepted, declined,
 * attended, completed, dropped_out) through the tier's exported transition service, never its tables.
 *
 * Until the individual tier is on main, `StandaloneReferralLink` stands in: the EAP referral keeps its own state
 * machine (which mirrors the tier's states) and links to nothing. Swapping in the real link is one provider in
 * EapModule; nothing else in this module changes.
 */
export abstract class IndividualReferralLink {
  /** In the send transaction, after every check passed and before the webhook is queued. */
  abstract sent(manager: EntityManager, actor: Actor, referral: EapReferral): Promise<void>;
  /** In the transaction applying a vendor's report that moved the EAP referral to `to`. */
  abstract vendorReported(manager: EntityManager, referral: EapReferral, to: EapReferralStatus, note: string | null): Promise<void>;
}

@Injectable()
export class StandaloneReferralLink extends IndividualReferralLink {
  async sent(): Promise<void> {}
  async vendorReported(): Promise<void> {}
}
