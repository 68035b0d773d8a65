import { Permission, roleHas, ROLES } from '../platform/auth/permissions.js';

const INDIVIDUAL = Object.values(Permission).filter((p) =>
  ['crisis_case.', 'break_glass.', 'duty_roster.', 'referral.', 'incident.'].some((prefix) => p.startsWith(prefix)),
);

describe('individual-tier permissions', () => {
  it('never reach officials', () => {
    expect(INDIVIDUAL.filter((p) => roleHas('official', p))).toEqual([]);
    expect(roleHas('official', Permission.SelfHelp)).toBe(false);
  });

  it('give workers only the help button (their plan and referrals come through their own record)', () => {
    expect(INDIVIDUAL.filter((p) => roleHas('worker', p))).toEqual([]);
    expect(roleHas('worker', Permission.SelfHelp)).toBe(true);
  });

  it('give admins the duty roster only, never clinical content', () => {
    expect(INDIVIDUAL.filter((p) => roleHas('admin', p)).sort()).toEqual([Permission.DutyRosterManage, Permission.DutyRosterRead].sort());
  });

  it('keep the break-the-glass review and roster management with supervisors', () => {
    expect(ROLES.filter((r) => roleHas(r, Permission.BreakGlassReview))).toEqual(['supervisor']);
    expect(roleHas('counsellor', Permission.DutyRosterManage)).toBe(false);
    expect(roleHas('counsellor', Permission.BreakGlassOpen)).toBe(true);
    expect(roleHas('counsellor', Permission.CrisisCaseAssess)).toBe(true);
  });
});
