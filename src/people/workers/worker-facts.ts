/** Profile facts the tiers rely on (the subgroup tier's eligibility rules read these). Codes are stable. */
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

/** 领导干部 levels: none, 科级 section, 处级 division, 厅局级 bureau and above. */
export const CADRE_LEVELS = ['none', 'section', 'division', 'bureau'] as const;
export type CadreLevel = (typeof CADRE_LEVELS)[number];

/** 特殊岗位 categories. */
export const SPECIAL_POSTS = [
  'none',
  'shift',
  'high_altitude',
  'hazardous',
  'police_emergency',
  'long_haul_driving',
  'other',
] as const;
export type SpecialPost = (typeof SPECIAL_POSTS)[number];

/** Employment status; the non-`employed` values mark 职业生涯变动 (career change). */
export const EMPLOYMENT_STATUSES = [
  'employed',
  'transferring',
  'redundancy',
  'retiring',
  'retired',
  'returning_to_work',
  'on_leave',
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** Life events relevant to care programmes (e.g. 妇女 programmes: pregnancy, return from maternity leave). */
export const LIFE_EVENTS = ['pregnancy', 'maternity_leave', 'returned_from_maternity', 'bereavement', 'new_parent', 'caregiver'] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

/**
 * 职业群体: an enterprise employee, or one of the 新就业形态 (new forms of employment) groups the union organises
 * through self-join: delivery riders, couriers, ride-hailing and truck drivers, domestic workers, online sellers.
 */
export const OCCUPATION_GROUPS = [
  'employee',
  'delivery_rider',
  'courier',
  'ride_hailing_driver',
  'truck_driver',
  'domestic_worker',
  'online_seller',
  'other_new_form',
] as const;
export type OccupationGroup = (typeof OCCUPATION_GROUPS)[number];

/** 会员状态: on the union's roster, or joined by link and waiting for the unit to confirm, or not confirmed. */
export const MEMBERSHIP_STATES = ['member', 'pending', 'declined'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];
