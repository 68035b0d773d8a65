import type { Dimension } from './cube.js';

export const REPORT_NAMES = ['screening', 'trends', 'programmes', 'crisis', 'referrals', 'counselling', 'eap', 'service_desk'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const BREAKDOWNS = ['unit', 'gender', 'age_band', 'quarter'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const AGE_BANDS = ['under_30', '30_39', '40_49', '50_plus', 'unknown'] as const;
export const REPORT_GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

export interface Label {
  zh: string;
  en: string;
}

/**
 * A dashboard's measure: the categories of its facts (leaves), the composites published beside them, and whether
 * workers without a fact (not screened, no case) are part of the population (`none` is then their category).
 */
export interface MeasureDefinition {
  leaves: string[];
  composites: { code: string; members: string[] }[];
  /** The category of workers without a fact in the period, or null when the report counts only workers with one. */
  none: string | null;
  /** With the quarter of each worker's latest fact as a dimension (trends). */
  quarters: boolean;
}

export function categoryDimension(measure: MeasureDefinition): Dimension {
  const participants = measure.none ? 'with_fact' : 'all';
  const values: { code: string; members?: string[] }[] = [
    ...measure.leaves.map((code) => ({ code })),
    ...(measure.none ? [{ code: measure.none }] : []),
    ...measure.composites.map((c) => ({ code: c.code, members: c.members })),
    { code: participants, members: measure.leaves },
  ];
  if (measure.none) values.push({ code: 'all', members: [measure.none, participants] });
  return { name: 'category', values };
}

/**
 * An instrument's bands in severity order, least severe first: as the file lists them, or reversed when the file
 * starts with the bands at or beyond the cut-off (WHO-5: poor well-being is the low score).
 */
export function bandsBySeverity(bands: readonly string[], positive: readonly string[]): string[] {
  const reversed = bands.length > 1 && positive.includes(bands[0]) && !positive.includes(bands[bands.length - 1]);
  return reversed ? [...bands].reverse() : [...bands];
}

/** Bands of an instrument (or of one subscale), split at its clinical cut-off (`positive`: the instrument file's bands at or beyond it). */
export function screeningMeasure(bands: string[], positive: readonly string[], quarters: boolean): MeasureDefinition {
  const above = bands.filter((b) => positive.includes(b));
  const below = bands.filter((b) => !above.includes(b));
  const composites = above.length > 0 && below.length > 0 ? [{ code: 'above_cutoff', members: above }, { code: 'below_cutoff', members: below }] : [];
  return { leaves: [...bands, 'unbanded'], composites, none: quarters ? null : 'not_screened', quarters };
}

export const FIXED_MEASURES: Record<Exclude<ReportName, 'screening' | 'trends'>, MeasureDefinition> = {
  // Leaves in severity order, least severe first (the order columns are published in; web/ colours them the same way).
  crisis: {
    leaves: ['responded_in_time', 'awaiting_response', 'responded_late', 'overdue'],
    composites: [{ code: 'missed_deadline', members: ['responded_late', 'overdue'] }],
    none: 'no_case',
    quarters: false,
  },
  referrals: { leaves: ['completed', 'in_progress', 'not_completed'], composites: [], none: 'not_referred', quarters: false },
  counselling: { leaves: ['attended', 'booked_not_attended'], composites: [], none: 'no_counselling', quarters: false },
  programmes: { leaves: ['taking_part', 'not_taking_part'], composites: [], none: 'not_invited', quarters: false },
  eap: { leaves: ['completed', 'in_progress', 'not_completed'], composites: [], none: 'no_eap_referral', quarters: false },
  service_desk: {
    leaves: ['resolved_in_time', 'open', 'resolved_late', 'open_overdue'],
    composites: [{ code: 'ran_overdue', members: ['resolved_late', 'open_overdue'] }],
    none: 'no_request',
    quarters: false,
  },
};

export const CATEGORY_LABELS: Record<string, Label> = {
  all: { zh: '合计', en: 'Total' },
  with_fact: { zh: '有记录者', en: 'With a record' },
  not_screened: { zh: '未参加筛查', en: 'Not screened' },
  above_cutoff: { zh: '达到临床界值', en: 'At or above the clinical cut-off' },
  below_cutoff: { zh: '低于临床界值', en: 'Below the clinical cut-off' },
  unbanded: { zh: '无分级', en: 'No band' },
  no_case: { zh: '无危机个案', en: 'No crisis case' },
  responded_in_time: { zh: '按时响应', en: 'Responded in time' },
  responded_late: { zh: '超时响应', en: 'Responded late' },
  overdue: { zh: '已超时未响应', en: 'Overdue, no response' },
  awaiting_response: { zh: '待响应', en: 'Awaiting response' },
  missed_deadline: { zh: '未按时响应', en: 'Deadline missed' },
  not_referred: { zh: '未转介', en: 'Not referred' },
  completed: { zh: '转介完成', en: 'Referral completed' },
  in_progress: { zh: '转介进行中', en: 'Referral in progress' },
  not_completed: { zh: '转介未完成', en: 'Referral not completed' },
  no_counselling: { zh: '未使用心理咨询', en: 'No counselling' },
  attended: { zh: '已接受咨询', en: 'Attended counselling' },
  booked_not_attended: { zh: '已预约未到', en: 'Booked, not attended' },
  not_invited: { zh: '未受邀', en: 'Not invited' },
  no_eap_referral: { zh: '未转介 EAP', en: 'No EAP referral' },
  no_request: { zh: '无诉求', en: 'No request' },
  resolved_in_time: { zh: '按时办结', en: 'Resolved in time' },
  resolved_late: { zh: '超时办结', en: 'Resolved late' },
  open_overdue: { zh: '未办结且已超时', en: 'Open, overdue' },
  open: { zh: '办理中', en: 'Open' },
  ran_overdue: { zh: '曾超时', en: 'Ran over a deadline' },
  taking_part: { zh: '参与中', en: 'Taking part' },
  not_taking_part: { zh: '未参与', en: 'Not taking part' },
};

export const DIMENSION_LABELS: Record<string, Label> = {
  female: { zh: '女', en: 'Female' },
  male: { zh: '男', en: 'Male' },
  other: { zh: '其他', en: 'Other' },
  undisclosed: { zh: '未填写', en: 'Undisclosed' },
  under_30: { zh: '30岁以下', en: 'Under 30' },
  '30_39': { zh: '30–39岁', en: '30–39' },
  '40_49': { zh: '40–49岁', en: '40–49' },
  '50_plus': { zh: '50岁及以上', en: '50 and over' },
  unknown: { zh: '年龄未知', en: 'Age unknown' },
  q1: { zh: '第一季度', en: 'Q1' },
  q2: { zh: '第二季度', en: 'Q2' },
  q3: { zh: '第三季度', en: 'Q3' },
  q4: { zh: '第四季度', en: 'Q4' },
  all: { zh: '合计', en: 'Total' },
};
