import { createHmac } from 'node:crypto';

let lookupKey: string | undefined;

/** Installed once at start-up from LOOKUP_KEY, beside the field cipher (entity listeners need it). */
export function installLookupKey(key: string): void {
  lookupKey = key;
}

/**
 * A keyed blind index: encrypted values (phone numbers) can be found by equality without decrypting every row, and
 * the index cannot be reversed without the key. `kind` keeps indexes of different things apart.
 */
export function lookupHash(kind: string, value: string): string {
  if (!lookupKey) throw new Error('Lookup key not installed');
  return createHmac('sha256', lookupKey).update(`${kind}:${value}`).digest('hex');
}
