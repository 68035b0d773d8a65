import { CRISIS_RULE_LEVELS, type CrisisRule, type CrisisRuleLevel } from '../instruments/instrument.types.js';

/** A stable code for a rule, used as the reason in results and in the `assessment.crisis` event. */
export function crisisRuleCode(rule: CrisisRule): string {
  return rule.kind === 'item_above' ? `item_${rule.item}_above_${rule.above}` : `total_at_least_${rule.atLeast}`;
}

/** A rule that fired, with the level it gives for this answer. */
export interface FiredRule {
  rule: CrisisRule;
  code: string;
  level: CrisisRuleLevel;
  /** The answer that fired an item rule. */
  answer?: number;
}

/**
 * The level of a rule that fired: for an item rule, the level its file gives this answer (`levelByAnswer`), else its
 * own level; rules without a level (old ASSESSMENT_CRISIS_RULES) keep the triage they had: an item rule `urgent`
 * (a same-day safety assessment), a total rule `concern`.
 */
export function levelOf(rule: CrisisRule, answer?: number): CrisisRuleLevel {
  if (rule.kind === 'item_above') return (answer !== undefined ? rule.levelByAnswer?.[String(answer)] : undefined) ?? rule.level ?? 'urgent';
  return rule.level ?? 'concern';
}

/** The rules that fire, in rule order. Item rules read the answer as given (before reverse scoring), total rules the total. */
export function firedRules(rules: readonly CrisisRule[], answers: ReadonlyArray<number | null>, totalScore: number | null): FiredRule[] {
  const fired: FiredRule[] = [];
  for (const rule of rules) {
    if (rule.kind === 'item_above') {
      const answer = answers[rule.item - 1];
      if (typeof answer === 'number' && answer > rule.above) fired.push({ rule, code: crisisRuleCode(rule), level: levelOf(rule, answer), answer });
    } else if (totalScore !== null && totalScore >= rule.atLeast) {
      fired.push({ rule, code: crisisRuleCode(rule), level: levelOf(rule) });
    }
  }
  return fired;
}

/** The reasons a result is a crisis, one per rule that fires; empty when none does. */
export function crisisReasons(rules: readonly CrisisRule[], answers: ReadonlyArray<number | null>, totalScore: number | null): string[] {
  return firedRules(rules, answers, totalScore).map((f) => f.code);
}

/** The most urgent level among fired rules; null when none fired. */
export function mostUrgent(fired: readonly FiredRule[]): CrisisRuleLevel | null {
  const ranks = fired.map((f) => CRISIS_RULE_LEVELS.indexOf(f.level));
  return ranks.length > 0 ? CRISIS_RULE_LEVELS[Math.min(...ranks)] : null;
}
