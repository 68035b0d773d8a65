import { createHash } from 'node:crypto';
import type { ContactPreference, EapService, Urgency } from '../shared/eap-services.js';

/**
 * Everything a vendor ever learns about a referral: the minimum its service needs. No name, no worker id, no unit, no
 * assessment answers or case notes: a pseudonymous referral id, how to get in touch, the service, the urgency, the
 * summary the counsellor wrote for the vendor, and what the contract allows.
 */
export interface SharedReferralData {
  /** Pseudonymous: random, unrelated to any internal id. */
  referralId: string;
  service: EapService;
  urgency: Urgency;
  contactPreference: ContactPreference;
  summary: string;
  /** Sessions this worker may still use under the contract when the referral is sent. */
  sessionsAllowed: number;
  contractReference: string;
}

/** Fixed key order, so the same referral always serialises to the same bytes. */
export function sharedData(input: SharedReferralData): SharedReferralData {
  return {
    referralId: input.referralId,
    service: input.service,
    urgency: input.urgency,
    contactPreference: { channel: input.contactPreference.channel, detail: input.contactPreference.detail, bestTime: input.contactPreference.bestTime },
    summary: input.summary,
    sessionsAllowed: input.sessionsAllowed,
    contractReference: input.contractReference,
  };
}

/** JSON with object keys sorted at every level: a stable form to hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fingerprint shown with the preview and required to send: what is sent is exactly what was shown. */
export const sharedDataSha256 = (data: SharedReferralData): string => createHash('sha256').update(canonicalJson(data), 'utf8').digest('hex');

/** A pseudonymous referral id for the vendor. */
export const newVendorReferralId = (random: () => Buffer): string => `ref_${random().toString('base64url')}`;

/** The Standard Webhooks payload shape: `{type, timestamp, data}`. */
export const webhookBody = (type: string, at: Date, data: Record<string, unknown>): string => JSON.stringify({ type, timestamp: at.toISOString(), data });
