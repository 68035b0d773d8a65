import type { CrisisHelpDto, HelpLineDto } from './crisis-help.dto.js';

/** HELP_LINES is `number label;number label`, e.g. `12351 职工服务热线 / union hotline;12356 …`. */
export function parseHelpLines(setting: string): HelpLineDto[] {
  return setting
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [number, ...label] = entry.split(/\s+/);
      return { number, label: label.join(' ') };
    });
}

/**
 * What a worker sees with a crisis result instead of a clinical label: a supportive message, Chinese first, and the
 * help lines. It never repeats the score or the band.
 */
export function crisisHelp(setting: string): CrisisHelpDto {
  const lines = parseHelpLines(setting);
  const numbers = lines.map((l) => l.number).join('、');
  return {
    zh:
      `谢谢你认真作答。你的回答让我们有些担心你最近的状态。你并不孤单，现在就可以拨打${numbers ? ` ${numbers} ` : ''}和愿意倾听的人聊一聊。` +
      '我们也已请工会的心理服务人员留意，他们可能会与你联系。如果你有伤害自己的想法，或正处于危险之中，请立即拨打 120 或 110，或前往最近的医院急诊。',
    en:
      `Thank you for answering honestly. Your answers make us a little worried about how you have been. You are not alone: you can call${numbers ? ` ${lines.map((l) => l.number).join(' or ')}` : ' a help line'} now and talk to someone who will listen. ` +
      'We have also asked the union\'s counselling staff to look out for you; they may get in touch. If you are thinking of harming yourself or are in danger, call 120 or 110 now, or go to the nearest hospital emergency department.',
    lines,
  };
}
