import { Permission, ROLE_PERMISSIONS, roleHas } from '../platform/auth/permissions.js';

const REQUEST_ACCESS = [Permission.DeskIntake, Permission.DeskRead, Permission.DeskHandle, Permission.DeskSupervise];
const roles = Object.keys(ROLE_PERMISSIONS) as Array<keyof typeof ROLE_PERMISSIONS>;
const holders = (permission: Permission) => roles.filter((role) => roleHas(role, permission)).sort();

describe('service desk permissions', () => {
  it('officials read figures, never a request', () => {
    expect(roleHas('official', Permission.DeskFigures)).toBe(true);
    for (const permission of [...REQUEST_ACCESS, Permission.SelfRequest]) expect(roleHas('official', permission)).toBe(false);
  });

  it('counsellors and supervisors staff the desk (there is no hotline-operator role); only supervisors supervise', () => {
    for (const permission of [Permission.DeskIntake, Permission.DeskRead, Permission.DeskHandle]) expect(holders(permission)).toEqual(['counsellor', 'supervisor']);
    expect(holders(Permission.DeskSupervise)).toEqual(['supervisor']);
    expect(holders(Permission.DeskFigures)).toEqual(['official', 'supervisor']);
  });

  it('admins keep routing (structure) but see no request; workers only their own', () => {
    expect(roleHas('admin', Permission.DeskRoutingManage)).toBe(true);
    for (const permission of REQUEST_ACCESS) expect(roleHas('admin', permission)).toBe(false);
    expect(holders(Permission.SelfRequest)).toEqual(['worker']);
    for (const permission of [...REQUEST_ACCESS, Permission.DeskFigures]) expect(roleHas('worker', permission)).toBe(false);
  });
});
