import { newMessageId, newWebhookSecret, secretKey, sign, signedHeaders, verify } from './standard-webhooks.js';

// The Standard Webhooks specification's published test vector.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const check = (overrides: Partial<Parameters<typeof verify>[0]> = {}) =>
  verify({
    secrets: [VECTOR.secret],
    id: VECTOR.id,
    timestamp: String(VECTOR.timestamp),
    signature: VECTOR.signature,
    body: VECTOR.body,
    nowSeconds: VECTOR.timestamp,
    ...overrides,
  });

describe('Standard Webhooks signing', () => {
  it('reproduces the specification test vector', () => {
    expect(sign(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    expect(sign(VECTOR.secret.slice(6), VECTOR.id, VECTOR.timestamp, Buffer.from(VECTOR.body))).toBe(VECTOR.signature);
    expect(check()).toEqual({ ok: true });
  });

  it('round-trips fresh secrets and ids, and signs with every secret during a rotation', () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    expect(oldSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newMessageId()).toMatch(/^msg_[A-Za-z0-9_-]{22}$/);
    const headers = signedHeaders([newSecret, oldSecret], 'msg_1', 1000, '{"a":1}');
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secrets of [[oldSecret], [newSecret]]) {
      expect(verify({ secrets, id: 'msg_1', timestamp: '1000', signature: headers['webhook-signature'], body: '{"a":1}', nowSeconds: 1000 })).toEqual({ ok: true });
    }
    expect(verify({ secrets: [newWebhookSecret()], id: 'msg_1', timestamp: '1000', signature: headers['webhook-signature'], body: '{"a":1}', nowSeconds: 1000 })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it.each([
    ['a changed body', { body: '{"test": 2432232315}' }],
    ['a changed id', { id: 'msg_other' }],
    ['a changed timestamp', { timestamp: String(VECTOR.timestamp + 1), nowSeconds: VECTOR.timestamp + 1 }],
    ['another secret', { secrets: [newWebhookSecret()] }],
    ['an unknown signature version', { signature: VECTOR.signature.replace('v1,', 'v2,') }],
    ['a truncated signature', { signature: VECTOR.signature.slice(0, -4) }],
    ['a signature that is not base64', { signature: 'v1,!!!!' }],
    ['an empty signature', { signature: 'v1,' }],
  ])('refuses %s', (_name, overrides) => {
    expect(check(overrides)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('accepts one good signature among others', () => {
    expect(check({ signature: `v1,bm9wZQ== v1a,xyz ${VECTOR.signature}` })).toEqual({ ok: true });
  });

  it('allows five minutes of clock difference either way, and no more', () => {
    expect(check({ nowSeconds: VECTOR.timestamp + 300 })).toEqual({ ok: true });
    expect(check({ nowSeconds: VECTOR.timestamp - 300 })).toEqual({ ok: true });
    expect(check({ nowSeconds: VECTOR.timestamp + 301 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(check({ nowSeconds: VECTOR.timestamp - 301 })).toEqual({ ok: false, reason: 'future_timestamp' });
  });

  it('refuses missing headers and malformed timestamps before computing anything', () => {
    expect(check({ id: undefined })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(check({ signature: '' })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(check({ signature: 'v1,a '.repeat(1000) })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(check({ timestamp: '1614265330.5' })).toEqual({ ok: false, reason: 'bad_timestamp' });
    expect(check({ timestamp: '-1' })).toEqual({ ok: false, reason: 'bad_timestamp' });
  });

  it('refuses secrets that are too short or not base64', () => {
    expect(() => secretKey('whsec_c2hvcnQ=')).toThrow(/at least 24 bytes/);
    expect(() => secretKey('whsec_not base64!')).toThrow(/base64/);
  });
});
