/** Roles, as issue #2 names them. */
export const ROLES = ['admin', 'counsellor', 'supervisor', 'official', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may be behind a request: a signed-in user (one of ROLES) or an EAP vendor's system calling with an API key
 * (`vendor`). `vendor` is not a user role: no user account can hold it and no access token can carry it.
 */
export const ACTOR_ROLES = [...ROLES, 'vendor'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

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
  // 面 population tier (issue #6): 心理健康教育与素养提升, 心理健康自助组织和团体建设, 心理咨询服务
  /** Author courses, quizzes, lectures and workshops; read rosters; check attendees in. */
  EducationManage = 'education.manage',
  /** Participation and completion by unit; literacy change per course (aggregates). */
  EducationReport = 'education.report',
  /** A worker's own courses, events and learning history. */
  EducationParticipate = 'education.participate',
  /** Create self-help groups, decide membership, meetings and attendance, read the full member list. */
  GroupManage = 'group.manage',
  /** A worker's own group memberships; fellow members by display name only. */
  GroupParticipate = 'group.participate',
  /** Publish and withdraw one's own counselling availability. */
  CounsellingSlotManage = 'counselling_slot.manage',
  /** Counsellors' calendars and a worker's appointments (individual records). */
  AppointmentRead = 'appointment.read',
  /** Mark attendance (attended / no-show), cancel on the counsellor's side. */
  AppointmentManage = 'appointment.manage',
  /** A worker's own bookings: free slots, book, reschedule, cancel. */
  AppointmentBook = 'appointment.book',
  /** Write session notes and presenting concerns (the appointment's own counsellor only). */
  SessionNoteWrite = 'session_note.write',
  /** Read session notes of workers in scope (clinical staff only: never officials, vendors or the worker). */
  SessionNoteRead = 'session_note.read',
  // EAP (issue #5): vendors, contracts, consented referrals out, outcomes in.
  /** The vendor directory (no credentials). */
  EapVendorRead = 'eap_vendor.read',
  /** Vendors, their API keys, webhook endpoints and signing secrets (root administrators only, checked in the service). */
  EapVendorManage = 'eap_vendor.manage',
  EapContractRead = 'eap_contract.read',
  /** Contracts of units in one's subtree. */
  EapContractManage = 'eap_contract.manage',
  /** Utilisation per contract (aggregates: counts, sessions, cost). */
  EapUtilisationRead = 'eap_utilisation.read',
  /** EAP referrals of workers in scope, with the summary written for the vendor (audited). */
  EapReferralRead = 'eap_referral.read',
  /** Draft, preview, send and withdraw EAP referrals. */
  EapReferralSend = 'eap_referral.send',
  // Held only by a vendor's API key, never by a user role.
  /** The vendor's own referrals, as shared with it. */
  VendorReferralRead = 'vendor.referral_read',
  /** The vendor reports acceptance, sessions and completion. */
  VendorOutcomeReport = 'vendor.outcome_report',
}

const P = Permission;
const EVERY_SIGNED_IN = [P.NotificationRead, P.OrgUnitRead];
const CLINICAL_READ = [P.WorkerRead, P.ConsentRead, P.ConsentRecord];
/** Counsellors and supervisors: assessments, risk alerts, campaigns and the record, each limited by AccessScope. */
const ASSESSMENT_STAFF = [
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
/** Counsellors and supervisors (督导) run the population-tier services. */
const SERVICES_STAFF = [
  P.EducationManage,
  P.EducationReport,
  P.GroupManage,
  P.CounsellingSlotManage,
  P.AppointmentRead,
  P.AppointmentManage,
  P.SessionNoteWrite,
  P.SessionNoteRead,
];
const POPULATION_SELF = [P.EducationParticipate, P.GroupParticipate, P.AppointmentBook];
const POPULATION_STAFF = [...ASSESSMENT_STAFF, ...SERVICES_STAFF];
/** Counsellors and supervisors refer to EAP vendors and read the contracts that decide where they may refer. */
const EAP_STAFF = [P.EapVendorRead, P.EapContractRead, P.EapReferralRead, P.EapReferralSend];

export const ROLE_PERMISSIONS: Record<ActorRole, ReadonlySet<Permission>> = {
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
    // EAP vendors and contracts are business arrangements, not clinical content; referrals are not theirs to see.
    P.EapVendorRead,
    P.EapVendorManage,
    P.EapContractRead,
    P.EapContractManage,
    P.EapUtilisationRead,
  ]),
  counsellor: new Set([...EVERY_SIGNED_IN, ...CLINICAL_READ, ...POPULATION_STAFF, ...EAP_STAFF, P.WorkerCreate, P.WorkerUpdate]),
  supervisor: new Set([
    ...EVERY_SIGNED_IN,
    ...CLINICAL_READ,
    ...POPULATION_STAFF,
    ...EAP_STAFF,
    P.EapUtilisationRead,
    P.WorkerCreate,
    P.WorkerUpdate,
    P.UserRead,
  ]),
  // Officials see aggregate figures only: no individual record of any kind (the reports issue gives them aggregates).
  official: new Set([...EVERY_SIGNED_IN, P.EapVendorRead, P.EapContractRead, P.EapUtilisationRead]),
  worker: new Set([...EVERY_SIGNED_IN, P.SelfRead, P.SelfConsent, P.InstrumentRead, P.SelfAssess, ...POPULATION_SELF]),
  // An EAP vendor's system (API key): its own referrals and outcome reports, nothing else (not even notifications).
  vendor: new Set([P.VendorReferralRead, P.VendorOutcomeReport]),
};

/** Later modules extend a role's grants here, in one place, so the whole policy can be read at once. */
export function grant(role: ActorRole, ...permissions: string[]): void {
  const set = ROLE_PERMISSIONS[role] as Set<string>;
  for (const permission of permissions) set.add(permission);
}

export function roleHas(role: ActorRole, permission: string): boolean {
  return (ROLE_PERMISSIONS[role] as ReadonlySet<string>).has(permission);
}
