import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Both directions between Xingang and its SMS gateway are signed the same way: `x-sms-timestamp` (Unix seconds)
 * and `x-sms-signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`. Five minutes of clock skew are allowed;
 * an older request is refused, so a captured receipt cannot be replayed later.
 */
export const SMS_SIGNATURE_TOLERANCE_SECONDS = 300;

export function signSmsBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifySmsSignature(
  secret: string,
  header: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds: number,
): boolean {
  const timestamp = Number(header.timestamp);
  if (!Number.isInteger(timestamp) || !header.signature) return false;
  if (Math.abs(nowSeconds - timestamp) > SMS_SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signSmsBody(secret, timestamp, body));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
