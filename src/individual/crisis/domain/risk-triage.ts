import type { CrisisLevel } from '../../shared/levels.js';

/**
 * A counsellor-entered structured risk triage: the questions a counsellor asks in a safety assessment (ideation, plan,
 * intent, past attempts, protective factors). It is not an electronic C-SSRS (whose electronic versions are licensed)
 * and scores nothing: it suggests a level, and the counsellor's own judgement decides.
 */
export const IDEATION = ['none', 'passive', 'active'] as const;
export const PLAN = ['none', 'vague', 'specific'] as const;
export const INTENT = ['none', 'uncertain', 'clear'] as const;
export const PAST_ATTEMPTS = ['none', 'lifetime', 'past_3_months'] as const;
export const PROTECTIVE_FACTORS = [
  'family',
  'children',
  'social_support',
  'engaged_in_care',
  'future_plans',
  'faith_or_values',
  'problem_solving',
  'other',
] as const;

export type Ideation = (typeof IDEATION)[number];
export type Plan = (typeof PLAN)[number];
export type Intent = (typeof INTENT)[number];
export type PastAttempts = (typeof PAST_ATTEMPTS)[number];
export type ProtectiveFactor = (typeof PROTECTIVE_FACTORS)[number];

export interface RiskFindings {
  ideation: Ideation;
  plan: Plan;
  intent: Intent;
  pastAttempts: PastAttempts;
  protectiveFactors: ProtectiveFactor[];
}

/**
 * The level the findings suggest:
 * - `imminent`: clear intent, or active ideation with a specific plan;
 * - `urgent`: active ideation, any plan, uncertain intent, or an attempt in the past three months;
 * - `concern`: otherwise (passive ideation, an attempt longer ago, or nothing found).
 * Protective factors never lower the suggestion: they inform the counsellor's judgement, not the rule.
 */
export function suggestedLevel(f: RiskFindings): CrisisLevel {
  if (f.intent === 'clear' || (f.ideation === 'active' && f.plan === 'specific')) return 'imminent';
  if (f.ideation === 'active' || f.plan !== 'none' || f.intent === 'uncertain' || f.pastAttempts === 'past_3_months') return 'urgent';
  return 'concern';
}
