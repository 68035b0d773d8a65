import type { Dialect } from '../../../platform/database/dialect.js';
import type { SqlFragment } from '../../../platform/database/sql-fragment.js';
import type { EligibilityRule } from './eligibility-rule.js';
import { unitUnder } from '../../../people/access/org-subtree.js';

const COLUMNS = {
  cadreLevel: 'cadre_level',
  gender: 'gender',
  employmentStatus: 'employment_status',
  specialPost: 'special_post',
} as const;

/**
 * The rule as one WHERE condition on the `workers` row `alias`, with named parameters (prefix `elig_`), for
 * set-based counting and INSERT … SELECT: never a loop over workers. Erased workers never match. Life events are
 * JSON: on PostgreSQL a jsonb array tested with `?|` (any of the listed strings); on SQLite JSON text expanded with
 * json_each. The unit condition is separate (`subtreeCondition`).
 */
export function eligibilityCondition(rule: EligibilityRule, dialect: Dialect, alias = 'w'): SqlFragment {
  const parts = [`NOT ${alias}.erased`];
  const params: Record<string, unknown> = {};
  for (const fact of Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>) {
    const values = rule[fact];
    if (!values) continue;
    parts.push(`${alias}.${COLUMNS[fact]} IN (:...elig_${fact})`);
    params[`elig_${fact}`] = values;
  }
  if (rule.lifeEvents) {
    parts.push(
      dialect === 'postgres'
        ? `${alias}.life_events ?| ARRAY[:...elig_lifeEvents]::text[]`
        : `EXISTS (SELECT 1 FROM json_each(${alias}.life_events) elig_je WHERE elig_je.value IN (:...elig_lifeEvents))`,
    );
    params.elig_lifeEvents = rule.lifeEvents;
  }
  if (rule.birthYearFrom !== undefined) {
    parts.push(`${alias}.birth_year >= :elig_birthYearFrom`);
    params.elig_birthYearFrom = rule.birthYearFrom;
  }
  if (rule.birthYearTo !== undefined) {
    parts.push(`${alias}.birth_year <= :elig_birthYearTo`);
    params.elig_birthYearTo = rule.birthYearTo;
  }
  return { sql: parts.map((part) => `(${part})`).join(' AND '), params };
}

/**
 * Workers of the subtree whose root has materialised path `unitPath` (`/root/…/unit/`): one prefix match on
 * `org_units.path`. The path (unit ids and slashes, no LIKE wildcards) is a parameter, never spliced.
 */
export function subtreeCondition(unitPath: string, alias = 'w'): SqlFragment {
  return unitUnder(`${alias}.org_unit_id`, unitPath, 'elig_unitPath');
}

/** Both conditions: the eligible workers of a programme owned by the unit at `unitPath`. */
export function eligibleWorkers(rule: EligibilityRule, unitPath: string, dialect: Dialect, alias = 'w'): SqlFragment {
  const facts = eligibilityCondition(rule, dialect, alias);
  const unit = subtreeCondition(unitPath, alias);
  return { sql: `${unit.sql} AND ${facts.sql}`, params: { ...unit.params, ...facts.params } };
}
