import { canMove, move, type Transitions } from '../../../platform/state-machine.js';
import type { ConsentPurpose } from '../../../people/consents/consent.entity.js';

/** 转介与帮扶: `draft → sent → accepted | declined → attended → completed | dropped_out`. */
export const REFERRAL_STATES = ['draft', 'sent', 'accepted', 'declined', 'attended', 'completed', 'dropped_out'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** States recorded after sending, by a counsellor or (for EAP vendors) by the vendor through the EAP module. */
export const REFERRAL_OUTCOME_STEPS = ['accepted', 'declined', 'attended', 'completed', 'dropped_out'] as const;
export type ReferralStep = (typeof REFERRAL_OUTCOME_STEPS)[number];

/**
 * A referral is a closed loop: it stays open until an outcome (declined, completed, dropped_out) is recorded. An
 * accepted referral the worker never attends ends as dropped_out.
 */
export const REFERRAL_TRANSITIONS: Transitions<ReferralState> = {
  draft: ['sent'],
  sent: ['accepted', 'declined'],
  accepted: ['attended', 'dropped_out'],
  declined: [],
  attended: ['completed', 'dropped_out'],
  completed: [],
  dropped_out: [],
};

export const canMoveReferral = (from: ReferralState, to: ReferralState): boolean => canMove(REFERRAL_TRANSITIONS, from, to);

/** Throws 409 ILLEGAL_TRANSITION naming the allowed targets (the kernel's one state machine). */
export function assertReferralTransition(from: ReferralState, to: ReferralState): void {
  move(REFERRAL_TRANSITIONS, from, to);
}

/** An outcome closes the loop. */
export const isOutcome = (state: ReferralState): boolean => REFERRAL_TRANSITIONS[state].length === 0;

export const PROVIDER_TYPES = ['internal_counselling', 'hospital', 'eap_vendor'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/**
 * The consent a referral needs before it is sent: for an EAP vendor the worker's `eap_referral` consent for that vendor
 * (recipient = vendor id); for the union's own counselling and for a hospital or psychiatric clinic, their
 * `counselling` consent (the purpose that covers sharing their situation for treatment; PIPL art. 29 separate
 * consent). There is no `hospital` purpose in the consent register yet: see docs/individual.md.
 */
export function consentFor(providerType: ProviderType, vendorId: string | null): { purpose: ConsentPurpose; recipientId?: string } {
  return providerType === 'eap_vendor' ? { purpose: 'eap_referral', recipientId: vendorId ?? '' } : { purpose: 'counselling' };
}

/** What a provider needs before sending: a type; a vendor id for an EAP vendor; a name for a hospital. */
export function missingProviderFields(r: { providerType: ProviderType | null; vendorId: string | null; providerName: string | null }): string[] {
  if (!r.providerType) return ['providerType'];
  if (r.providerType === 'eap_vendor' && !r.vendorId) return ['vendorId'];
  if (r.providerType === 'hospital' && !r.providerName) return ['providerName'];
  return [];
}
