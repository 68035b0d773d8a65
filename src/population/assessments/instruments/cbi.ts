import type { Band, InstrumentDefinition, ResponseOption } from './instrument.types.js';

const KRISTENSEN_2005 = 'Kristensen TS, Borritz M, Villadsen E, Christensen KB. The Copenhagen Burnout Inventory: a new tool for the assessment of burnout. Work & Stress 2005;19:192-207';
const CONVENTION = 'Mean of 50 or more counted as high burnout: a common convention in CBI studies, not a validated cut-off (unverified)';

/** "How often…" items. */
const FREQUENCY: ResponseOption[] = [
  { value: 100, label: { zh: '总是', en: 'Always' } },
  { value: 75, label: { zh: '经常', en: 'Often' } },
  { value: 50, label: { zh: '有时', en: 'Sometimes' } },
  { value: 25, label: { zh: '很少', en: 'Seldom' } },
  { value: 0, label: { zh: '从不或几乎从不', en: 'Never/almost never' } },
];

/** "To what degree…" items. */
const DEGREE: ResponseOption[] = [
  { value: 100, label: { zh: '程度非常高', en: 'To a very high degree' } },
  { value: 75, label: { zh: '程度较高', en: 'To a high degree' } },
  { value: 50, label: { zh: '有一些', en: 'Somewhat' } },
  { value: 25, label: { zh: '程度较低', en: 'To a low degree' } },
  { value: 0, label: { zh: '程度非常低', en: 'To a very low degree' } },
];

const BANDS: Band[] = [
  {
    code: 'low',
    min: 0,
    max: 49.99,
    label: { zh: '倦怠程度较低（惯例分段，未经验证）', en: 'Lower burnout (convention, unverified)' },
    plain: { zh: '这方面的疲惫感不算多。', en: 'Not much exhaustion in this area.' },
    source: CONVENTION,
    validated: false,
  },
  {
    code: 'high',
    min: 50,
    max: 100,
    label: { zh: '倦怠程度较高（惯例分段，未经验证）', en: 'High burnout (convention, unverified)' },
    plain: {
      zh: '这方面的疲惫感比较多，值得留意，和心理服务人员聊一聊可能会有帮助。',
      en: 'There is quite a lot of exhaustion in this area; it is worth attention, and talking with a counsellor may help.',
    },
    source: CONVENTION,
    validated: false,
  },
];

