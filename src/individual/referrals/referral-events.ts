/**
 * Domain events of the referrals module: published in the transaction that sends the referral, with its id as the
 * idempotency key.
 */
export const REFERRAL_SENT = 'referral.sent';

export interface ReferralSentEvent {
  referralId: string;
  workerId: string;
  caseId: string | null;
  providerType: string | null;
  providerName: string | null;
  vendorId: string | null;
  /** ISO 8601. */
  sentAt: string;
}
