/**
 * 培养懂心理学的工会干部: what cadre and counsellor training covers and how it is taught, after the seed article
 * (社会心理学, 积极心理学, 应用心理学; 研究式、案例式、体验式、模拟式教学), and the certifications it leads to.
 * Codes are stable; labels are for display.
 */
export const TRAINING_TOPICS = ['social_psychology', 'positive_psychology', 'applied_psychology'] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

export const TEACHING_METHODS = ['study', 'case', 'experiential', 'simulation'] as const;
export type TeachingMethod = (typeof TEACHING_METHODS)[number];

export const TRAINING_AUDIENCES = ['union_cadres', 'counsellors', 'all_staff'] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export const CERTIFICATION_TYPES = ['crisis_intervention', 'counselling_basic', 'group_facilitation', 'cadre_psychology'] as const;
export type CertificationType = (typeof CERTIFICATION_TYPES)[number];

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const TOPIC_LABELS: Labels<TrainingTopic> = {
  social_psychology: { zh: '社会心理学', en: 'Social psychology' },
  positive_psychology: { zh: '积极心理学', en: 'Positive psychology' },
  applied_psychology: { zh: '应用心理学', en: 'Applied psychology' },
};

export const METHOD_LABELS: Labels<TeachingMethod> = {
  study: { zh: '研究式', en: 'Study (research-based)' },
  case: { zh: '案例式', en: 'Case-based' },
  experiential: { zh: '体验式', en: 'Experiential' },
  simulation: { zh: '模拟式', en: 'Simulation' },
};

export const AUDIENCE_LABELS: Labels<TrainingAudience> = {
  union_cadres: { zh: '工会干部', en: 'Union cadres' },
  counsellors: { zh: '心理服务人员', en: 'Counsellors' },
  all_staff: { zh: '全体工作人员', en: 'All staff' },
};

export const CERTIFICATION_LABELS: Labels<CertificationType> = {
  crisis_intervention: { zh: '心理危机干预', en: 'Crisis intervention' },
  counselling_basic: { zh: '心理咨询基础', en: 'Basic counselling' },
  group_facilitation: { zh: '团体辅导带领', en: 'Group facilitation' },
  cadre_psychology: { zh: '工会干部心理学素养', en: 'Psychology for union cadres' },
};
