import type { CadreLevel, EmploymentStatus, Gender, LifeEvent, SpecialPost } from '../../people/workers/worker-facts.js';

/**
 * Who a course, event or group is for, beyond its unit: each listed fact narrows the audience (a worker matches a
 * list when their fact is in it; `lifeEvents` matches when any of theirs is listed). An empty or absent list places
 * no condition. The unit condition is separate: content of unit U is for workers of U's subtree.
 */
export interface Audience {
  genders?: Gender[];
  specialPosts?: SpecialPost[];
  employmentStatuses?: EmploymentStatus[];
  cadreLevels?: CadreLevel[];
  lifeEvents?: LifeEvent[];
}

/** What targeting needs to know about a worker: their unit's ancestry (own unit first) and profile facts. */
export interface ViewerFacts {
  unitAncestry: readonly string[];
  gender: Gender;
  specialPost: SpecialPost;
  employmentStatus: EmploymentStatus;
  cadreLevel: CadreLevel;
  lifeEvents: readonly LifeEvent[];
}

const listed = <T>(list: readonly T[] | undefined): list is readonly T[] => Array.isArray(list) && list.length > 0;

export function matchesAudience(audience: Audience | null | undefined, facts: ViewerFacts): boolean {
  if (!audience) return true;
  if (listed(audience.genders) && !audience.genders.includes(facts.gender)) return false;
  if (listed(audience.specialPosts) && !audience.specialPosts.includes(facts.specialPost)) return false;
  if (listed(audience.employmentStatuses) && !audience.employmentStatuses.includes(facts.employmentStatus)) return false;
  if (listed(audience.cadreLevels) && !audience.cadreLevels.includes(facts.cadreLevel)) return false;
  if (listed(audience.lifeEvents) && !audience.lifeEvents.some((event) => facts.lifeEvents.includes(event))) return false;
  return true;
}

/** Content owned by `unitId` with `audience` is for this worker: their unit lies in its subtree and the facts match. */
export function isTargetedAt(unitId: string, audience: Audience | null | undefined, facts: ViewerFacts): boolean {
  return facts.unitAncestry.includes(unitId) && matchesAudience(audience, facts);
}

/** Drops empty lists so stored audiences compare and read the same. */
export function normaliseAudience(audience: Audience | null | undefined): Audience {
  const out: Audience = {};
  for (const [key, value] of Object.entries(audience ?? {}) as Array<[keyof Audience, unknown[] | undefined]>) {
    if (Array.isArray(value) && value.length > 0) (out as Record<string, unknown[]>)[key] = [...new Set(value)];
  }
  return out;
}
