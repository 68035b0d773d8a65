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
  // Population tier (面): assessments, screening campaigns, risk alerts; the composed record (心理档案).
  InstrumentRead = 'instrument.read',
  /** A worker submits their own assessment. */
  SelfAssess = 'self.assess',
  /** Staff enter an assessment given on paper or in a session. */
  AssessmentEnter = 'assessment.enter',
  /** Staff read one result with its item answers. */
  AssessmentRead = 'assessment.read',
  RiskAlertRead = 'risk_alert.read',
  RiskAlertAcknowledge = 'risk_alert.acknowledge',
  CampaignRead = 'campaign.read',
  CampaignManage = 'campaign.manage',
  /** Individual results of a campaign (never granted to officials: they get aggregates in the reports issue). */
  CampaignResultsRead = 'campaign.results_read',
  RecordRead = 'record.read',
}

const P = Permission;
const EVERY_SIGNED_IN = [P.NotificationRead, P.OrgUnitRead];
const CLINICAL_READ = [P.WorkerRead, P.ConsentRead, P.ConsentRecord];
/** Counsellors and supervisors: assessments, risk alerts, campaigns and the record, each limited by AccessScope. */
const POPULATION_STAFF = [
  P.InstrumentRead,
  P.AssessmentEnter,
  P.AssessmentRead,
  P.RiskAlertRead,
  P.RiskAlertAcknowledge,
  P.CampaignRead,
  P.CampaignManage,
  P.CampaignResultsRead,
  P.RecordRead,
];

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
    // The instrument catalogue is not clinical content (no results).
    P.InstrumentRead,
  ]),
  counsellor: new Set([...EVERY_SIGNED_IN, ...CLINICAL_READ, ...POPULATION_STAFF, P.WorkerCreate, P.WorkerUpdate]),
  supervisor: new Set([...EVERY_SIGNED_IN, ...CLINICAL_READ, ...POPULATION_STAFF, P.WorkerCreate, P.WorkerUpdate, P.UserRead]),
  // Officials see aggregate figures only: no individual record of any kind (and, for now, none of the population
  // tier's permissions; the reports issue gives them aggregates).
  official: new Set([...EVERY_SIGNED_IN]),
  worker: new Set([...EVERY_SIGNED_IN, P.SelfRead, P.SelfConsent, P.InstrumentRead, P.SelfAssess]),
};

/** Later modules extend a role's grants here, in one place, so the whole policy can be read at once. */
export function grant(role: Role, ...permissions: string[]): void {
  const set = ROLE_PERMISSIONS[role] as Set<string>;
  for (const permission of permissions) set.add(permission);
}

export function roleHas(role: Role, permission: string): boolean {
  return (ROLE_PERMISSIONS[role] as ReadonlySet<string>).has(permission);
}
