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
