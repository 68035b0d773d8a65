import { Injectable } from '@nestjs/common';
import { dbTime } from '../../../platform/database/db-time.js';
import type { SqlFragment } from '../../../platform/database/sql-fragment.js';

/** Response to a crisis case against its deadline (the level's response time), as the dashboards count it. */
export const CRISIS_RESPONSE_CATEGORIES = ['responded_in_time', 'responded_late', 'overdue', 'awaiting_response'] as const;

/**
 * Figures the dashboards read from crisis cases (this module owns the table): each case opened in the period with
 * whether it was acknowledged by its deadline (due_at). Served by idx_crisis_cases_report.
 */
@Injectable()
export class CrisisReportFacts {
  facts(period: { from: Date; to: Date; now: Date }): SqlFragment {
    return {
      sql: `SELECT cc.worker_id AS worker_id, cc.created_at AS at,
          CASE WHEN cc.acknowledged_at IS NOT NULL AND cc.acknowledged_at <= cc.due_at THEN 'responded_in_time'
               WHEN cc.acknowledged_at IS NOT NULL THEN 'responded_late'
               WHEN cc.due_at < :cc_now THEN 'overdue'
               ELSE 'awaiting_response' END AS category
        FROM crisis_cases cc
        WHERE cc.created_at >= :cc_from AND cc.created_at < :cc_to`,
      params: { cc_from: dbTime(period.from), cc_to: dbTime(period.to), cc_now: dbTime(period.now) },
    };
  }
}
