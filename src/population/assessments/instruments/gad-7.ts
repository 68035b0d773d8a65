import { PHQ_FAMILY_LICENCE, PHQ_FAMILY_TRANSLATION_NOTE, PHQ_FREQUENCY } from './common-options.js';
import type { InstrumentDefinition } from './instrument.types.js';

const SPITZER_2006 = 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092-1097';

export const GAD_7: InstrumentDefinition = {
  code: 'GAD-7',
  version: '1.0.0',
  name: { zh: '广泛性焦虑量表-7（GAD-7）', en: 'Generalized Anxiety Disorder-7 (GAD-7)' },
  instructions: {
    zh: '在过去两周里，你有多少时候受到以下问题困扰？',
    en: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  },
  options: PHQ_FREQUENCY,
  items: [
    { number: 1, text: { zh: '感觉紧张、焦虑或急切', en: 'Feeling nervous, anxious, or on edge' } },
    { number: 2, text: { zh: '不能够停止或控制担忧', en: 'Not being able to stop or control worrying' } },
    { number: 3, text: { zh: '对各种各样的事情担忧过多', en: 'Worrying too much about different things' } },
    { number: 4, text: { zh: '很难放松下来', en: 'Trouble relaxing' } },
    { number: 5, text: { zh: '由于不安而无法静坐', en: 'Being so restless that it is hard to sit still' } },
    { number: 6, text: { zh: '变得容易烦恼或急躁', en: 'Becoming easily annoyed or irritable' } },
    { number: 7, text: { zh: '感到似乎将有可怕的事情发生而害怕', en: 'Feeling afraid, as if something awful might happen' } },
  ],
  subscales: [],
  scoring: { total: 'sum', precision: 0, higherIsBetter: false },
  bands: [
    {
      code: 'minimal',
      min: 0,
      max: 4,
      label: { zh: '无或极轻微焦虑症状', en: 'Minimal anxiety' },
      plain: { zh: '最近心情总体比较放松。', en: 'You have been feeling fairly settled lately.' },
      source: SPITZER_2006,
      validated: true,
    },
    {
      code: 'mild',
      min: 5,
      max: 9,
      label: { zh: '轻度焦虑症状', en: 'Mild anxiety' },
      plain: {
        zh: '最近有一些紧张和担心。适当放松、规律作息会有帮助。',
        en: 'There has been some tension and worry lately. Relaxing and a regular routine can help.',
      },
      source: SPITZER_2006,
      validated: true,
    },
    {
      code: 'moderate',
      min: 10,
      max: 14,
      label: { zh: '中度焦虑症状', en: 'Moderate anxiety' },
      plain: {
        zh: '最近紧张和担心比较明显，和心理服务人员聊一聊可能会有帮助。',
        en: 'Tension and worry have been noticeable lately; talking with a counsellor may help.',
      },
      source: `${SPITZER_2006}; Chinese: Zhang C et al. Front Psychiatry 2021`,
      validated: true,
    },
    {
      code: 'severe',
      min: 15,
      max: 21,
      label: { zh: '重度焦虑症状', en: 'Severe anxiety' },
      plain: {
        zh: '最近你承受着很多紧张和担忧，建议尽快和心理服务人员或医生谈一谈，你不必独自面对。',
        en: 'You have been under a lot of worry and tension lately; we suggest talking with a counsellor or a doctor soon. You do not have to face this alone.',
      },
      source: SPITZER_2006,
      validated: true,
    },
  ],
  crisisRules: [{ kind: 'total_at_least', atLeast: 15 }],
  reliableChange: {
    threshold: 4,
    on: 'total',
    source: 'Reliable change of 4 points on the GAD-7: NHS Talking Therapies (IAPT) manual, reliable improvement criteria',
  },
  licence: PHQ_FAMILY_LICENCE,
  citation: SPITZER_2006,
  translation: {
    status: 'commonly_used_unverified',
    source: 'Pfizer GAD-7 Simplified Chinese (validated: Zhang C et al. Front Psychiatry 2021)',
    note: PHQ_FAMILY_TRANSLATION_NOTE,
  },
};
