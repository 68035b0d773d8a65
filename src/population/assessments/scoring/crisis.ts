import type { CrisisRule } from '../instruments/instrument.types.js';

/** A stable code for a rule, used as the reason in results and in the `assessment.crisis` event. */
export function crisisRuleCode(rule: CrisisRule): string {
  return rule.kind === 'item_above' ? `item_${rule.item}_above_${rule.above}` : `total_at_least_${rule.atLeast}`;
}

/**
 * The reasons a result is a crisis, one per rule that fires; empty when none does. Item rules read the answer as
 * given (before any reverse scoring), total rules the total score.
 */
export function crisisReasons(rules: readonly CrisisRule[], answers: readonly number[], totalScore: number | null): string[] {
  return rules
    .filter((rule) =>
      rule.kind === 'item_above' ? answers[rule.item - 1] > rule.above : totalScore !== null && totalScore >= rule.atLeast,
    )
    .map(crisisRuleCode);
}
