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
  /** Find duplicate profiles (职工档案), merge one into another and undo the merge (admins and supervisors). */
  WorkerMerge = 'worker.merge',
  ConsentRead = 'consent.read',
  ConsentRecord = 'consent.record',
  AuditRead = 'audit.read',
  /** Jobs that gave up (dead letters): list them and queue one again (root administrators only, checked in the service). */
  JobAdmin = 'job.admin',
  /** Data-key rotation: progress and start (root administrators only, checked in the service). */
  KeyRotationManage = 'key_rotation.manage',
  SelfRead = 'self.read',
  SelfConsent = 'self.consent',
  NotificationRead = 'notification.read',
  // Population tier (面): assessments, screening campaigns, risk alerts; the composed record (心理档案).
  InstrumentRead = 'instrument.read',
  /** Load, check, publish and retire instrument files (admins). */
  InstrumentManage = 'instrument.manage',
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
  /** 线上心理疏导, the staff side: conversations and messages of workers in scope (clinical staff only). */
  OnlineCounsellingRead = 'online_counselling.read',
  /** Open conversations, reply, office hours, open a crisis case from a message (the conversation's own counsellor). */
  OnlineCounsellingWrite = 'online_counselling.write',
  /** A worker's own online counselling conversations. */
  OnlineCounsellingSelf = 'online_counselling.self',
  // Individual tier (点): crisis cases (心理危机的评估与援助), referrals (心理疾病的转介与帮扶), critical incidents (特殊心理事件的善后处理).
  /** The crisis-case queue and one case (cases of workers in scope, or under a break-the-glass grant). */
  CrisisCaseRead = 'crisis_case.read',
  /** A counsellor opens a case directly. */
  CrisisCaseOpen = 'crisis_case.open',
  /** Acknowledge, move through the states, change the level, (re)assign, add notes. */
  CrisisCaseUpdate = 'crisis_case.update',
  /** Structured risk assessments and safety plans. */
  CrisisCaseAssess = 'crisis_case.assess',
  /** Emergency access to the cases of a worker outside one's scope, with a reason (time-limited, audited). */
  BreakGlassOpen = 'break_glass.open',
  /** The review list of break-the-glass grants. */
  BreakGlassReview = 'break_glass.review',
  DutyRosterRead = 'duty_roster.read',
  DutyRosterManage = 'duty_roster.manage',
  ReferralRead = 'referral.read',
  /** Create, send and record the outcome of referrals; complete follow-ups. */
  ReferralManage = 'referral.manage',
  IncidentRead = 'incident.read',
  /** Record incidents, aftercare sessions and attendance. */
  IncidentManage = 'incident.manage',
  /** A worker asks for urgent help (POST /me/help). */
  SelfHelp = 'self.help',
  // 线 subgroup tier (issue #7): care programmes for the four subgroups; 干部培养 (training and certification)
  /** Programmes in scope: definition, activities, eligibility counts (staff). */
  ProgrammeRead = 'programme.read',
  /** Create and run programmes: rules, preview, enrolment, activities, attendance, withdrawals. */
  ProgrammeManage = 'programme.manage',
  /** Who is enrolled (individuals; clinical staff only, never officials). */
  ProgrammeMembersRead = 'programme.members_read',
  /** Aggregates only, with small-cell suppression: the subgroup list, programme overview and dashboards. */
  ProgrammeReport = 'programme.report',
  /** One's own programme tasks (check-ins, sessions to run, screenings to review). */
  ProgrammeTaskRead = 'programme_task.read',
  ProgrammeTaskComplete = 'programme_task.complete',
  /** A worker's own programme invitations: accept or decline. */
  ProgrammeParticipate = 'programme.participate',
  /** Training courses and sessions for union cadres and counsellors (the catalogue). */
  TrainingRead = 'training.read',
  /** Organise training: courses, sessions, attendance, assessments. */
  TrainingManage = 'training.manage',
  /** Continuing-education hours per person per year in scope. */
  TrainingReport = 'training.report',
  /** One's own training record: hours, assessments, certifications. */
  TrainingSelf = 'training.self',
  CertificationRead = 'certification.read',
  /** Issue (e.g. an outside certificate) and revoke certifications. */
  CertificationManage = 'certification.manage',
  // Service desk (智慧工会: 12351 and online requests, 网上快速转办、随时督办). There is no hotline-operator role:
  // counsellors and supervisors staff the desk (DESK_STAFF below); a dedicated role would be granted the same set.
  /** The categories, channels and urgencies with their labels (every signed-in user: a worker's form needs them). */
  DeskVocabularyRead = 'desk.vocabulary_read',
  /** Log a 12351 call or a walk-in. */
  DeskIntake = 'desk.intake',
  /** The desk's queue and a request with its full trail, in scope. */
  DeskRead = 'desk.read',
  /** Triage, link an anonymous caller, acknowledge, reply, note, forward, accept or return a forward, resolve, close. */
  DeskHandle = 'desk.handle',
  /** Requests supervised (督办) by units in scope. */
  DeskSupervise = 'desk.supervise',
  /** Routing rules of units in scope. */
  DeskRoutingManage = 'desk.routing_manage',
  /** Desk figures by unit and period (aggregates; small cells suppressed for officials). */
  DeskFigures = 'desk.figures',
  /** A worker's own requests: submit online, follow, rate, reopen. */
  SelfRequest = 'self.request',
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
  // Insights (issue #9): 统计报表 dashboards and data-subject rights
  /** Aggregate dashboards of one's subtree, with small-cell suppression (never a row per person). */
  ReportRead = 'report.read',
  /** CSV / XLSX of the dashboards (same suppression; audited). */
  ReportExport = 'report.export',
  /** A copy of one's own data (FHIR R4 Bundle or readable summary). */
  SelfExport = 'self.export',
  /** Ask for correction or deletion of one's data; read who accessed one's record. */
  SelfRights = 'self.rights',
  /** Review workers' correction and deletion requests in scope (apply, erase, or refuse with a reason). */
  RightsReview = 'rights_request.review',
  // 智慧工会 (issue #20): serving workers anywhere
  /** Delivery status of text messages (masked numbers, never the texts). */
  SmsRead = 'sms.read',
  /** Publish and revoke a unit's join links and posters (自助入会). */
  JoinLinkManage = 'join_link.manage',
  /** Confirm or decline the membership of self-joined workers in one's subtree. */
  JoinRequestReview = 'join_request.review',
}

