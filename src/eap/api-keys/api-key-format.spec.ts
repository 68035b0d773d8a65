import { hashKey, looksLikeVendorKey, newVendorKey, VENDOR_KEY_PREFIX } from './api-key-format.js';

describe('vendor API keys', () => {
  it('are 256 random bits behind a recognisable prefix, stored as their SHA-256', () => {
    const { key, hash, displayPrefix } = newVendorKey();
    expect(key.startsWith(VENDOR_KEY_PREFIX)).toBe(true);
    expect(looksLikeVendorKey(key)).toBe(true);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashKey(key));
    expect(hash).not.toContain(key.slice(VENDOR_KEY_PREFIX.length, VENDOR_KEY_PREFIX.length + 8));
    expect(key.startsWith(displayPrefix)).toBe(true);
    expect(displayPrefix).toHaveLength(VENDOR_KEY_PREFIX.length + 6);
  });

  it('differ every time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newVendorKey().key));
    expect(keys.size).toBe(100);
  });

  it('reject what is not shaped like one', () => {
    expect(looksLikeVendorKey('xg_vendor_short')).toBe(false);
    expect(looksLikeVendorKey(`${newVendorKey().key}x`)).toBe(false);
    expect(looksLikeVendorKey('eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe(false);
  });
});
