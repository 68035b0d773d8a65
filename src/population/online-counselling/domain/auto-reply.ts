/**
 * The automatic reply to a worker's message outside the counsellor's office hours: when the counsellor will read it,
 * the help lines (HELP_LINES: `number label;…`) and the way to get help now (the 我现在就有危险 button under it).
 */
export function autoReplyText(helpLines: string): string {
  const numbers = helpLines
    .split(';')
    .map((entry) => entry.trim().split(/\s+/)[0])
    .filter(Boolean);
  const zhLines = numbers.length > 0 ? numbers.join('、') : '12351、12356';
  const enLines = numbers.length > 0 ? numbers.join(' or ') : '12351 or 12356';
  return (
    `【自动回复】咨询师现在不在线，会在工作时间尽快回复你。想现在就找人聊，可以拨打 ${zhLines}。` +
    '如果你现在就有危险，请按下方“我现在就有危险”，或立即拨打 120 / 110。\n' +
    `[Automatic reply] Your counsellor is away and will answer in office hours. To talk to someone now, call ${enLines}. ` +
    'If you are in danger now, press “我现在就有危险 / I am in danger now” below, or call 120 / 110 at once.'
  );
}