const P = Permission;
const EVERY_SIGNED_IN = [P.NotificationRead, P.OrgUnitRead, P.DeskVocabularyRead];
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
  P.OnlineCounsellingRead,
  P.OnlineCounsellingWrite,
];
const POPULATION_SELF = [P.EducationParticipate, P.GroupParticipate, P.AppointmentBook, P.OnlineCounsellingSelf];
const POPULATION_STAFF = [...ASSESSMENT_STAFF, ...SERVICES_STAFF];
/** Counsellors and supervisors run the subgroup care programmes (线), each limited to their subtree. */
const PROGRAMME_STAFF = [
  P.ProgrammeRead,
  P.ProgrammeManage,
  P.ProgrammeMembersRead,
  P.ProgrammeReport,
  P.ProgrammeTaskRead,
  P.ProgrammeTaskComplete,
];
/** Everyone on the union's staff takes training (干部培养): the catalogue and their own record. */
const TRAINEE = [P.TrainingRead, P.TrainingSelf];
/** Those who organise training and keep certifications: supervisors (督导) and the union's administrators. */
const TRAINING_ORGANISER = [...TRAINEE, P.TrainingManage, P.TrainingReport, P.CertificationRead, P.CertificationManage];

/** Counsellors: the individual tier within their scope; break-the-glass outside it. */
const INDIVIDUAL_STAFF = [
  P.CrisisCaseRead,
  P.CrisisCaseOpen,
  P.CrisisCaseUpdate,
  P.CrisisCaseAssess,
  P.BreakGlassOpen,
  P.DutyRosterRead,
  P.ReferralRead,
  P.ReferralManage,
  P.IncidentRead,
  P.IncidentManage,
];
/** Desk staff: counsellors and supervisors answer 12351 calls and online requests; supervisors also 督办 and route. */
const DESK_STAFF = [P.DeskIntake, P.DeskRead, P.DeskHandle];
/** Counsellors and supervisors refer to EAP vendors and read the contracts that decide where they may refer. */
const EAP_STAFF = [P.EapVendorRead, P.EapContractRead, P.EapReferralRead, P.EapReferralSend];

