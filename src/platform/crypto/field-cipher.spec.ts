import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher.js';

const key = () => randomBytes(32).toString('base64');

describe('FieldCipher', () => {
  it('round-trips text and never stores it in the clear', () => {
    const cipher = new FieldCipher(key());
    const stored = cipher.encrypt('有自伤念头 / thoughts of self-harm');
    expect(stored).toMatch(new RegExp(`^enc:v1:${cipher.currentKeyId}:`));
    expect(stored).not.toContain('自伤');
    expect(cipher.decrypt(stored)).toBe('有自伤念头 / thoughts of self-harm');
  });

  it('uses a fresh IV each time', () => {
    const cipher = new FieldCipher(key());
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('reads values written under a retired key after rotation, and flags them for re-encryption', () => {
    const oldKey = key();
    const stored = new FieldCipher(oldKey).encrypt('13800138000');
    const rotated = new FieldCipher(key(), [oldKey]);
    expect(rotated.decrypt(stored)).toBe('13800138000');
    expect(rotated.needsRotation(stored)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('x'))).toBe(false);
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = new FieldCipher(key());
    const parts = cipher.encrypt('secret').split(':');
    parts[5] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });

  it('refuses an unknown key id and a key of the wrong size', () => {
    const stored = new FieldCipher(key()).encrypt('x');
    expect(() => new FieldCipher(key()).decrypt(stored)).toThrow(/Unknown field-encryption key/);
    expect(() => new FieldCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
