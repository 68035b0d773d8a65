import { newWebhookSecret } from '../webhooks-out/standard-webhooks.js';

/**
 * A Standard Webhooks secret in use. Rotating adds a new secret and gives the old ones an expiry, so for a grace
 * period messages carry a signature for each (the receiver switches over when it likes).
 */
export interface SigningSecret {
  secret: string;
  createdAt: string;
  /** Null for the current secret. */
  expiresAt: string | null;
}

/** The secrets still valid at `now`, newest first. */
export const liveSecrets = (secrets: readonly SigningSecret[] | null | undefined, now: Date): string[] =>
  (secrets ?? [])
    .filter((s) => s.expiresAt === null || new Date(s.expiresAt) > now)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((s) => s.secret);

/** Adds a fresh current secret; the previous ones expire after `graceMs` (0: at once). Returns the list and the new secret. */
export function rotateSecrets(
  secrets: readonly SigningSecret[] | null | undefined,
  now: Date,
  graceMs: number,
): { secrets: SigningSecret[]; secret: string } {
  const expiry = new Date(now.getTime() + graceMs).toISOString();
  const kept = (secrets ?? [])
    .filter((s) => s.expiresAt === null || new Date(s.expiresAt) > now)
    .map((s) => ({ ...s, expiresAt: s.expiresAt !== null && s.expiresAt < expiry ? s.expiresAt : expiry }))
    .filter(() => graceMs > 0);
  const secret = newWebhookSecret();
  return { secrets: [{ secret, createdAt: now.toISOString(), expiresAt: null }, ...kept], secret };
}
