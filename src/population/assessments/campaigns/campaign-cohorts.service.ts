import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlKey, type SqlFragment } from '../../../platform/database/sql-fragment.js';
import { InstrumentLibrary } from '../instrument-library.service.js';

/** Scores of a cohort before and after: each measured worker counts once per side (see `outcome`). */
export interface CohortOutcome {
  instrumentCode: string;
  /** True when a higher score is better (WHO-5), so a positive change is an improvement. */
  higherIsBetter: boolean;
  before: { n: number; mean: number | null };
  after: { n: number; mean: number | null };
  /** Workers measured both before and after, and the mean of their own change (after − before). */
  paired: { n: number; meanChange: number | null };
}

/**
 * The assessments module's exported cohort queries, for tiers above that follow a group of workers through
 * campaigns (a care programme's screenings). The caller passes its cohort as a subquery yielding `worker_id`; these
 * queries read `assessment_results` set-wise through its campaign index and never return an individual's result.
 */
@Injectable()
export class CampaignCohorts {
  constructor(private readonly library: InstrumentLibrary) {}

  /** Workers who answered at least one instrument of the campaign: a subquery yielding `worker_id`. */
  respondents(campaignId: string, key: string): SqlFragment {
    const k = sqlKey(key);
    return { sql: `SELECT ${k}_r.worker_id FROM assessment_results ${k}_r WHERE ${k}_r.campaign_id = :${k}`, params: { [k]: campaignId } };
  }

  /**
   * Mean score of the cohort before (each worker's earliest result of the instrument in the baseline campaigns) and
   * after (their latest in the follow-up campaigns), and the mean change of those measured both times. The score is
   * the percentage for WHO-5 and the total otherwise; an instrument without a total (CBI) is refused by the caller.
   */
  async outcome(
    manager: EntityManager,
    input: { instrumentCode: string; baselineCampaignIds: string[]; followUpCampaignIds: string[]; cohort: SqlFragment },
  ): Promise<CohortOutcome> {
    const definition = this.library.require(input.instrumentCode);
    const empty: CohortOutcome = {
      instrumentCode: definition.code,
      higherIsBetter: definition.scoring.higherIsBetter,
      before: { n: 0, mean: null },
      after: { n: 0, mean: null },
      paired: { n: 0, meanChange: null },
    };
    if (input.baselineCampaignIds.length === 0 && input.followUpCampaignIds.length === 0) return empty;
    // An empty side matches nothing (IN needs at least one value; no campaign has a nil id).
    const nil = '00000000-0000-0000-0000-000000000000';
    const side = (alias: string, campaignsKey: string, order: 'ASC' | 'DESC') => `(SELECT ${alias}x.worker_id, ${alias}x.score FROM (
        SELECT r.worker_id, COALESCE(r.percent_score, r.total_score) AS score,
          ROW_NUMBER() OVER (PARTITION BY r.worker_id ORDER BY r.created_at ${order}, r.id ${order}) AS pick
        FROM assessment_results r
        WHERE r.campaign_id IN (:...${campaignsKey}) AND r.instrument_code = :outcomeInstrument
          AND r.worker_id IN (${input.cohort.sql})) ${alias}x
      WHERE ${alias}x.pick = 1)`;
    const [sql, params] = manager.connection.driver.escapeQueryWithParameters(
      `SELECT COUNT(b.score) AS "nBefore", AVG(b.score) AS "meanBefore", COUNT(a.score) AS "nAfter", AVG(a.score) AS "meanAfter",
         COUNT(CASE WHEN a.score IS NOT NULL AND b.score IS NOT NULL THEN 1 END) AS "nPaired", AVG(a.score - b.score) AS "meanChange"
       FROM (SELECT DISTINCT c.worker_id FROM (${input.cohort.sql}) c) cohort
       LEFT JOIN ${side('b', 'outcomeBaseline', 'ASC')} b ON b.worker_id = cohort.worker_id
       LEFT JOIN ${side('a', 'outcomeFollowUp', 'DESC')} a ON a.worker_id = cohort.worker_id`,
      {
        ...input.cohort.params,
        outcomeInstrument: definition.code,
        outcomeBaseline: input.baselineCampaignIds.length > 0 ? input.baselineCampaignIds : [nil],
        outcomeFollowUp: input.followUpCampaignIds.length > 0 ? input.followUpCampaignIds : [nil],
      },
    );
    const [row] = await manager.query<Array<Record<string, unknown>>>(sql, params);
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
      ...empty,
      before: { n: num(row.nBefore) ?? 0, mean: num(row.meanBefore) },
      after: { n: num(row.nAfter) ?? 0, mean: num(row.meanAfter) },
      paired: { n: num(row.nPaired) ?? 0, meanChange: num(row.meanChange) },
    };
  }
}