/** Officials, supervisors and admins read and export the dashboards of their subtree (issue #9). */
const REPORTS = [P.ReportRead, P.ReportExport];

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
    P.WorkerMerge,
    P.AuditRead,
    P.JobAdmin,
    P.KeyRotationManage,
    // The instrument catalogue is not clinical content (no results); admins load, publish and retire its files.
    P.InstrumentRead,
    P.InstrumentManage,
    // The duty roster is operations, not clinical content: admins keep it with the supervisors of their subtree.
    P.DutyRosterRead,
    P.DutyRosterManage,
    // Cadre training is union staff work, not clinical content.
    ...TRAINING_ORGANISER,
    // Routing rules are structure (which unit answers which category), not requests.
    P.DeskRoutingManage,
    // EAP vendors and contracts are business arrangements, not clinical content; referrals are not theirs to see.
    P.EapVendorRead,
    P.EapVendorManage,
    P.EapContractRead,
    P.EapContractManage,
    P.EapUtilisationRead,
    // Dashboards are suppressed aggregates of the admin's subtree.
    ...REPORTS,
    // Whether texts went out is operations; numbers are masked and texts never shown.
    P.SmsRead,
    // Membership is the union's roster work (入会), not clinical content.
    P.JoinLinkManage,
    P.JoinRequestReview,
  ]),
  counsellor: new Set([
    ...EVERY_SIGNED_IN,
    ...CLINICAL_READ,
    ...POPULATION_STAFF,
    ...INDIVIDUAL_STAFF,
    ...PROGRAMME_STAFF,
    ...TRAINEE,
    ...DESK_STAFF,
    ...EAP_STAFF,
    P.WorkerCreate,
    P.WorkerUpdate,
    // Counsellors review correction and deletion requests (they know what must be kept, e.g. crisis records).
    P.RightsReview,
  ]),
  supervisor: new Set([
    ...EVERY_SIGNED_IN,
    ...CLINICAL_READ,
    ...POPULATION_STAFF,
    ...INDIVIDUAL_STAFF,
    ...PROGRAMME_STAFF,
    ...TRAINING_ORGANISER,
    ...DESK_STAFF,
    P.DeskSupervise,
    P.DeskRoutingManage,
    P.DeskFigures,
    ...EAP_STAFF,
    P.EapUtilisationRead,
    P.WorkerCreate,
    P.WorkerUpdate,
    P.WorkerMerge,
    P.UserRead,
    P.BreakGlassReview,
    P.DutyRosterManage,
    ...REPORTS,
    P.RightsReview,
  ]),
  // Officials see aggregate figures only: no individual record of any kind (the reports issue gives them aggregates).
  // Programme and desk dashboards are suppressed aggregates; officials are union cadres and take training themselves.
  official: new Set([...EVERY_SIGNED_IN, P.ProgrammeReport, P.DeskFigures, ...TRAINEE, P.EapVendorRead, P.EapContractRead, P.EapUtilisationRead, ...REPORTS]),
  worker: new Set([
    ...EVERY_SIGNED_IN,
    P.SelfRead,
    P.SelfConsent,
    P.InstrumentRead,
    P.SelfAssess,
    ...POPULATION_SELF,
    P.SelfHelp,
    P.ProgrammeParticipate,
    P.SelfRequest,
    P.SelfExport,
    P.SelfRights,
  ]),
  // An EAP vendor's system (API key): its own referrals and outcome reports, nothing else (not even notifications).
  vendor: new Set([P.VendorReferralRead, P.VendorOutcomeReport]),
};

export function roleHas(role: ActorRole, permission: string): boolean {
  return (ROLE_PERMISSIONS[role] as ReadonlySet<string>).has(permission);
}
