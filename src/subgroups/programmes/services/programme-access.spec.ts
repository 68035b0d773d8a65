import type { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
import type { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/permissions.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import type { CareProgramme } from '../entities/care-programme.entity.js';
import { ProgrammeAccess } from './programme-access.service.js';

const actor = (role: Role): Actor => ({ userId: 'u', username: 'u', role, orgUnitId: 'unit', workerId: null, ip: null });
const programme = (sensitive: boolean) => ({ sensitive }) as CareProgramme;

describe('membership visibility (defence in depth behind the route permission)', () => {
  const access = new ProgrammeAccess({} as AccessScope, {} as OrgUnitsService);

  it('shows a sensitive programme’s members to clinical roles only, whatever permissions other roles gain later', () => {
    for (const role of ['counsellor', 'supervisor'] as const) expect(access.membershipRefusal(actor(role), programme(true))).toBeNull();
    for (const role of ['admin', 'official', 'worker'] as const) {
      const refusal = access.membershipRefusal(actor(role), programme(true));
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal?.status).toBe(403);
      expect(refusal?.code).toBe('SENSITIVE_PROGRAMME');
    }
  });

  it('leaves a non-sensitive programme to the route permission', () => {
    expect(access.membershipRefusal(actor('admin'), programme(false))).toBeNull();
  });
});
