import { Injectable } from '@nestjs/common';
import { dbTime } from '../../../platform/database/db-time.js';
import type { SqlFragment } from '../../../platform/database/sql-fragment.js';

/** Where a referral stands, as the dashboards count it: completion is `attended` or `completed`. */
export const REFERRAL_REPORT_CATEGORIES = ['completed', 'in_progress', 'not_completed'] as const;

/** Figures the dashboards read from referrals (this module owns the table): each referral created in the period. */
@Injectable()
export class ReferralReportFacts {
  facts(period: { from: Date; to: Date }): SqlFragment {
    return {
      sql: `SELECT rf.worker_id AS worker_id, rf.created_at AS at,
          CASE WHEN rf.state IN ('attended', 'completed') THEN 'completed'
               WHEN rf.state IN ('declined', 'dropped_out') THEN 'not_completed'
               ELSE 'in_progress' END AS category
        FROM referrals rf
        WHERE rf.created_at >= :rf_from AND rf.created_at < :rf_to`,
      params: { rf_from: dbTime(period.from), rf_to: dbTime(period.to) },
    };
  }
}
