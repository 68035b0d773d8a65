import { Injectable } from '@nestjs/common';
import { dbTime } from '../../platform/database/db-time.js';
import type { SqlFragment } from '../../platform/database/sql-fragment.js';

/** EAP referral completion, as the dashboards count it. */
export const EAP_REPORT_CATEGORIES = ['completed', 'in_progress', 'not_completed'] as const;

/** Figures the dashboards read from EAP referrals (this module owns the table): each referral created in the period. */
@Injectable()
export class EapReportFacts {
  facts(period: { from: Date; to: Date }): SqlFragment {
    return {
      sql: `SELECT er.worker_id AS worker_id, er.created_at AS at,
          CASE WHEN er.status IN ('attended', 'completed') THEN 'completed'
               WHEN er.status IN ('declined', 'dropped_out', 'withdrawn', 'cancelled') THEN 'not_completed'
               ELSE 'in_progress' END AS category
        FROM eap_referrals er
        WHERE er.created_at >= :er_from AND er.created_at < :er_to`,
      params: { er_from: dbTime(period.from), er_to: dbTime(period.to) },
    };
  }
}
