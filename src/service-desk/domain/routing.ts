import type { Category } from './categories.js';

/** A routing rule: requests of workers in `orgUnitId`'s subtree, of `category` (or any: `*`), go to `targetUnitId`. */
export interface RoutingRuleFacts {
  orgUnitId: string;
  category: Category | '*';
  targetUnitId: string;
}

export const ANY_CATEGORY = '*';

/**
 * The unit responsible for a request, by the worker's unit and the category. `ancestry` is the worker's unit and its
 * ancestors, nearest first. A rule for the category beats a catch-all rule wherever in the ancestry it sits (a city's
 * rule that wage disputes go to its legal-aid unit outranks an enterprise's "everything to us"); among rules of the
 * same kind the nearest unit wins. Without a rule, the worker's own unit is responsible.
 */
export function routeRequest<R extends RoutingRuleFacts>(ancestry: readonly string[], category: Category, rules: readonly R[]): { unitId: string; rule: R | null } {
  for (const wanted of [category, ANY_CATEGORY] as const) {
    for (const unitId of ancestry) {
      const rule = rules.find((r) => r.orgUnitId === unitId && r.category === wanted);
      if (rule) return { unitId: rule.targetUnitId, rule };
    }
  }
  if (ancestry.length === 0) throw new RangeError('a request needs a unit to route from');
  return { unitId: ancestry[0], rule: null };
}
