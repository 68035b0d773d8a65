import type { InstrumentDefinition } from './instrument.types.js';

const TOPP_2015 = 'Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review of the literature. Psychother Psychosom 2015;84:167-176';

export const WHO_5: InstrumentDefinition = {
  code: 'WHO-5',
  version: '1.0.0',
  name: { zh: '世界卫生组织五项身心健康指数（WHO-5）', en: 'WHO-5 Well-Being Index' },
  instructions: {
    zh: '请根据你过去两周的感受，为每一句话选择最接近的一项。',
    en: 'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks.',
  },
  options: [
    { value: 5, label: { zh: '所有时间', en: 'All of the time' } },
    { value: 4, label: { zh: '大部分时间', en: 'Most of the time' } },
    { value: 3, label: { zh: '一半以上时间', en: 'More than half of the time' } },
    { value: 2, label: { zh: '不到一半时间', en: 'Less than half of the time' } },
    { value: 1, label: { zh: '偶尔', en: 'Some of the time' } },
    { value: 0, label: { zh: '从来没有', en: 'At no time' } },
  ],
  items: [
    { number: 1, text: { zh: '我感到心情愉快，情绪良好', en: 'I have felt cheerful and in good spirits' } },
    { number: 2, text: { zh: '我感到平静和放松', en: 'I have felt calm and relaxed' } },
    { number: 3, text: { zh: '我感到精力充沛，有活力', en: 'I have felt active and vigorous' } },
    { number: 4, text: { zh: '我醒来时感到神清气爽，休息得很好', en: 'I woke up feeling fresh and rested' } },
    { number: 5, text: { zh: '我的日常生活中充满了让我感兴趣的事情', en: 'My daily life has been filled with things that interest me' } },
  ],
  subscales: [],
  scoring: {
    total: 'sum',
    percentMultiplier: 4,
    precision: 0,
    higherIsBetter: true,
    note: 'Raw score 0-25; percentage = raw × 4 (0-100). All items are positively worded: higher is better, nothing is reverse-scored.',
  },
  bands: [
    {
      code: 'poor',
      min: 0,
      max: 12,
      label: { zh: '身心健康状况较差（建议进一步做抑郁筛查）', en: 'Poor well-being (screen for depression)' },
      plain: {
        zh: '最近你的状态可能不太好。多照顾自己，也可以找心理服务人员聊一聊。',
        en: 'You may not have been feeling your best lately. Take care of yourself, and consider talking with a counsellor.',
      },
      source: `${TOPP_2015}: raw score below 13 (percentage 50 or lower) indicates poor well-being. A percentage of 28 or lower suggests likely depression (provisional, unverified: not used as a band)`,
      validated: true,
    },
    {
      code: 'adequate',
      min: 13,
      max: 25,
      label: { zh: '身心健康状况尚可', en: 'Adequate well-being' },
      plain: { zh: '最近你的身心状态总体不错。', en: 'You have generally been feeling well lately.' },
      source: TOPP_2015,
      validated: true,
    },
  ],
  crisisRules: [],
  reliableChange: {
    threshold: 10,
    on: 'percent',
    source: `${TOPP_2015}: a change of 10 percentage points is clinically relevant`,
  },
  licence: {
    summary: 'Free to use; the WHO-5 and its translations are hosted by the Psychiatric Research Unit, Region Hovedstaden (Mental Health Centre North Zealand).',
    url: 'https://www.psykiatri-regionh.dk/who-5/',
  },
  citation: TOPP_2015,
  translation: {
    status: 'own_wording',
    source: null,
    note: {
      zh: '中文条目为本系统自拟的通俗表述，并非经验证的译本（已发表的中文验证研究：Fung 2022 Front Public Health；Yang N 2023 PRBM）。正式使用前请替换为官方中文版。',
      en: 'Chinese items are plain wording written for Xingang, not a validated translation (Chinese validation studies: Fung 2022 Front Public Health; Yang N 2023 PRBM). Replace with the official Chinese version before production use.',
    },
  },
};
