/**
 * Standard Webhooks for the vendor's side, written from the specification (https://www.standardwebhooks.com) and
 * independent of Xingang's own code, as a vendor's would be: sign `<webhook-id>.<webhook-timestamp>.<body>` with
 * HMAC-SHA256 under the base64 key after `whsec_`, send `v1,<base64>`; accept a message when any `v1` signature in
 * the space-separated header matches and the timestamp is within five minutes.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

const TOLERANCE_SECONDS = 5 * 60;

const keyOf = (secret: string): Buffer => Buffer.from(secret.replace(/^whsec_/, ''), 'base64');

export function signature(secret: string, id: string, timestamp: number, body: string | Buffer): string {
  const hmac = createHmac('sha256', keyOf(secret));
  hmac.update(`${id}.${timestamp}.`);
  hmac.update(body);
  return `v1,${hmac.digest('base64')}`;
}

export function headersFor(secret: string, body: string, options: { id?: string; timestamp?: number } = {}): Record<string, string> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature(secret, id, timestamp, body) };
}

export type Verdict = 'ok' | 'missing headers' | 'timestamp out of tolerance' | 'bad signature';

export function verifyMessage(
  secret: string,
  headers: { id?: string; timestamp?: string; signature?: string },
  body: Buffer,
  nowSeconds: number,
): Verdict {
  if (!headers.id || !headers.timestamp || !headers.signature) return 'missing headers';
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return 'timestamp out of tolerance';
  const expected = Buffer.from(signature(secret, headers.id, timestamp, body).slice(3), 'base64');
  for (const entry of headers.signature.split(' ')) {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || !value) continue;
    const candidate = Buffer.from(value, 'base64');
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) return 'ok';
  }
  return 'bad signature';
}
