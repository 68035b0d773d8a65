import { Permission } from '../auth/permissions.js';
import { reaches, type PushClient } from './push-message.js';

const client = (over: Partial<PushClient> = {}): PushClient => ({
  userId: 'u1',
  permissions: new Set([Permission.CrisisCaseRead]),
  unitPath: '/1/4/',
  send: () => undefined,
  end: () => undefined,
  ...over,
});

describe('reaches', () => {
  it('sends notifications to their recipients only', () => {
    expect(reaches(client(), { users: ['u1', 'u2'] })).toBe(true);
    expect(reaches(client(), { users: ['u2'] })).toBe(false);
  });

  it('sends scoped changes to staff with the permission whose unit is at or above the record’s unit', () => {
    const audience = { permission: Permission.CrisisCaseRead, unitPaths: ['/1/4/9/'] };
    expect(reaches(client(), audience)).toBe(true);
    expect(reaches(client({ unitPath: '/1/4/9/' }), audience)).toBe(true);
    expect(reaches(client({ unitPath: '/1/5/' }), audience)).toBe(false);
    expect(reaches(client({ unitPath: '/1/4/9/2/' }), audience)).toBe(false);
    expect(reaches(client({ permissions: new Set() }), audience)).toBe(false);
    expect(reaches(client({ unitPath: '' }), audience)).toBe(false);
  });
});
