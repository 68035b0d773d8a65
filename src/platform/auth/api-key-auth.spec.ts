import type { Request } from 'express';
import type { Actor } from './actor.js';
import { ApiKeyAuth } from './api-key-auth.js';

const request = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as Request;
const VENDOR: Actor = { userId: 'k', username: 'vendor', role: 'vendor', orgUnitId: '', workerId: null, ip: null, vendorId: 'v' };

describe('API key authentication', () => {
  const auth = new ApiKeyAuth();
  auth.register('xg_vendor_', async (key) => (key === 'xg_vendor_good' ? VENDOR : null));

  it('finds a key in X-Api-Key or as a bearer token with a registered prefix, and leaves JWTs alone', () => {
    expect(auth.presentedKey(request({ 'x-api-key': 'xg_vendor_good' }))).toBe('xg_vendor_good');
    expect(auth.presentedKey(request({ authorization: 'Bearer xg_vendor_good' }))).toBe('xg_vendor_good');
    expect(auth.presentedKey(request({ authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' }))).toBeNull();
    expect(auth.presentedKey(request({}))).toBeNull();
    // Anything in X-Api-Key is a key attempt (and is refused unless valid), never silently ignored.
    expect(auth.presentedKey(request({ 'x-api-key': 'nonsense' }))).toBe('nonsense');
  });

  it('asks the authenticator of the prefix, and refuses keys of no known prefix', async () => {
    await expect(auth.authenticate('xg_vendor_good', request({}))).resolves.toBe(VENDOR);
    await expect(auth.authenticate('xg_vendor_bad', request({}))).resolves.toBeNull();
    await expect(auth.authenticate('nonsense', request({}))).resolves.toBeNull();
  });

  it('refuses a prefix registered twice', () => {
    expect(() => auth.register('xg_vendor_', async () => null)).toThrow(/twice/);
  });
});
