import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com): `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature`, a space-separated list of `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`, one per
 * secret in use (several while a secret is being rotated). Secrets are `whsec_<base64 key>`. Used for both directions:
 * we sign what we send to vendors and verify what vendors send to us.
 */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;
export const SECRET_PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;
const MAX_SIGNATURE_HEADER = 4096;

export type WebhookVerifyFailure = 'missing_headers' | 'bad_timestamp' | 'stale_timestamp' | 'future_timestamp' | 'bad_signature';

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** A new secret: 32 random bytes. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** A new message id (the `webhook-id`; the receiver dedupes on it, so it stays the same across retries). */
export function newMessageId(): string {
  return `msg_${randomBytes(16).toString('base64url')}`;
}

/** The HMAC key of a secret (with or without the `whsec_` prefix). */
export function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new Error('Webhook secret is not base64');
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_KEY_BYTES) throw new Error(`Webhook secret must hold at least ${MIN_KEY_BYTES} bytes`);
  return key;
}

function signedContent(id: string, timestamp: string | number, body: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), typeof body === 'string' ? Buffer.from(body, 'utf8') : body]);
}

/** One `v1,<signature>` entry. */
export function sign(secret: string, id: string, timestamp: number, body: string | Buffer): string {
  return `v1,${createHmac('sha256', secretKey(secret)).update(signedContent(id, timestamp, body)).digest('base64')}`;
}

/** The three headers for a message, signed with every secret given (the current one first). */
export function signedHeaders(secrets: readonly string[], id: string, timestamp: number, body: string | Buffer): SignedHeaders {
  if (secrets.length === 0) throw new Error('No webhook secret to sign with');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => sign(secret, id, timestamp, body)).join(' '),
  };
}

export interface VerifyInput {
  /** Every secret currently accepted for the sender (current and, during rotation, the previous ones). */
  secrets: readonly string[];
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  /** The body exactly as received. */
  body: Buffer | string;
  nowSeconds: number;
  toleranceSeconds?: number;
}

/**
 * Checks a received message: headers present, timestamp within the tolerance (either way), and at least one `v1`
 * signature matching one of the secrets (compared in constant time). Returns the reason when it fails.
 */
export function verify(input: VerifyInput): { ok: true } | { ok: false; reason: WebhookVerifyFailure } {
  const { id, timestamp, signature } = input;
  if (!id || !timestamp || !signature || id.length > 200 || signature.length > MAX_SIGNATURE_HEADER) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  const tolerance = input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  const age = input.nowSeconds - Number(timestamp);
  if (age > tolerance) return { ok: false, reason: 'stale_timestamp' };
  if (age < -tolerance) return { ok: false, reason: 'future_timestamp' };
  const presented = signature
    .split(' ')
    .map((entry) => entry.split(','))
    .filter(([version, value]) => version === 'v1' && value !== undefined)
    .map(([, value]) => Buffer.from(value, 'base64'));
  for (const secret of input.secrets) {
    let expected: Buffer;
    try {
      expected = Buffer.from(sign(secret, id, Number(timestamp), input.body).slice(3), 'base64');
    } catch {
      continue;
    }
    if (presented.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected))) return { ok: true };
  }
  return { ok: false, reason: 'bad_signature' };
}
