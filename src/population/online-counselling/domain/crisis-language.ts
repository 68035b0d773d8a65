/**
 * Crisis language (危机用语) in a worker's message: a plain list of phrases, matched after folding case, width and
 * spaces. A match is a flag for the counsellor to look, never a diagnosis. The shipped list is replaced as a whole by
 * ONLINE_CRISIS_PHRASES (phrases separated by `;`); docs/mobile-access.md lists it.
 */
export const SHIPPED_CRISIS_PHRASES: readonly string[] = [
  '想死',
  '不想活',
  '活不下去',
  '活着没意思',
  '自杀',
  '轻生',
  '寻死',
  '结束生命',
  '结束自己',
  '了结自己',
  '伤害自己',
  '割腕',
  '跳楼',
  '跳河',
  '吃安眠药',
  '遗书',
  '不如死了',
  'kill myself',
  'suicide',
  'end my life',
  'want to die',
  'hurt myself',
];

/** Lower case, full-width letters and digits to half-width, no white space: so `想 死` and `KILL  myself` match. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** The configured list (ONLINE_CRISIS_PHRASES) or, when empty, the shipped one; folded for matching. */
export function crisisPhrases(setting: string): string[] {
  const configured = setting.split(';').map((p) => p.trim()).filter(Boolean);
  return (configured.length > 0 ? configured : SHIPPED_CRISIS_PHRASES).map(fold).filter(Boolean);
}

/** Whether a message contains any of the (folded) phrases. */
export function hasCrisisLanguage(text: string, phrases: readonly string[]): boolean {
  const folded = fold(text);
  return phrases.some((phrase) => folded.includes(phrase));
}
