import { PHQ_FAMILY_LICENCE, PHQ_FAMILY_TRANSLATION_NOTE, PHQ_FREQUENCY } from './common-options.js';
import { GAD_7 } from './gad-7.js';
import type { InstrumentDefinition } from './instrument.types.js';

const KROENKE_2007 = 'Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care. Ann Intern Med 2007;146:317-325';

export const GAD_2: InstrumentDefinition = {
  code: 'GAD-2',
  version: '1.0.0',
  name: { zh: '广泛性焦虑量表-2（GAD-2）', en: 'Generalized Anxiety Disorder-2 (GAD-2)' },
  instructions: GAD_7.instructions,
  options: PHQ_FREQUENCY,
  // GAD-7 items 1 and 2, same wording.
  items: GAD_7.items.slice(0, 2).map((item) => ({ ...item })),
  subscales: [],
  scoring: { total: 'sum', precision: 0, higherIsBetter: false },
  bands: [
    {
      code: 'negative',
      min: 0,
      max: 2,
      label: { zh: '筛查阴性', en: 'Screen negative' },
      plain: { zh: '最近心情总体比较放松。', en: 'You have been feeling fairly settled lately.' },
      source: KROENKE_2007,
      validated: true,
    },
    {
      code: 'positive',
      min: 3,
      max: 6,
      label: { zh: '筛查阳性（建议完成 GAD-7）', en: 'Screen positive (follow with GAD-7)' },
      plain: {
        zh: '最近可能有些紧张和担心，建议再完成一份稍长的问卷，帮助我们更好地了解你。',
        en: 'You may have been tense or worried lately; we suggest a slightly longer questionnaire so we can understand better.',
      },
      source: `${KROENKE_2007}; Chinese: Luo Z et al. Gen Hosp Psychiatry 2019;60:50`,
      validated: true,
    },
  ],
  crisisRules: [],
  reliableChange: null,
  licence: PHQ_FAMILY_LICENCE,
  citation: KROENKE_2007,
  translation: {
    status: 'commonly_used_unverified',
    source: 'Pfizer GAD-7 Simplified Chinese, items 1-2 (Luo Z et al. Gen Hosp Psychiatry 2019)',
    note: PHQ_FAMILY_TRANSLATION_NOTE,
  },
};
