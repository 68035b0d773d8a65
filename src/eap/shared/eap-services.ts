/** What an EAP vendor offers and a contract covers (服务项目). Stable codes; labels Chinese first. */
export const EAP_SERVICES = [
  'individual_counselling',
  'online_counselling',
  'hotline',
  'family_counselling',
  'crisis_support',
  'critical_incident',
  'group_workshop',
] as const;
export type EapService = (typeof EAP_SERVICES)[number];

export const EAP_SERVICE_LABELS: Record<EapService, string> = {
  individual_counselling: '个体心理咨询 / individual counselling',
  online_counselling: '线上心理咨询 / online counselling',
  hotline: '心理援助热线 / support hotline',
  family_counselling: '婚姻家庭咨询 / family counselling',
  crisis_support: '心理危机干预支持 / crisis support',
  critical_incident: '特殊心理事件善后支持 / critical incident support',
  group_workshop: '团体辅导与讲座 / group sessions and workshops',
};

export const URGENCIES = ['routine', 'priority', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * How the vendor and the worker get in touch. `worker_initiates`: the worker calls the vendor quoting the referral id
 * (nothing identifying is shared); `via_counsellor`: the vendor arranges through the union counsellor; `phone` and
 * `email`: the contact the worker chose to give this vendor (shared, so it is in the preview).
 */
export const CONTACT_CHANNELS = ['worker_initiates', 'via_counsellor', 'phone', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface ContactPreference {
  channel: ContactChannel;
  /** The phone number or email address for `phone` / `email`; null otherwise. */
  detail: string | null;
  /** e.g. 工作日晚上 / weekday evenings. */
  bestTime: string | null;
}
