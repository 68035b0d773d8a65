import type { CrisisRule } from './instrument.types.js';

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
      const r = rule as Record<string, unknown>;
      if (r?.kind === 'item_above' && typeof r.item === 'number' && typeof r.above === 'number' && Object.keys(r).length === 3) {
        parsedRules.push({ kind: 'item_above', item: r.item, above: r.above });
      } else if (r?.kind === 'total_at_least' && typeof r.atLeast === 'number' && Object.keys(r).length === 2) {
        parsedRules.push({ kind: 'total_at_least', atLeast: r.atLeast });
      } else {
        problems.push(
          `ASSESSMENT_CRISIS_RULES.${code}[${i}] must be {"kind":"item_above","item":n,"above":n} or {"kind":"total_at_least","atLeast":n}`,
        );
      }
    });
    rules.set(code, parsedRules);
  }
  return { rules, problems };
}
