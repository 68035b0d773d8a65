import {
  CADRE_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  LIFE_EVENTS,
  SPECIAL_POSTS,
  type CadreLevel,
  type EmploymentStatus,
  type Gender,
  type LifeEvent,
  type SpecialPost,
} from '../../../people/workers/worker-facts.js';
import { badRequest } from '../../../platform/errors/domain-error.js';

/**
 * Who a care programme is for, over worker profile facts. Every fact given must match (AND); a list matches when
 * the worker's fact is any of its values (for `lifeEvents`: when any of the worker's life events is listed). Birth
 * years are inclusive; a worker without a birth year does not match a birth-year bound. No fact at all: every
 * worker of the owner unit's subtree.
 */
export interface EligibilityRule {
  cadreLevel?: CadreLevel[];
  gender?: Gender[];
  lifeEvents?: LifeEvent[];
  employmentStatus?: EmploymentStatus[];
  specialPost?: SpecialPost[];
  birthYearFrom?: number;
  birthYearTo?: number;
}

const LIST_FACTS = {
  cadreLevel: CADRE_LEVELS,
  gender: GENDERS,
  lifeEvents: LIFE_EVENTS,
  employmentStatus: EMPLOYMENT_STATUSES,
  specialPost: SPECIAL_POSTS,
} as const;
type ListFact = keyof typeof LIST_FACTS;
const YEAR_FACTS = ['birthYearFrom', 'birthYearTo'] as const;
export const RULE_FACTS: readonly string[] = [...Object.keys(LIST_FACTS), ...YEAR_FACTS];
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/**
 * Checks a rule as sent (any JSON) and returns it normalised (lists deduplicated, keys in a fixed order). Refusals
 * are 400 with a stable code naming the fact: RULE_NOT_AN_OBJECT, RULE_UNKNOWN_FACT, RULE_NOT_A_LIST, RULE_EMPTY_LIST
 * (an empty list would match nobody: leave the fact out to place no condition), RULE_INVALID_VALUE,
 * RULE_BIRTH_YEAR_INVALID, RULE_BIRTH_YEARS_REVERSED.
 */
export function parseRule(raw: unknown): EligibilityRule {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw badRequest('RULE_NOT_AN_OBJECT', '资格规则须为对象', 'The eligibility rule must be an object');
  }
  const input = raw as Record<string, unknown>;
  for (const fact of Object.keys(input)) {
    if (!RULE_FACTS.includes(fact)) {
      throw badRequest('RULE_UNKNOWN_FACT', `资格规则中有未知的条件：${fact}（可用：${RULE_FACTS.join('、')}）`, `Unknown fact in the eligibility rule: ${fact} (known: ${RULE_FACTS.join(', ')})`, {
        fact,
        known: RULE_FACTS,
      });
    }
  }
  const rule: EligibilityRule = {};
  for (const fact of Object.keys(LIST_FACTS) as ListFact[]) {
    if (input[fact] === undefined) continue;
    (rule as Record<string, unknown>)[fact] = parseList(fact, input[fact]);
  }
  for (const fact of YEAR_FACTS) {
    const value = input[fact];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
      throw badRequest('RULE_BIRTH_YEAR_INVALID', `${fact} 须为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数年份`, `${fact} must be a whole year between ${MIN_YEAR} and ${MAX_YEAR}`, { fact, value });
    }
    rule[fact] = value;
  }
  if (rule.birthYearFrom !== undefined && rule.birthYearTo !== undefined && rule.birthYearFrom > rule.birthYearTo) {
    throw badRequest('RULE_BIRTH_YEARS_REVERSED', '出生年份范围无效：起始年份晚于结束年份', 'birthYearFrom is after birthYearTo', {
      birthYearFrom: rule.birthYearFrom,
      birthYearTo: rule.birthYearTo,
    });
  }
  return rule;
}

function parseList(fact: ListFact, value: unknown): string[] {
  if (!Array.isArray(value)) throw badRequest('RULE_NOT_A_LIST', `${fact} 须为列表`, `${fact} must be a list`, { fact });
  if (value.length === 0) {
    throw badRequest('RULE_EMPTY_LIST', `${fact} 为空列表，不会匹配任何人；不设条件请省略该项`, `${fact} is an empty list and would match nobody; leave it out to place no condition`, { fact });
  }
  const allowed: readonly string[] = LIST_FACTS[fact];
  for (const item of value) {
    if (typeof item !== 'string' || !allowed.includes(item)) {
      throw badRequest('RULE_INVALID_VALUE', `${fact} 的取值 ${JSON.stringify(item)} 无效，可选：${allowed.join('、')}`, `${fact}: ${JSON.stringify(item)} is not one of ${allowed.join(', ')}`, {
        fact,
        value: item,
        allowed,
      });
    }
  }
  return [...new Set(value as string[])];
}

/** Facts whose very matching is sensitive (e.g. pregnancy, a redundancy list): a rule over them makes the programme sensitive. */
export function requiresSensitive(rule: EligibilityRule): boolean {
  return (rule.lifeEvents?.length ?? 0) > 0 || (rule.employmentStatus ?? []).includes('redundancy');
}

/**
 * The part of the rule a screening campaign can express (campaign filters have no life events), so a programme's
 * screening reaches the smallest campaign audience that still holds every enrolled worker.
 */
export function campaignFiltersOf(rule: EligibilityRule): Omit<EligibilityRule, 'lifeEvents'> {
  const filters: Omit<EligibilityRule, 'lifeEvents'> = { ...rule };
  delete (filters as EligibilityRule).lifeEvents;
  return filters;
}
