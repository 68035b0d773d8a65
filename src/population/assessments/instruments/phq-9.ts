import { PHQ_FAMILY_LICENCE, PHQ_FAMILY_TRANSLATION_NOTE, PHQ_FREQUENCY } from './common-options.js';
import type { InstrumentDefinition } from './instrument.types.js';

const KROENKE_2001 = 'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9. J Gen Intern Med 2001;16:606-613';

export const PHQ_9: InstrumentDefinition = {
  code: 'PHQ-9',
  version: '1.0.0',
  name: { zh: '患者健康问卷-9（PHQ-9）', en: 'Patient Health Questionnaire-9 (PHQ-9)' },
  instructions: {
    zh: '在过去两周里，你生活中以下症状出现的频率有多少？',
    en: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  },
  options: PHQ_FREQUENCY,
  items: [
    { number: 1, text: { zh: '做事时提不起劲或没有兴趣', en: 'Little interest or pleasure in doing things' } },
    { number: 2, text: { zh: '感到心情低落、沮丧或绝望', en: 'Feeling down, depressed, or hopeless' } },
    { number: 3, text: { zh: '入睡困难、睡不安稳或睡眠过多', en: 'Trouble falling or staying asleep, or sleeping too much' } },
    { number: 4, text: { zh: '感觉疲倦或没有活力', en: 'Feeling tired or having little energy' } },
    { number: 5, text: { zh: '食欲不振或吃太多', en: 'Poor appetite or overeating' } },
    {
      number: 6,
      text: {
        zh: '觉得自己很糟，或觉得自己很失败，或让自己或家人失望',
        en: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      },
    },
    {
      number: 7,
      text: {
        zh: '对事物专注有困难，例如阅读报纸或看电视时',
        en: 'Trouble concentrating on things, such as reading the newspaper or watching television',
      },
    },
    {
      number: 8,
      text: {
        zh: '动作或说话速度缓慢到别人已经察觉？或正好相反——烦躁或坐立不安、动来动去的情况更胜于平常',
        en: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      },
    },
    {
      number: 9,
      text: {
        zh: '有不如死掉或用某种方式伤害自己的念头',
        en: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      },
    },
  ],
  subscales: [],
  scoring: { total: 'sum', precision: 0, higherIsBetter: false },
  bands: [
    {
      code: 'minimal',
      min: 0,
      max: 4,
      label: { zh: '无或极轻微抑郁症状', en: 'Minimal depression' },
      plain: { zh: '最近情绪总体平稳。', en: 'Your mood has been generally steady lately.' },
      source: KROENKE_2001,
      validated: true,
    },
    {
      code: 'mild',
      min: 5,
      max: 9,
      label: { zh: '轻度抑郁症状', en: 'Mild depression' },
      plain: {
        zh: '最近有一些情绪低落的迹象。照顾好作息，多和信任的人聊聊。',
        en: 'There are some signs of low mood lately. Look after your rest and routine, and talk with people you trust.',
      },
      source: KROENKE_2001,
      validated: true,
    },
    {
      code: 'moderate',
      min: 10,
      max: 14,
      label: { zh: '中度抑郁症状', en: 'Moderate depression' },
      plain: {
        zh: '最近情绪低落比较明显，和心理服务人员聊一聊可能会有帮助。',
        en: 'Low mood has been noticeable lately; talking with a counsellor may help.',
      },
      source: `${KROENKE_2001}; Chinese cut-off 10: Wang W et al. Gen Hosp Psychiatry 2014`,
      validated: true,
    },
    {
      code: 'moderately_severe',
      min: 15,
      max: 19,
      label: { zh: '中重度抑郁症状', en: 'Moderately severe depression' },
      plain: {
        zh: '最近你承受的情绪困扰较多，建议尽快和心理服务人员或医生谈一谈。',
        en: 'You have been carrying a lot lately; we suggest talking with a counsellor or a doctor soon.',
      },
      source: KROENKE_2001,
      validated: true,
    },
    {
      code: 'severe',
      min: 20,
      max: 27,
      label: { zh: '重度抑郁症状', en: 'Severe depression' },
      plain: {
        zh: '最近你正经历很大的情绪困扰。请尽快寻求专业帮助，你不必独自面对。',
        en: 'You have been going through a great deal lately. Please reach out for professional help soon; you do not have to face this alone.',
      },
      source: KROENKE_2001,
      validated: true,
    },
  ],
  crisisRules: [
    { kind: 'item_above', item: 9, above: 0 },
    { kind: 'total_at_least', atLeast: 20 },
  ],
  reliableChange: {
    threshold: 5,
    on: 'total',
    source: 'A change of 5 points is clinically meaningful: Kroenke 2001; Löwe B et al. Med Care 2004;42:1194-1201',
  },
  licence: PHQ_FAMILY_LICENCE,
  citation: KROENKE_2001,
  translation: {
    status: 'commonly_used_unverified',
    source: 'Pfizer PHQ-9 Simplified Chinese (validated in Chinese samples: Wang W et al. Gen Hosp Psychiatry 2014; Asia Pac Psychiatry 2013;5:61)',
    note: PHQ_FAMILY_TRANSLATION_NOTE,
  },
  notes: {
    zh: '第 9 题（自伤念头）任何大于 0 的回答都视为危机信号，与总分无关。',
    en: 'Any answer above 0 to item 9 (self-harm thoughts) is a crisis signal, whatever the total.',
  },
};
