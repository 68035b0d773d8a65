/** Triage levels of a crisis case, most urgent first. */
export const CRISIS_LEVELS = ['imminent', 'urgent', 'concern'] as const;
export type CrisisLevel = (typeof CRISIS_LEVELS)[number];

/** Lower is more urgent. */
export const urgencyRank = (level: CrisisLevel): number => CRISIS_LEVELS.indexOf(level);

export const isMoreUrgent = (a: CrisisLevel, b: CrisisLevel): boolean => urgencyRank(a) < urgencyRank(b);

export const LEVEL_ZH: Record<CrisisLevel, string> = { imminent: '紧急（立即）', urgent: '紧迫（当日）', concern: '关注（三日内）' };

export const LEVEL_EN: Record<CrisisLevel, string> = { imminent: 'imminent (now)', urgent: 'urgent (today)', concern: 'concern (within 3 days)' };
