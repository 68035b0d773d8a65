import { lookupHash } from '../crypto/lookup-hash.js';

/** Mainland mobile numbers (11 digits, 1[3-9]…): the only numbers an SMS code or notice goes to. */
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * `+86 138-0013-8000`, `0086 13800138000` and `138 0013 8000` are one number: spaces, dashes, dots and brackets go,
 * then a country prefix. Returns null for anything that is not a mainland mobile number.
 */
export function normaliseMobile(raw: string): string | null {
  const digits = raw.trim().replace(/[\s\-.()（）]/g, '').replace(/^(\+86|0086|86(?=1\d{10}$))/, '');
  return MOBILE.test(digits) ? digits : null;
}

/** `13800138000` → `138****8000`: what staff screens and logs show. */
export const maskMobile = (mobile: string): string => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;

/**
 * A keyed blind index of a number: phone numbers are encrypted at rest, so lookups (one profile per number, limits
 * per number, opt-outs) go through this HMAC, which cannot be reversed without the key.
 */
export const mobileLookupHash = (mobile: string): string => lookupHash('mobile', mobile);
