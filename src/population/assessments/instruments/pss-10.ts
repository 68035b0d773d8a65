import type { InstrumentDefinition } from './instrument.types.js';

const COHEN_1983 = 'Cohen S, Kamarck T, Mermelstein R. A global measure of perceived stress. J Health Soc Behav 1983;24:385-396; 10-item version: Cohen S, Williamson G, 1988';
const CONVENTIONAL = 'Conventional bands 0-13 / 14-26 / 27-40, widely used but with no published validation: the PSS has no official cut-offs (Cohen). Not validated.';

export const PSS_10: InstrumentDefinition = {
  code: 'PSS-10',
  version: '1.0.0',
  name: { zh: '知觉压力量表-10（PSS-10）', en: 'Perceived Stress Scale-10 (PSS-10)' },
  instructions: {
    zh: '以下问题询问你在过去一个月里的感受和想法。请选择你有这种感受或想法的频率。',
    en: 'The questions in this scale ask you about your feelings and thoughts during the last month. Indicate how often you felt or thought a certain way.',
  },
  options: [
    { value: 0, label: { zh: '从不', en: 'Never' } },
    { value: 1, label: { zh: '几乎不', en: 'Almost never' } },
    { value: 2, label: { zh: '有时', en: 'Sometimes' } },
    { value: 3, label: { zh: '经常', en: 'Fairly often' } },
    { value: 4, label: { zh: '非常频繁', en: 'Very often' } },
  ],
  items: [
    { number: 1, text: { zh: '因为发生了意料之外的事情而感到心烦', en: 'Been upset because of something that happened unexpectedly' } },
    { number: 2, text: { zh: '感到无法掌控生活中重要的事情', en: 'Felt that you were unable to control the important things in your life' } },
    { number: 3, text: { zh: '感到紧张和有压力', en: 'Felt nervous and "stressed"' } },
    { number: 4, reverse: true, text: { zh: '对自己处理个人问题的能力有信心', en: 'Felt confident about your ability to handle your personal problems' } },
    { number: 5, reverse: true, text: { zh: '感到事情在按你希望的方向发展', en: 'Felt that things were going your way' } },
    { number: 6, text: { zh: '发现自己应付不了所有必须做的事情', en: 'Found that you could not cope with all the things that you had to do' } },
    { number: 7, reverse: true, text: { zh: '能够控制生活中让你烦躁的事情', en: 'Been able to control irritations in your life' } },
    { number: 8, reverse: true, text: { zh: '感到一切尽在掌握', en: 'Felt that you were on top of things' } },
    { number: 9, text: { zh: '因为无法控制的事情而生气', en: 'Been angered because of things that were outside of your control' } },
    { number: 10, text: { zh: '感到困难堆积如山，自己无法克服', en: 'Felt difficulties were piling up so high that you could not overcome them' } },
  ],
  subscales: [],
  scoring: {
    total: 'sum',
    precision: 0,
    higherIsBetter: false,
    note: 'Items 4, 5, 7 and 8 are positively worded and reverse-scored (4 − answer) before summing; total 0-40.',
  },
  bands: [
    {
      code: 'low',
      min: 0,
      max: 13,
      label: { zh: '压力感较低（常用分段，未经验证）', en: 'Low perceived stress (conventional, not validated)' },
      plain: { zh: '最近你感到的压力不大。', en: 'You have not felt much stress lately.' },
      source: CONVENTIONAL,
      validated: false,
    },
    {
      code: 'moderate',
      min: 14,
      max: 26,
      label: { zh: '压力感中等（常用分段，未经验证）', en: 'Moderate perceived stress (conventional, not validated)' },
      plain: {
        zh: '最近你感到有一些压力。留点时间给自己，做些让自己放松的事。',
        en: 'You have felt some stress lately. Make a little time for yourself and things that help you relax.',
      },
      source: CONVENTIONAL,
      validated: false,
    },
    {
      code: 'high',
      min: 27,
      max: 40,
      label: { zh: '压力感较高（常用分段，未经验证）', en: 'High perceived stress (conventional, not validated)' },
      plain: {
        zh: '最近你感到的压力比较大，和心理服务人员聊一聊可能会有帮助。',
        en: 'You have felt a lot of stress lately; talking with a counsellor may help.',
      },
      source: CONVENTIONAL,
      validated: false,
    },
  ],
  crisisRules: [],
  reliableChange: null,
  licence: { summary: 'Free for non-profit academic and educational use per the author (Sheldon Cohen); commercial use requires permission.', url: 'https://www.cmu.edu/dietrich/psychology/stress-immunity-disease-lab/scales/index.html' },
  citation: COHEN_1983,
  translation: {
    status: 'own_wording',
    source: null,
    note: {
      zh: '中文条目为本系统自拟的通俗表述，并非经验证的译本（中文验证研究：Wang Z 2011 PLoS One；Lu W 2017 PLoS One）。正式使用前请替换为已发表的中文版。',
      en: 'Chinese items are plain wording written for Xingang, not a validated translation (Chinese validation: Wang Z 2011 PLoS One; Lu W 2017 PLoS One). Replace with a published Chinese version before production use.',
    },
  },
};
