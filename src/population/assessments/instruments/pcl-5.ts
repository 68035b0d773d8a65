import type { InstrumentDefinition } from './instrument.types.js';

const WEATHERS_2013 = 'Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 (PCL-5). National Center for PTSD, 2013';
const CUT_OFF = 'Bovin MJ et al. Psychol Assess 2016;28:1379-1391; National Center for PTSD: a provisional cut-off of 31-33; 33 is used here';

export const PCL_5: InstrumentDefinition = {
  code: 'PCL-5',
  version: '1.0.0',
  name: { zh: 'PTSD 检查表（DSM-5 版，PCL-5）', en: 'PTSD Checklist for DSM-5 (PCL-5)' },
  instructions: {
    zh: '下面是人们在经历非常有压力的事件后有时会出现的问题。请想着那件最让你困扰的经历，选择在过去一个月里，每个问题困扰你的程度。',
    en: 'Below is a list of problems that people sometimes have in response to a very stressful experience. Keeping your worst event in mind, indicate how much you have been bothered by each problem in the past month.',
  },
  options: [
    { value: 0, label: { zh: '一点也没有', en: 'Not at all' } },
    { value: 1, label: { zh: '有一点', en: 'A little bit' } },
    { value: 2, label: { zh: '中等程度', en: 'Moderately' } },
    { value: 3, label: { zh: '相当多', en: 'Quite a bit' } },
    { value: 4, label: { zh: '非常严重', en: 'Extremely' } },
  ],
  items: [
    { number: 1, text: { zh: '反复出现令人不安、不想要的关于那次经历的记忆', en: 'Repeated, disturbing, and unwanted memories of the stressful experience' } },
    { number: 2, text: { zh: '反复做与那次经历有关的令人不安的梦', en: 'Repeated, disturbing dreams of the stressful experience' } },
    {
      number: 3,
      text: {
        zh: '突然感觉或表现得好像那次经历又在发生（好像你真的回到了当时，又经历了一遍）',
        en: 'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)',
      },
    },
    { number: 4, text: { zh: '有事物让你想起那次经历时，感到非常难过', en: 'Feeling very upset when something reminded you of the stressful experience' } },
    {
      number: 5,
      text: {
        zh: '有事物让你想起那次经历时，出现强烈的身体反应（例如心跳加快、呼吸困难、出汗）',
        en: 'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)',
      },
    },
    { number: 6, text: { zh: '回避与那次经历有关的记忆、想法或感受', en: 'Avoiding memories, thoughts, or feelings related to the stressful experience' } },
    {
      number: 7,
      text: {
        zh: '回避会让你想起那次经历的外部事物（例如人、地方、谈话、活动、物品或场合）',
        en: 'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)',
      },
    },
    { number: 8, text: { zh: '记不起那次经历中的重要部分', en: 'Trouble remembering important parts of the stressful experience' } },
    {
      number: 9,
      text: {
        zh: '对自己、他人或世界有强烈的负面看法（例如：“我很坏”“我有很严重的问题”“谁都不能信任”“这个世界非常危险”）',
        en: 'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)',
      },
    },
    { number: 10, text: { zh: '因为那次经历或之后发生的事而责怪自己或他人', en: 'Blaming yourself or someone else for the stressful experience or what happened after it' } },
    { number: 11, text: { zh: '有强烈的负面情绪，例如害怕、恐惧、愤怒、内疚或羞耻', en: 'Having strong negative feelings such as fear, horror, anger, guilt, or shame' } },
    { number: 12, text: { zh: '对过去喜欢的活动失去兴趣', en: 'Loss of interest in activities that you used to enjoy' } },
    { number: 13, text: { zh: '感到与他人疏远或隔绝', en: 'Feeling distant or cut off from other people' } },
    {
      number: 14,
      text: {
        zh: '难以体会到积极的感受（例如无法感到快乐，或无法对亲近的人产生爱的感受）',
        en: 'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)',
      },
    },
    { number: 15, text: { zh: '易怒、发脾气或有攻击性的行为', en: 'Irritable behavior, angry outbursts, or acting aggressively' } },
    { number: 16, text: { zh: '冒太多险，或做可能伤害自己的事', en: 'Taking too many risks or doing things that could cause you harm' } },
    { number: 17, text: { zh: '处于“高度警觉”状态，时刻提防、戒备', en: 'Being "superalert" or watchful or on guard' } },
    { number: 18, text: { zh: '感到神经过敏或容易受惊吓', en: 'Feeling jumpy or easily startled' } },
    { number: 19, text: { zh: '难以集中注意力', en: 'Having difficulty concentrating' } },
    { number: 20, text: { zh: '入睡困难或睡不安稳', en: 'Trouble falling or staying asleep' } },
  ],
  subscales: [
    { code: 'intrusion', name: { zh: '闯入（B 组）', en: 'Intrusion (cluster B)' }, items: [1, 2, 3, 4, 5], method: 'sum' },
    { code: 'avoidance', name: { zh: '回避（C 组）', en: 'Avoidance (cluster C)' }, items: [6, 7], method: 'sum' },
    {
      code: 'negative_cognition_mood',
      name: { zh: '认知和情绪的负性改变（D 组）', en: 'Negative alterations in cognitions and mood (cluster D)' },
      items: [8, 9, 10, 11, 12, 13, 14],
      method: 'sum',
    },
    { code: 'arousal', name: { zh: '警觉和反应性改变（E 组）', en: 'Alterations in arousal and reactivity (cluster E)' }, items: [15, 16, 17, 18, 19, 20], method: 'sum' },
  ],
  scoring: { total: 'sum', precision: 0, higherIsBetter: false, note: 'Total 0-80; cluster scores are sums of their items (DSM-5 clusters B-E).' },
  bands: [
    {
      code: 'below_threshold',
      min: 0,
      max: 32,
      label: { zh: '低于临界值', en: 'Below the provisional cut-off' },
      plain: {
        zh: '那次经历对你的困扰目前不算太多。如果有需要，随时可以找人聊聊。',
        en: 'That experience is not troubling you a great deal at the moment. If you need to, you can talk to someone at any time.',
      },
      source: CUT_OFF,
      validated: true,
    },
    {
      code: 'probable_ptsd',
      min: 33,
      max: 80,
      label: { zh: '可能存在创伤后应激障碍（需专业评估确认）', en: 'Probable PTSD (needs a clinical assessment to confirm)' },
      plain: {
        zh: '那次经历目前对你的困扰比较多。这是经历重大事件后常见的反应，专业的帮助会很有用，建议和心理服务人员谈一谈。',
        en: 'That experience is troubling you quite a lot right now. This is a common reaction after a major event, and professional help works; we suggest talking with a counsellor.',
      },
      source: CUT_OFF,
      validated: true,
    },
  ],
  crisisRules: [{ kind: 'total_at_least', atLeast: 33 }],
  reliableChange: null,
  licence: { summary: 'Public domain (US National Center for PTSD).', url: 'https://www.ptsd.va.gov/professional/assessment/adult-sr/ptsd-checklist.asp' },
  citation: WEATHERS_2013,
  translation: {
    status: 'own_wording',
    source: null,
    note: {
      zh: '中文条目为本系统自拟的通俗表述，并非经验证的译本；已发表的中文版尚未核对。正式使用前请替换为经验证的中文版。',
      en: 'Chinese items are plain wording written for Xingang, not a validated translation; published Chinese versions have not been checked. Replace with a validated Chinese version before production use.',
    },
  },
};
