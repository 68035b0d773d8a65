import type { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/permissions.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import type { CareProgramme } from '../entities/care-programme.entity.js';
import { ProgrammeAccess } from './programme-access.service.js';

const actor = (role: Role): Actor => ({ userId: 'u', username: 'u', role, orgUnitId: 'unit', workerId: null, ip: null });
const programme = (sensitive: boolean) => ({ sensitive }) as CareProgramme;

describe('membership visibility (defence in depth behind the route permission)', () => {
  const access = new ProgrammeAccess({} as AccessScope);

  it('shows a sensitive programme’s members to clinical roles only, whatever permissions other roles gain later', () => {
    for (const role of ['counsellor', 'supervisor'] as const) expect(() => access.requireMembershipVisible(actor(role), programme(true))).not.toThrow();
    for (const role of ['admin', 'official', 'worker'] as const) {
      try {
        access.requireMembershipVisible(actor(role), programme(true));
        throw new Error('shown');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).status).toBe(403);
        expect((error as DomainError).code).toBe('SENSITIVE_PROGRAMME');
      }
    }
  });

  it('leaves a non-sensitive programme to the route permission', () => {
    expect(() => access.requireMembershipVisible(actor('admin'), programme(false))).not.toThrow();
  });
});
