import { Injectable } from '@nestjs/common';
import { dbTime } from '../../../platform/database/db-time.js';
import type { SqlFragment } from '../../../platform/database/sql-fragment.js';

/** Counselling use in a period: a worker attended at least one session, or booked and did not (yet) attend. */
export const COUNSELLING_REPORT_CATEGORIES = ['attended', 'booked_not_attended'] as const;

/** Figures the dashboards read from appointments (this module owns the table), one row per worker. */
@Injectable()
export class CounsellingReportFacts {
  facts(period: { from: Date; to: Date }): SqlFragment {
    return {
      sql: `SELECT ca.worker_id AS worker_id, MAX(ca.starts_at) AS at,
          CASE WHEN SUM(CASE WHEN ca.status = 'attended' THEN 1 ELSE 0 END) > 0 THEN 'attended' ELSE 'booked_not_attended' END AS category
        FROM counselling_appointments ca
        WHERE ca.starts_at >= :ca_from AND ca.starts_at < :ca_to AND ca.status IN ('booked', 'attended', 'no_show')
        GROUP BY ca.worker_id`,
      params: { ca_from: dbTime(period.from), ca_to: dbTime(period.to) },
    };
  }
}
