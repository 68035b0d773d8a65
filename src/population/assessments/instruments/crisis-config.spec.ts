import { parseCrisisRuleOverrides } from './crisis-config.js';

describe('ASSESSMENT_CRISIS_RULES', () => {
  it('is empty by default: every instrument keeps its shipped rules', () => {
    expect(parseCrisisRuleOverrides('')).toEqual({ rules: new Map(), problems: [] });
  });

  it('replaces the rules of the instruments it names, and an empty list switches them off', () => {
    const { rules, problems } = parseCrisisRuleOverrides('{"PHQ-9":[{"kind":"item_above","item":9,"above":1}],"K10":[]}');
    expect(problems).toEqual([]);
    expect(rules.get('PHQ-9')).toEqual([{ kind: 'item_above', item: 9, above: 1 }]);
    expect(rules.get('K10')).toEqual([]);
    expect(rules.has('GAD-7')).toBe(false);
  });

  it('names what is wrong', () => {
    expect(parseCrisisRuleOverrides('{nope').problems[0]).toMatch(/is not JSON/);
    expect(parseCrisisRuleOverrides('[1]').problems[0]).toMatch(/must be an object/);
    expect(parseCrisisRuleOverrides('{"GAD-7":{"kind":"x"}}').problems[0]).toMatch(/GAD-7 must be a list/);
    expect(parseCrisisRuleOverrides('{"GAD-7":[{"kind":"total_at_least","atLeast":"15"}]}').problems[0]).toMatch(/GAD-7\[0\]/);
  });
});
