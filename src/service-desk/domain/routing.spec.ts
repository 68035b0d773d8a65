import { routeRequest, type RoutingRuleFacts } from './routing.js';

// province ← city ← enterprise (the worker's unit)
const ancestry = ['enterprise', 'city', 'province'];

describe('routing rules', () => {
  it('defaults to the worker’s own unit', () => {
    expect(routeRequest(ancestry, 'family', [])).toEqual({ unitId: 'enterprise', rule: null });
  });

  it('applies a rule of an ancestor to its whole subtree', () => {
    const rule: RoutingRuleFacts = { orgUnitId: 'city', category: 'rights_wages', targetUnitId: 'city-legal-aid' };
    expect(routeRequest(ancestry, 'rights_wages', [rule]).unitId).toBe('city-legal-aid');
    expect(routeRequest(ancestry, 'family', [rule]).unitId).toBe('enterprise');
  });

  it('a rule for the category beats a catch-all, wherever each sits', () => {
    const rules: RoutingRuleFacts[] = [
      { orgUnitId: 'enterprise', category: '*', targetUnitId: 'enterprise-committee' },
      { orgUnitId: 'province', category: 'rights_dismissal', targetUnitId: 'province-legal' },
    ];
    expect(routeRequest(ancestry, 'rights_dismissal', rules).unitId).toBe('province-legal');
    expect(routeRequest(ancestry, 'crisis', rules).unitId).toBe('enterprise-committee');
  });

  it('among rules of the same kind the nearest unit wins', () => {
    const rules: RoutingRuleFacts[] = [
      { orgUnitId: 'province', category: 'workplace_conflict', targetUnitId: 'province-desk' },
      { orgUnitId: 'city', category: 'workplace_conflict', targetUnitId: 'city-desk' },
      { orgUnitId: 'province', category: '*', targetUnitId: 'province-all' },
      { orgUnitId: 'city', category: '*', targetUnitId: 'city-all' },
    ];
    expect(routeRequest(ancestry, 'workplace_conflict', rules).unitId).toBe('city-desk');
    expect(routeRequest(ancestry, 'other', rules).unitId).toBe('city-all');
  });

  it('ignores rules of units outside the ancestry (a sibling’s rules never apply)', () => {
    const rules: RoutingRuleFacts[] = [{ orgUnitId: 'sibling', category: '*', targetUnitId: 'sibling-desk' }];
    expect(routeRequest(ancestry, 'other', rules).unitId).toBe('enterprise');
  });

  it('needs a unit', () => {
    expect(() => routeRequest([], 'other', [])).toThrow(RangeError);
  });
});
