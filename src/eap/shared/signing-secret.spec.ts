import { HOUR } from '../../platform/clock/clock.js';
import { liveSecrets, rotateSecrets } from './signing-secret.js';

const T0 = new Date('2026-11-25T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('secret rotation', () => {
  it('starts with one current secret', () => {
    const { secrets, secret } = rotateSecrets(null, T0, 24 * HOUR);
    expect(secrets).toEqual([{ secret, createdAt: T0.toISOString(), expiresAt: null }]);
    expect(liveSecrets(secrets, at(1000 * HOUR))).toEqual([secret]);
  });

  it('keeps the previous secret for the grace period, then only the new one', () => {
    const first = rotateSecrets(null, T0, 24 * HOUR);
    const second = rotateSecrets(first.secrets, at(HOUR), 24 * HOUR);
    expect(liveSecrets(second.secrets, at(2 * HOUR))).toEqual([second.secret, first.secret]);
    expect(liveSecrets(second.secrets, at(25 * HOUR + 1))).toEqual([second.secret]);
  });

  it('drops the old secrets at once without a grace period, and never extends an earlier expiry', () => {
    const first = rotateSecrets(null, T0, 0);
    const second = rotateSecrets(first.secrets, at(HOUR), 48 * HOUR);
    const third = rotateSecrets(second.secrets, at(2 * HOUR), 0);
    expect(liveSecrets(third.secrets, at(2 * HOUR))).toEqual([third.secret]);
    const fourth = rotateSecrets(second.secrets, at(2 * HOUR), 96 * HOUR);
    expect(fourth.secrets.find((s) => s.secret === first.secret)?.expiresAt).toBe(at(49 * HOUR).toISOString());
  });
});
