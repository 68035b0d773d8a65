import { VENDOR_OUTCOMES, type VendorOutcome } from '../referrals-out/referral-state.js';

/** An outcome a vendor reports by webhook: `{type: "referral.<outcome>", timestamp, data: {referralId, …}}`. */
export interface InboundEvent {
  type: string;
  outcome: VendorOutcome;
  referralId: string;
  sessionNumber: number | null;
  occurredAt: string | null;
  note: string | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks an (already authenticated) body; returns what is wrong with it as a string. */
export function parseInboundEvent(body: Buffer | string): InboundEvent | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    return 'body is not JSON';
  }
  if (!isObject(parsed) || typeof parsed.type !== 'string' || !isObject(parsed.data)) return 'expected {type, timestamp, data}';
  const outcome = parsed.type.startsWith('referral.') ? parsed.type.slice('referral.'.length) : '';
  if (!(VENDOR_OUTCOMES as readonly string[]).includes(outcome)) return `unknown type ${parsed.type.slice(0, 60)}; expected referral.${VENDOR_OUTCOMES.join('|')}`;
  const { referralId, sessionNumber, occurredAt, note } = parsed.data;
  if (typeof referralId !== 'string' || referralId.length === 0 || referralId.length > 64) return 'data.referralId missing';
  if (sessionNumber !== undefined && sessionNumber !== null && !(Number.isInteger(sessionNumber) && (sessionNumber as number) >= 1 && (sessionNumber as number) <= 1000)) {
    return 'data.sessionNumber must be an integer from 1 to 1000';
  }
  if (occurredAt !== undefined && occurredAt !== null && !(typeof occurredAt === 'string' && ISO.test(occurredAt) && !Number.isNaN(Date.parse(occurredAt)))) {
    return 'data.occurredAt must be an ISO 8601 time';
  }
  if (note !== undefined && note !== null && !(typeof note === 'string' && note.length <= 1000)) return 'data.note must be text of at most 1000 characters';
  return {
    type: parsed.type,
    outcome: outcome as VendorOutcome,
    referralId,
    sessionNumber: (sessionNumber as number | undefined) ?? null,
    occurredAt: (occurredAt as string | undefined) ?? null,
    note: (note as string | undefined) ?? null,
  };
}
