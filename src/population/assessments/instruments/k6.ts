import type { InstrumentDefinition } from './instrument.types.js';

const KESSLER_2003 = 'Kessler RC, Barker PR, Colpe LJ, et al. Screening for serious mental illness in the general population. Arch Gen Psychiatry 2003;60:184-189';
const PROCHASKA_2012 = 'Prochaska JJ, Sung HY, Max W, Shi Y, Ong M. Validity study of the K6 scale as a measure of moderate mental distress. Int J Methods Psychiatr Res 2012;21:88-97';

export const K6: InstrumentDefinition = {
  code: 'K6',
  version: '1.0.0',
  name: { zh: '凯斯勒心理困扰量表（K6）', en: 'Kessler Psychological Distress Scale (K6)' },
  instructions: {
    zh: '在过去 30 天里，你有多经常感到：',
    en: 'During the past 30 days, about how often did you feel:',
  },
  options: [
    { value: 0, label: { zh: '从不', en: 'None of the time' } },
    { value: 1, label: { zh: '很少', en: 'A little of the time' } },
    { value: 2, label: { zh: '有时', en: 'Some of the time' } },
    { value: 3, label: { zh: '大部分时间', en: 'Most of the time' } },
    { value: 4, label: { zh: '总是', en: 'All of the time' } },
  ],
  items: [
    { number: 1, text: { zh: '紧张', en: 'Nervous' } },
    { number: 2, text: { zh: '没有希望', en: 'Hopeless' } },
    { number: 3, text: { zh: '坐立不安或烦躁', en: 'Restless or fidgety' } },
    { number: 4, text: { zh: '情绪低落得什么都不能让你高兴起来', en: 'So depressed that nothing could cheer you up' } },
    { number: 5, text: { zh: '做每件事都很费力', en: 'That everything was an effort' } },
    { number: 6, text: { zh: '自己没有价值', en: 'Worthless' } },
  ],
  subscales: [],
  scoring: { total: 'sum', precision: 0, higherIsBetter: false },
  bands: [
    {
      code: 'low',
      min: 0,
      max: 4,
      label: { zh: '心理困扰水平低', en: 'Low distress' },
      plain: { zh: '最近心理压力总体不大。', en: 'You have not been under much strain lately.' },
      source: PROCHASKA_2012,
      validated: true,
    },
    {
      code: 'moderate',
      min: 5,
      max: 12,
      label: { zh: '中度心理困扰', en: 'Moderate distress' },
      plain: {
        zh: '最近有一些心理压力，和心理服务人员聊一聊可能会有帮助。',
        en: 'There has been some strain lately; talking with a counsellor may help.',
      },
      source: PROCHASKA_2012,
      validated: true,
    },
    {
      code: 'serious',
      min: 13,
      max: 24,
      label: { zh: '严重心理困扰', en: 'Serious psychological distress' },
      plain: {
        zh: '最近你承受着很大的心理压力。请尽快寻求专业帮助，你不必独自面对。',
        en: 'You have been under a great deal of strain lately. Please reach out for professional help soon; you do not have to face this alone.',
      },
      source: KESSLER_2003,
      validated: true,
    },
  ],
  crisisRules: [{ kind: 'total_at_least', atLeast: 13 }],
  reliableChange: null,
  licence: { summary: 'Unrestricted use; cite Kessler et al. 2002/2003.', url: 'https://www.hcp.med.harvard.edu/ncs/k6_scales.php' },
  citation: KESSLER_2003,
  translation: {
    status: 'own_wording',
    source: null,
    note: {
      zh: '中文条目为本系统自拟的通俗表述，并非经验证的译本（中文验证研究：Kang YK 2015 Compr Psychiatry）。正式使用前请替换为已发表的中文版。',
      en: 'Chinese items are plain wording written for Xingang, not a validated translation (Chinese validation: Kang YK 2015 Compr Psychiatry). Replace with a published Chinese version before production use.',
    },
  },
  notes: { zh: 'K6 没有自伤条目。', en: 'The K6 has no self-harm item.' },
};
