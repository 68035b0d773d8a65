import { PHQ_FAMILY_LICENCE, PHQ_FAMILY_TRANSLATION_NOTE, PHQ_FREQUENCY } from './common-options.js';
import type { InstrumentDefinition } from './instrument.types.js';
import { PHQ_9 } from './phq-9.js';

const KROENKE_2003 = 'Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2. Med Care 2003;41:1284-1292';

export const PHQ_2: InstrumentDefinition = {
  code: 'PHQ-2',
  version: '1.0.0',
  name: { zh: '患者健康问卷-2（PHQ-2）', en: 'Patient Health Questionnaire-2 (PHQ-2)' },
  instructions: PHQ_9.instructions,
  options: PHQ_FREQUENCY,
  // PHQ-9 items 1 and 2, same wording.
  items: PHQ_9.items.slice(0, 2).map((item) => ({ ...item })),
  subscales: [],
  scoring: { total: 'sum', precision: 0, higherIsBetter: false },
  bands: [
    {
      code: 'negative',
      min: 0,
      max: 2,
      label: { zh: '筛查阴性', en: 'Screen negative' },
      plain: { zh: '最近情绪总体平稳。', en: 'Your mood has been generally steady lately.' },
      source: KROENKE_2003,
      validated: true,
    },
    {
      code: 'positive',
      min: 3,
      max: 6,
      label: { zh: '筛查阳性（建议完成 PHQ-9）', en: 'Screen positive (follow with PHQ-9)' },
      plain: {
        zh: '最近情绪可能有些低落，建议再完成一份稍长的问卷，帮助我们更好地了解你。',
        en: 'Your mood may have been low lately; we suggest a slightly longer questionnaire so we can understand better.',
      },
      source: `${KROENKE_2003}; Chinese: Liu Y et al. PLoS One 2016`,
      validated: true,
    },
  ],
  crisisRules: [],
  reliableChange: null,
  licence: PHQ_FAMILY_LICENCE,
  citation: KROENKE_2003,
  translation: {
    status: 'commonly_used_unverified',
    source: 'Pfizer PHQ-9 Simplified Chinese, items 1-2 (Liu Y et al. PLoS One 2016)',
    note: PHQ_FAMILY_TRANSLATION_NOTE,
  },
  notes: {
    zh: 'PHQ-2 没有自伤条目：筛查阳性时请接着完成 PHQ-9。',
    en: 'PHQ-2 has no self-harm item: follow a positive screen with the PHQ-9.',
  },
};
