import { Injectable } from '@nestjs/common';
import { dbTime } from '../../platform/database/db-time.js';
import type { SqlFragment } from '../../platform/database/sql-fragment.js';

/**
 * Figures the dashboards read from assessment results (this module owns the table): every result of one instrument in
 * a period, with its band as the category. Served by idx_assessment_results_report (instrument, time, worker, band).
 */
@Injectable()
export class AssessmentReportFacts {
  screening(instrumentCode: string, period: { from: Date; to: Date }): SqlFragment {
    return {
      sql: `SELECT ar.worker_id AS worker_id, ar.created_at AS at, COALESCE(ar.band, 'unbanded') AS category
        FROM assessment_results ar
        WHERE ar.instrument_code = :ar_instrument AND ar.created_at >= :ar_from AND ar.created_at < :ar_to`,
      params: { ar_instrument: instrumentCode, ar_from: dbTime(period.from), ar_to: dbTime(period.to) },
    };
  }
}
