/** Roles, as issue #2 names them. */
export const ROLES = ['admin', 'counsellor', 'supervisor', 'official', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** Permissions are `resource.action`; a route declares one, a role grants a set. Nothing is granted implicitly. */
export enum Permission {
  OrgUnitRead = 'org_unit.read',
  OrgUnitManage = 'org_unit.manage',
  UserRead = 'user.read',
  UserManage = 'user.manage',
  WorkerRead = 'worker.read',
  WorkerCreate = 'worker.create',
  WorkerUpdate = 'worker.update',
  WorkerImport = 'worker.import',
  ConsentRead = 'consent.read',
  ConsentRecord = 'consent.record',
  AuditRead = 'audit.read',
  SelfRead = 'self.read',
  SelfConsent = 'self.consent',
  NotificationRead = 'notification.read',
}

const P = Permission;
const EVERY_SIGNED_IN = [P.NotificationRead, P.OrgUnitRead];
const CLINICAL_READ = [P.WorkerRead, P.ConsentRead, P.ConsentRecord];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  // Admins keep the roster and the structure, not clinical content.
  admin: new Set([
    ...EVERY_SIGNED_IN,
    P.OrgUnitManage,
    P.UserRead,
    P.UserManage,
    P.WorkerRead,
    P.WorkerCreate,
    P.WorkerUpdate,
    P.WorkerImport,
    P.AuditRead,
  ]),
  counsellor: new Set([...EVERY_SIGNED_IN, ...CLINICAL_READ, P.WorkerCreate, P.WorkerUpdate]),
  supervisor: new Set([...EVERY_SIGNED_IN, ...CLINICAL_READ, P.WorkerCreate, P.WorkerUpdate, P.UserRead]),
  // Officials see aggregate figures only: no individual record of any kind.
  official: new Set([...EVERY_SIGNED_IN]),
  worker: new Set([...EVERY_SIGNED_IN, P.SelfRead, P.SelfConsent]),
};

/** Later modules extend a role's grants here, in one place, so the whole policy can be read at once. */
export function grant(role: Role, ...permissions: string[]): void {
  const set = ROLE_PERMISSIONS[role] as Set<string>;
  for (const permission of permissions) set.add(permission);
}

export function roleHas(role: Role, permission: string): boolean {
  return (ROLE_PERMISSIONS[role] as ReadonlySet<string>).has(permission);
}
