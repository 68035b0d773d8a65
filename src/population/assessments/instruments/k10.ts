import type { InstrumentDefinition } from './instrument.types.js';

const KESSLER_2002 = 'Kessler RC, Andrews G, Colpe LJ, et al. Short screening scales to monitor population prevalences and trends in non-specific psychological distress. Psychol Med 2002;32:959-976';
const ABS_BANDS = 'Australian Bureau of Statistics, National Health Survey: K10 bands 10-15 low, 16-21 moderate, 22-29 high, 30-50 very high';

export const K10: InstrumentDefinition = {
  code: 'K10',
  version: '1.0.0',
  name: { zh: '凯斯勒心理困扰量表（K10）', en: 'Kessler Psychological Distress Scale (K10)' },
  instructions: {
    zh: '以下问题询问你在过去 30 天里的感受。在过去 30 天里，你有多经常：',
    en: 'These questions concern how you have been feeling over the past 30 days. During the last 30 days, about how often did you feel:',
  },
  options: [
    { value: 1, label: { zh: '从不', en: 'None of the time' } },
    { value: 2, label: { zh: '很少', en: 'A little of the time' } },
    { value: 3, label: { zh: '有时', en: 'Some of the time' } },
    { value: 4, label: { zh: '大部分时间', en: 'Most of the time' } },
    { value: 5, label: { zh: '总是', en: 'All of the time' } },
  ],
  items: [
    { number: 1, text: { zh: '无缘无故地感到疲惫', en: 'Tired out for no good reason' } },
    { number: 2, text: { zh: '感到紧张', en: 'Nervous' } },
    { number: 3, text: { zh: '紧张得什么都不能让你平静下来', en: 'So nervous that nothing could calm you down' } },
    { number: 4, text: { zh: '感到没有希望', en: 'Hopeless' } },
    { number: 5, text: { zh: '感到坐立不安或烦躁', en: 'Restless or fidgety' } },
    { number: 6, text: { zh: '烦躁得坐不住', en: 'So restless you could not sit still' } },
    { number: 7, text: { zh: '感到情绪低落', en: 'Depressed' } },
    { number: 8, text: { zh: '感到做每件事都很费力', en: 'That everything was an effort' } },
    { number: 9, text: { zh: '难过得什么都不能让你高兴起来', en: 'So sad that nothing could cheer you up' } },
    { number: 10, text: { zh: '感到自己没有价值', en: 'Worthless' } },
  ],
  subscales: [],
  scoring: {
    total: 'sum',
    precision: 0,
    higherIsBetter: false,
    note: 'Total 10-50. The paper form lets items 3 and 6 be skipped (scored 1) when items 2 and 5 are "none of the time"; here every item is answered.',
  },
  bands: [
    {
      code: 'low',
      min: 10,
      max: 15,
      label: { zh: '心理困扰水平低', en: 'Low distress' },
      plain: { zh: '最近心理压力总体不大。', en: 'You have not been under much strain lately.' },
      source: ABS_BANDS,
      validated: true,
    },
    {
      code: 'moderate',
      min: 16,
      max: 21,
      label: { zh: '中度心理困扰', en: 'Moderate distress' },
      plain: {
        zh: '最近有一些心理压力。注意休息，多和信任的人聊聊。',
        en: 'There has been some strain lately. Rest well and talk with people you trust.',
      },
      source: ABS_BANDS,
      validated: true,
    },
    {
      code: 'high',
      min: 22,
      max: 29,
      label: { zh: '高度心理困扰', en: 'High distress' },
      plain: {
        zh: '最近你承受的心理压力比较大，和心理服务人员聊一聊可能会有帮助。',
        en: 'You have been under considerable strain lately; talking with a counsellor may help.',
      },
      source: ABS_BANDS,
      validated: true,
    },
    {
      code: 'very_high',
      min: 30,
      max: 50,
      label: { zh: '极高心理困扰', en: 'Very high distress' },
      plain: {
        zh: '最近你承受着很大的心理压力。请尽快寻求专业帮助，你不必独自面对。',
        en: 'You have been under a great deal of strain lately. Please reach out for professional help soon; you do not have to face this alone.',
      },
      source: ABS_BANDS,
      validated: true,
    },
  ],
  crisisRules: [{ kind: 'total_at_least', atLeast: 30 }],
  reliableChange: null,
  licence: { summary: 'Unrestricted use; cite Kessler et al. 2002/2003 (WHO World Mental Health Survey Initiative).', url: 'https://www.hcp.med.harvard.edu/ncs/k6_scales.php' },
  citation: KESSLER_2002,
  translation: {
    status: 'own_wording',
    source: null,
    note: {
      zh: 'K10 已在中国研究中使用（如 Xu H 2013），但本文件的中文条目为本系统自拟的通俗表述，并非经验证的译本。正式使用前请替换为已发表的中文版。',
      en: 'The K10 has been used in Chinese studies (e.g. Xu H 2013), but the Chinese items here are plain wording written for Xingang, not a validated translation. Replace with a published Chinese version before production use.',
    },
  },
  notes: { zh: 'K10 没有自伤条目。', en: 'The K10 has no self-harm item.' },
};
