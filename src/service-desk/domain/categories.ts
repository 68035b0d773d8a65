/**
 * The desk's vocabulary: channels, categories and urgency, as stable codes with Chinese and English labels. Codes are
 * stored and exchanged; labels are for display and may be reworded without a migration.
 */
export const CHANNELS = ['hotline_12351', 'online', 'walk_in'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels staff log on a caller's behalf (a worker's own online request has its own route). */
export const STAFF_CHANNELS = ['hotline_12351', 'walk_in'] as const satisfies readonly Channel[];
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

export const CATEGORIES = [
  'psychological_distress',
  'crisis',
  'workplace_conflict',
  'rights_wages',
  'rights_overtime',
  'rights_dismissal',
  'family',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Label {
  zh: string;
  en: string;
}

export const CATEGORY_LABELS: Record<Category, Label & { group: 'psychological' | 'rights' | 'other' }> = {
  psychological_distress: { zh: '心理困扰', en: 'Psychological distress', group: 'psychological' },
  crisis: { zh: '心理危机', en: 'Crisis', group: 'psychological' },
  workplace_conflict: { zh: '职场人际冲突', en: 'Workplace conflict', group: 'psychological' },
  rights_wages: { zh: '权益：工资报酬', en: 'Rights: wages', group: 'rights' },
  rights_overtime: { zh: '权益：加班与下班后工作消息', en: 'Rights: overtime, incl. out-of-hours messaging', group: 'rights' },
  rights_dismissal: { zh: '权益：解除劳动合同', en: 'Rights: dismissal', group: 'rights' },
  family: { zh: '家庭关系', en: 'Family', group: 'psychological' },
  other: { zh: '其他', en: 'Other', group: 'other' },
};

export const CHANNEL_LABELS: Record<Channel, Label> = {
  hotline_12351: { zh: '12351 职工服务热线', en: '12351 union hotline' },
  online: { zh: '网上诉求', en: 'Online request' },
  walk_in: { zh: '来访', en: 'Walk-in' },
};

/** Most urgent first. */
export const URGENCIES = ['imminent', 'urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_LABELS: Record<Urgency, Label> = {
  imminent: { zh: '危急（立即）', en: 'Imminent (now)' },
  urgent: { zh: '紧急（当日）', en: 'Urgent (today)' },
  normal: { zh: '一般', en: 'Normal' },
};

/** The individual tier's crisis levels (src/individual/shared/levels.ts), for the case a crisis request opens. */
export type CrisisLevel = 'imminent' | 'urgent' | 'concern';

export function crisisLevelOf(urgency: Urgency): CrisisLevel {
  return urgency === 'normal' ? 'concern' : urgency;
}

/**
 * A request is a crisis when its category is `crisis` or whoever logged it ticked the crisis flag (a worker in danger
 * writing about a wage dispute is still in danger). A crisis is never `normal`: it is raised to `urgent` at least.
 */
export function triageCrisis(category: Category, flagged: boolean | undefined, urgency: Urgency): { crisis: boolean; urgency: Urgency } {
  const crisis = category === 'crisis' || flagged === true;
  return { crisis, urgency: crisis && urgency === 'normal' ? 'urgent' : urgency };
}
