import { suggestedLevel, type RiskFindings } from './risk-triage.js';

const none: RiskFindings = { ideation: 'none', plan: 'none', intent: 'none', pastAttempts: 'none', protectiveFactors: [] };

describe('structured risk triage (suggestion only)', () => {
  it('suggests concern when nothing is found, for passive ideation and for an attempt long ago', () => {
    expect(suggestedLevel(none)).toBe('concern');
    expect(suggestedLevel({ ...none, ideation: 'passive' })).toBe('concern');
    expect(suggestedLevel({ ...none, pastAttempts: 'lifetime' })).toBe('concern');
  });

  it('suggests urgent for active ideation, any plan, uncertain intent or a recent attempt', () => {
    expect(suggestedLevel({ ...none, ideation: 'active' })).toBe('urgent');
    expect(suggestedLevel({ ...none, plan: 'vague' })).toBe('urgent');
    expect(suggestedLevel({ ...none, ideation: 'passive', plan: 'specific' })).toBe('urgent');
    expect(suggestedLevel({ ...none, intent: 'uncertain' })).toBe('urgent');
    expect(suggestedLevel({ ...none, pastAttempts: 'past_3_months' })).toBe('urgent');
  });

  it('suggests imminent for clear intent, or active ideation with a specific plan', () => {
    expect(suggestedLevel({ ...none, intent: 'clear' })).toBe('imminent');
    expect(suggestedLevel({ ...none, ideation: 'active', plan: 'specific' })).toBe('imminent');
  });

  it('is never lowered by protective factors', () => {
    const all = ['family', 'children', 'social_support', 'engaged_in_care', 'future_plans', 'faith_or_values', 'problem_solving', 'other'] as const;
    expect(suggestedLevel({ ...none, intent: 'clear', protectiveFactors: [...all] })).toBe('imminent');
    expect(suggestedLevel({ ...none, ideation: 'active', protectiveFactors: [...all] })).toBe('urgent');
  });
});
