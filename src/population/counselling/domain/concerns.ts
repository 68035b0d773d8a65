/**
 * Presenting concerns (来访主诉类别): a fixed list of stable codes with Chinese and English labels. A session may
 * record several.
 */
export const CONCERN_CATEGORIES = {
  work_stress: ['工作压力', 'Work stress'],
  burnout: ['职业倦怠', 'Burnout'],
  workplace_relationships: ['职场人际关系', 'Workplace relationships'],
  family_relationships: ['婚恋与家庭关系', 'Family and partner relationships'],
  parenting: ['亲子与子女教育', 'Parenting'],
  anxiety: ['焦虑情绪', 'Anxiety'],
  low_mood: ['抑郁情绪', 'Low mood'],
  sleep: ['睡眠问题', 'Sleep problems'],
  career_change: ['职业生涯变动', 'Career change'],
  grief: ['丧失与哀伤', 'Loss and grief'],
  trauma: ['创伤与应激反应', 'Trauma and stress reactions'],
  physical_health: ['躯体健康与疾病适应', 'Physical health and illness'],
  addiction: ['成瘾行为', 'Addictive behaviour'],
  self_harm_risk: ['自伤或自杀风险', 'Self-harm or suicide risk'],
  other: ['其他', 'Other'],
} as const satisfies Record<string, readonly [string, string]>;

export type ConcernCode = keyof typeof CONCERN_CATEGORIES;
export const CONCERN_CODES = Object.keys(CONCERN_CATEGORIES) as ConcernCode[];

export const concernLabel = (code: ConcernCode) => ({ code, zh: CONCERN_CATEGORIES[code][0], en: CONCERN_CATEGORIES[code][1] });

/** Levels a counsellor can give when flagging a crisis from a session (the individual tier opens the case). */
export const CRISIS_LEVELS = ['moderate', 'high', 'imminent'] as const;
export type CrisisLevel = (typeof CRISIS_LEVELS)[number];
