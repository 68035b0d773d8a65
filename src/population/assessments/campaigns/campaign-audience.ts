import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Worker } from '../../../people/workers/worker.entity.js';
import type { CampaignAudience, CampaignFilters } from '../entities/screening-campaign.entity.js';
import { pathWithin } from '../../../people/access/org-subtree.js';

/**
 * Who a campaign reaches: workers (not erased) in the subtree of any target unit, matching every profile-fact
 * filter; for a `members` campaign, the workers listed in campaign_members instead of the target units. Two forms of the same rule: a WHERE clause for set-based queries (reminders, participation) and a pure
 * predicate for one worker (their open campaigns, a submission).
 *
 * The set-based form reads the people tables `workers` and `org_units` read-only by name, as AccessScope does, so
 * audiences are computed in the database instead of by loading workers.
 */
export function whereInAudience<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  campaignId: string,
  filters: CampaignFilters,
  alias = 'w',
  audience: CampaignAudience = 'units',
): SelectQueryBuilder<T> {
  qb.andWhere(`NOT ${alias}.erased`);
  if (audience === 'members') {
    qb.andWhere(`${alias}.id IN (SELECT am.worker_id FROM campaign_members am WHERE am.campaign_id = :audienceCampaignId)`, { audienceCampaignId: campaignId });
  } else {
    qb.andWhere(
      `${alias}.org_unit_id IN (SELECT au.id FROM org_units au
      JOIN campaign_targets act ON act.campaign_id = :audienceCampaignId
      JOIN org_units atu ON atu.id = act.org_unit_id
      WHERE ${pathWithin('au.path', 'atu.path')})`,
      { audienceCampaignId: campaignId },
    );
  }
  const lists = [
    ['gender', 'gender'],
    ['cadreLevel', 'cadre_level'],
    ['specialPost', 'special_post'],
    ['employmentStatus', 'employment_status'],
  ] as const;
  for (const [fact, column] of lists) {
    const values = filters[fact];
    if (values?.length) qb.andWhere(`${alias}.${column} IN (:...audience_${fact})`, { [`audience_${fact}`]: values });
  }
  if (filters.birthYearFrom !== undefined) qb.andWhere(`${alias}.birth_year >= :audienceFrom`, { audienceFrom: filters.birthYearFrom });
  if (filters.birthYearTo !== undefined) qb.andWhere(`${alias}.birth_year <= :audienceTo`, { audienceTo: filters.birthYearTo });
  return qb;
}

export type WorkerFacts = Pick<Worker, 'gender' | 'cadreLevel' | 'specialPost' | 'employmentStatus' | 'birthYear' | 'erased'>;

/** The profile-fact part of the audience for one worker (the unit part is `targetsUnitSql`). */
export function matchesFilters(filters: CampaignFilters, worker: WorkerFacts): boolean {
  if (worker.erased) return false;
  if (filters.gender?.length && !filters.gender.includes(worker.gender)) return false;
  if (filters.cadreLevel?.length && !filters.cadreLevel.includes(worker.cadreLevel)) return false;
  if (filters.specialPost?.length && !filters.specialPost.includes(worker.specialPost)) return false;
  if (filters.employmentStatus?.length && !filters.employmentStatus.includes(worker.employmentStatus)) return false;
  if (filters.birthYearFrom !== undefined && (worker.birthYear === null || worker.birthYear < filters.birthYearFrom)) return false;
  if (filters.birthYearTo !== undefined && (worker.birthYear === null || worker.birthYear > filters.birthYearTo)) return false;
  return true;
}

/**
 * True (as SQL) when campaign `c` reaches the worker `:targetedWorkerId` of the unit `:targetedUnitId` by where they
 * are: a `units` campaign with a target unit at or above their unit, or a `members` campaign listing them.
 */
export const TARGETS_UNIT_SQL = `((c.audience = 'units' AND EXISTS (SELECT 1 FROM campaign_targets tct
  JOIN org_units ttu ON ttu.id = tct.org_unit_id
  JOIN org_units twu ON twu.id = :targetedUnitId
  WHERE tct.campaign_id = c.id AND ${pathWithin('twu.path', 'ttu.path')}))
  OR (c.audience = 'members' AND EXISTS (SELECT 1 FROM campaign_members tcm WHERE tcm.campaign_id = c.id AND tcm.worker_id = :targetedWorkerId)))`;
