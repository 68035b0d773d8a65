import { Permission, ROLE_PERMISSIONS, roleHas } from '../platform/auth/permissions.js';

const INDIVIDUAL = [
  Permission.EducationManage,
  Permission.GroupManage,
  Permission.AppointmentRead,
  Permission.AppointmentManage,
  Permission.SessionNoteRead,
  Permission.SessionNoteWrite,
  Permission.CounsellingSlotManage,
];
const SELF = [Permission.EducationParticipate, Permission.GroupParticipate, Permission.AppointmentBook];

describe('population-tier permissions', () => {
  it('gives officials nothing that returns an individual, and no population permission at all', () => {
    for (const permission of [...INDIVIDUAL, ...SELF, Permission.EducationReport]) expect(roleHas('official', permission)).toBe(false);
  });

  it('keeps session notes to clinical roles: counsellors and supervisors, never admins or workers', () => {
    const readers = (Object.keys(ROLE_PERMISSIONS) as Array<keyof typeof ROLE_PERMISSIONS>).filter((role) => roleHas(role, Permission.SessionNoteRead));
    expect(readers.sort()).toEqual(['counsellor', 'supervisor']);
  });

  it('gives workers their own side only', () => {
    for (const permission of SELF) expect(roleHas('worker', permission)).toBe(true);
    for (const permission of INDIVIDUAL) expect(roleHas('worker', permission)).toBe(false);
    for (const permission of SELF) expect(roleHas('counsellor', permission)).toBe(false);
  });
});