export const CBI: InstrumentDefinition = {
  code: 'CBI',
  version: '1.0.0',
  name: { zh: '哥本哈根倦怠量表（CBI）', en: 'Copenhagen Burnout Inventory (CBI)' },
  instructions: {
    zh: '请根据你最近的情况回答以下问题。“服务对象”指你在工作中服务或打交道的人（如乘客、病人、学生、客户等）。',
    en: 'Please answer the following questions about how you have been lately. "Clients" are the people you serve or deal with at work (passengers, patients, students, customers…).',
  },
  options: FREQUENCY,
  items: [
    { number: 1, text: { zh: '你多经常感到疲倦？', en: 'How often do you feel tired?' } },
    { number: 2, text: { zh: '你多经常感到身体上筋疲力尽？', en: 'How often are you physically exhausted?' } },
    { number: 3, text: { zh: '你多经常感到情绪上筋疲力尽？', en: 'How often are you emotionally exhausted?' } },
    { number: 4, text: { zh: '你多经常会想：“我再也撑不下去了”？', en: 'How often do you think: "I can\'t take it anymore"?' } },
    { number: 5, text: { zh: '你多经常感到身心俱疲？', en: 'How often do you feel worn out?' } },
    { number: 6, text: { zh: '你多经常感到虚弱、容易生病？', en: 'How often do you feel weak and susceptible to illness?' } },
    { number: 7, options: DEGREE, text: { zh: '你的工作让你在情绪上感到耗竭吗？', en: 'Is your work emotionally exhausting?' } },
    { number: 8, options: DEGREE, text: { zh: '你会因为工作而感到倦怠吗？', en: 'Do you feel burnt out because of your work?' } },
    { number: 9, options: DEGREE, text: { zh: '你的工作让你感到挫败吗？', en: 'Does your work frustrate you?' } },
    { number: 10, text: { zh: '一天工作结束时，你会感到筋疲力尽吗？', en: 'Do you feel worn out at the end of the working day?' } },
    { number: 11, text: { zh: '早上一想到又要工作一天，你就感到疲惫吗？', en: 'Are you exhausted in the morning at the thought of another day at work?' } },
    { number: 12, text: { zh: '你觉得工作中的每个小时都让你疲倦吗？', en: 'Do you feel that every working hour is tiring for you?' } },
    {
      number: 13,
      reverse: true,
      text: { zh: '在业余时间，你有足够的精力陪伴家人和朋友吗？', en: 'Do you have enough energy for family and friends during leisure time?' },
    },
    { number: 14, options: DEGREE, text: { zh: '你觉得和服务对象打交道困难吗？', en: 'Do you find it hard to work with clients?' } },
    { number: 15, options: DEGREE, text: { zh: '和服务对象打交道让你感到挫败吗？', en: 'Do you find it frustrating to work with clients?' } },
    { number: 16, options: DEGREE, text: { zh: '和服务对象打交道会耗尽你的精力吗？', en: 'Does it drain your energy to work with clients?' } },
    {
      number: 17,
      options: DEGREE,
      text: { zh: '和服务对象打交道时，你是否觉得付出多于回报？', en: 'Do you feel that you give more than you get back when you work with clients?' },
    },
    { number: 18, text: { zh: '你会厌倦和服务对象打交道吗？', en: 'Are you tired of working with clients?' } },
    {
      number: 19,
      text: { zh: '你有时会想，自己还能和服务对象打交道多久吗？', en: 'Do you sometimes wonder how long you will be able to continue working with clients?' },
    },
  ],
  subscales: [
    { code: 'personal', name: { zh: '个人倦怠', en: 'Personal burnout' }, items: [1, 2, 3, 4, 5, 6], method: 'mean' },
    { code: 'work', name: { zh: '工作相关倦怠', en: 'Work-related burnout' }, items: [7, 8, 9, 10, 11, 12, 13], method: 'mean' },
    { code: 'client', name: { zh: '服务对象相关倦怠', en: 'Client-related burnout' }, items: [14, 15, 16, 17, 18, 19], method: 'mean' },
  ],
  scoring: {
    total: 'none',
    precision: 2,
    higherIsBetter: false,
    note: 'Responses score 100/75/50/25/0; item 13 is reverse-scored (100 − answer). Each subscale is the mean of its items (0-100). There is no total score. Every item must be answered here (the original allows a subscale score with at least half its items).',
  },
  bands: [],
  subscaleBands: BANDS,
  crisisRules: [],
  reliableChange: null,
  licence: { summary: 'Free to use; downloadable from the Danish National Research Centre for the Working Environment (NFA).', url: 'https://nfa.dk/' },
  citation: KRISTENSEN_2005,
  translation: {
    status: 'own_wording',
    source: null,
    note: {
      zh: '中文条目为本系统自拟的通俗表述，并非经验证的简体中文译本（已有繁体中文版 Yeh 2007、香港版 Fong 2014）。正式使用前请替换为经验证的中文版。',
      en: 'Chinese items are plain wording written for Xingang, not a validated Simplified Chinese translation (Traditional Chinese: Yeh 2007; Hong Kong: Fong 2014). Replace with a validated Chinese version before production use.',
    },
  },
  notes: {
    zh: '“服务对象相关倦怠”分量表适用于需要与服务对象打交道的岗位。',
    en: 'The client-related subscale is meant for people who work with clients.',
  },
};
