import { Permission, ROLE_PERMISSIONS, roleHas, type Role } from '../platform/auth/permissions.js';

const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];
const holders = (permission: Permission) => ROLES.filter((role) => roleHas(role, permission)).sort();

describe('subgroup-tier permissions', () => {
  it('shows who is in a programme to clinical staff only: never officials, admins or workers', () => {
    expect(holders(Permission.ProgrammeMembersRead)).toEqual(['counsellor', 'supervisor']);
    expect(holders(Permission.ProgrammeTaskRead)).toEqual(['counsellor', 'supervisor']);
  });

  it('gives officials programme aggregates and their own training, nothing that names a worker', () => {
    expect(roleHas('official', Permission.ProgrammeReport)).toBe(true);
    for (const permission of [Permission.ProgrammeRead, Permission.ProgrammeManage, Permission.ProgrammeMembersRead, Permission.ProgrammeTaskRead]) {
      expect(roleHas('official', permission)).toBe(false);
    }
    expect(roleHas('official', Permission.TrainingSelf)).toBe(true);
    expect(roleHas('official', Permission.TrainingReport)).toBe(false);
    expect(roleHas('official', Permission.CertificationRead)).toBe(false);
  });

  it('lets workers answer their own invitations and nothing else of the tier', () => {
    expect(holders(Permission.ProgrammeParticipate)).toEqual(['worker']);
    for (const permission of Object.values(Permission).filter((p) => /^(programme|training|certification)/.test(p) && p !== Permission.ProgrammeParticipate)) {
      expect([permission, roleHas('worker', permission)]).toEqual([permission, false]);
    }
  });

  it('keeps training organised by supervisors and administrators', () => {
    expect(holders(Permission.TrainingManage)).toEqual(['admin', 'supervisor']);
    expect(holders(Permission.CertificationManage)).toEqual(['admin', 'supervisor']);
  });
});
