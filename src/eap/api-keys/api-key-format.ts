import { createHash, randomBytes } from 'node:crypto';

/** Every vendor key starts so: the access guard tells it from a user token by it, and secret scanners can find it. */
export const VENDOR_KEY_PREFIX = 'xg_vendor_';
const KEY_PATTERN = /^xg_vendor_[A-Za-z0-9_-]{43}$/;

export interface NewKey {
  /** Shown once to the administrator, never stored. */
  key: string;
  /** SHA-256 of the key, hex: what is stored and looked up. 256 random bits need no slow hash. */
  hash: string;
  /** The first characters, kept so a key can be recognised in lists and logs. */
  displayPrefix: string;
}

export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const looksLikeVendorKey = (key: string): boolean => KEY_PATTERN.test(key);

export function newVendorKey(): NewKey {
  const key = `${VENDOR_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashKey(key), displayPrefix: key.slice(0, VENDOR_KEY_PREFIX.length + 6) };
}
