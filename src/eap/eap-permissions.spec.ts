import { ACTOR_ROLES, Permission, ROLES, roleHas } from '../platform/auth/permissions.js';

const VENDOR_ONLY = [Permission.VendorReferralRead, Permission.VendorOutcomeReport];
const INDIVIDUAL = [Permission.EapReferralRead, Permission.EapReferralSend];

describe('EAP permissions', () => {
  it('give a vendor key its two vendor permissions and nothing else', () => {
    for (const permission of Object.values(Permission)) expect([permission, roleHas('vendor', permission)]).toEqual([permission, VENDOR_ONLY.includes(permission)]);
  });

  it('never give a user role a vendor permission, and keep vendor out of the user roles', () => {
    for (const role of ROLES) for (const permission of VENDOR_ONLY) expect(roleHas(role, permission)).toBe(false);
    expect(ROLES).not.toContain('vendor');
    expect(ACTOR_ROLES).toContain('vendor');
  });

  it('keep referrals (individual records) to counsellors and supervisors', () => {
    for (const permission of INDIVIDUAL) {
      expect(ACTOR_ROLES.filter((role) => roleHas(role, permission)).sort()).toEqual(['counsellor', 'supervisor']);
    }
  });

  it('give officials aggregates only: utilisation and the contracts, no referral', () => {
    expect(roleHas('official', Permission.EapUtilisationRead)).toBe(true);
    expect(roleHas('official', Permission.EapContractManage)).toBe(false);
    expect(roleHas('official', Permission.EapVendorManage)).toBe(false);
  });

  it('leave vendor management to administrators', () => {
    expect(ACTOR_ROLES.filter((role) => roleHas(role, Permission.EapVendorManage))).toEqual(['admin']);
    expect(ACTOR_ROLES.filter((role) => roleHas(role, Permission.EapContractManage))).toEqual(['admin']);
  });
});
