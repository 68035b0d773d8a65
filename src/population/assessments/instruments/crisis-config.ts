import { CRISIS_RULE_LEVELS, type CrisisRule, type CrisisRuleLevel } from './instrument.types.js';

const isLevel = (value: unknown): value is CrisisRuleLevel => (CRISIS_RULE_LEVELS as readonly unknown[]).includes(value);
const LEVEL_HINT = `"level" one of ${CRISIS_RULE_LEVELS.join(', ')}`;

/** The optional level keys of a rule, checked; `false` when one is malformed. */
function levelsOf(r: Record<string, unknown>, allowByAnswer: boolean): { level?: CrisisRuleLevel; levelByAnswer?: Record<string, CrisisRuleLevel> } | false {
  const out: { level?: CrisisRuleLevel; levelByAnswer?: Record<string, CrisisRuleLevel> } = {};
  if ('level' in r) {
    if (!isLevel(r.level)) return false;
    out.level = r.level;
  }
  if ('levelByAnswer' in r) {
    const byAnswer = r.levelByAnswer as Record<string, unknown>;
    if (!allowByAnswer || typeof byAnswer !== 'object' || byAnswer === null || !Object.values(byAnswer).every(isLevel)) return false;
    out.levelByAnswer = byAnswer as Record<string, CrisisRuleLevel>;
  }
  return out;
}

/**
 * Parses ASSESSMENT_CRISIS_RULES: a JSON object from instrument code to the rules replacing that instrument's
 * defaults (an empty list switches its crisis rules off). Shape errors come back as sentences; whether the rules fit
 * the instrument is checked by `validateCrisisRules`.
 */
export function parseCrisisRuleOverrides(raw: string): { rules: Map<string, CrisisRule[]>; problems: string[] } {
  const rules = new Map<string, CrisisRule[]>();
  if (!raw.trim()) return { rules, problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return { rules, problems: [`ASSESSMENT_CRISIS_RULES is not JSON: ${(error as Error).message}`] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { rules, problems: ['ASSESSMENT_CRISIS_RULES must be an object from instrument code to a list of rules'] };
  }
  const problems: string[] = [];
  for (const [code, list] of Object.entries(parsed as Record<string, unknown>)) {
    if (!Array.isArray(list)) {
      problems.push(`ASSESSMENT_CRISIS_RULES.${code} must be a list of rules`);
      continue;
    }
    const parsedRules: CrisisRule[] = [];
    list.forEach((rule: unknown, i) => {
      const r = (rule ?? {}) as Record<string, unknown>;
      const keys = Object.keys(r).filter((k) => k !== 'level' && k !== 'levelByAnswer');
      const levels = levelsOf(r, r.kind === 'item_above');
      if (levels && r.kind === 'item_above' && typeof r.item === 'number' && typeof r.above === 'number' && keys.length === 3) {
        parsedRules.push({ kind: 'item_above', item: r.item, above: r.above, ...levels });
      } else if (levels && r.kind === 'total_at_least' && typeof r.atLeast === 'number' && keys.length === 2) {
        parsedRules.push({ kind: 'total_at_least', atLeast: r.atLeast, ...levels });
      } else {
        problems.push(
          `ASSESSMENT_CRISIS_RULES.${code}[${i}] must be {"kind":"item_above","item":n,"above":n} or {"kind":"total_at_least","atLeast":n}, optionally with ${LEVEL_HINT} (and for item rules "levelByAnswer": {"answer": level})`,
        );
      }
    });
    rules.set(code, parsedRules);
  }
  return { rules, problems };
}
