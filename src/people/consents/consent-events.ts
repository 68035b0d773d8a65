import type { ConsentPurpose } from './consent.entity.js';

/**
 * Domain events of the consents module. Contract for subscribers (the EAP module withdraws a worker's pending
 * referrals when the EAP consent is withdrawn): published in the transaction that records the grant or withdrawal.
 */
export const CONSENT_CHANGED = 'consent.changed';

export interface ConsentChangedEvent {
  workerId: string;
  purpose: ConsentPurpose;
  /** The vendor or service the consent names; null for a purpose-wide consent. */
  recipientId: string | null;
  granted: boolean;
}
