import { Injectable } from '@nestjs/common';
import { DIALECT } from '../../platform/database/dialect.js';
import type { SqlFragment } from '../../platform/database/sql-fragment.js';

/**
 * Figures the dashboards read from assessments (this module owns the tables): each worker's latest result of one
 * instrument in a calendar year, with its band as the category, from the maintained summary `assessment_latest`
 * (one row per worker, instrument and year; see assessment-latest.ts). Served by idx_assessment_latest_report.
 */
@Injectable()
export class AssessmentReportFacts {
  /**
   * With `subscale`, the category is that subscale's band of the same latest result (read from the result row by
   * its id: one primary-key lookup per worker), so a report can break down by a subscale band (DASS-21 depression).
   */
  screening(instrumentCode: string, period: { from: Date; to: Date }, subscale?: string): SqlFragment {
    const year = period.from.getUTCFullYear();
    if (period.from.getTime() !== Date.UTC(year, 0, 1) || period.to.getTime() !== Date.UTC(year + 1, 0, 1)) {
      throw new Error('screening facts are kept per calendar year (UTC)');
    }
    if (subscale) {
      const band = DIALECT === 'postgres' ? `(ar.subscale_bands ->> :ar_subscale)` : `json_extract(ar.subscale_bands, '$.' || :ar_subscale)`;
      return {
        sql: `SELECT al.worker_id AS worker_id, al.at AS at, COALESCE(${band}, 'unbanded') AS category
          FROM assessment_latest al JOIN assessment_results ar ON ar.id = al.result_id
          WHERE al.instrument_code = :ar_instrument AND al.year = :ar_year`,
        params: { ar_instrument: instrumentCode, ar_year: year, ar_subscale: subscale },
        onePerWorker: true,
      };
    }
    return {
      sql: `SELECT al.worker_id AS worker_id, al.at AS at, COALESCE(al.band, 'unbanded') AS category
        FROM assessment_latest al
        WHERE al.instrument_code = :ar_instrument AND al.year = :ar_year`,
      params: { ar_instrument: instrumentCode, ar_year: year },
      onePerWorker: true,
    };
  }
}
