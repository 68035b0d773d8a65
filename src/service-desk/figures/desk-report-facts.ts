import { Injectable } from '@nestjs/common';
import { dbTime } from '../../platform/database/db-time.js';
import type { SqlFragment } from '../../platform/database/sql-fragment.js';

/** A worker's desk requests of a period, as the dashboards count them (anonymous callers are not in a worker cube). */
export const DESK_REPORT_CATEGORIES = ['resolved_in_time', 'resolved_late', 'open_overdue', 'open'] as const;

/**
 * Figures the dashboards read from the service desk (this module owns the table): each request of a known worker made
 * in the period, by whether it was resolved and whether it ever ran over a deadline (overdue_at).
 */
@Injectable()
export class DeskReportFacts {
  facts(period: { from: Date; to: Date }): SqlFragment {
    return {
      sql: `SELECT dr.worker_id AS worker_id, dr.created_at AS at,
          CASE WHEN dr.resolved_at IS NOT NULL AND dr.overdue_at IS NULL THEN 'resolved_in_time'
               WHEN dr.resolved_at IS NOT NULL THEN 'resolved_late'
               WHEN dr.overdue_at IS NOT NULL THEN 'open_overdue'
               ELSE 'open' END AS category
        FROM desk_requests dr
        WHERE dr.worker_id IS NOT NULL AND dr.created_at >= :dr_from AND dr.created_at < :dr_to`,
      params: { dr_from: dbTime(period.from), dr_to: dbTime(period.to) },
    };
  }
}
