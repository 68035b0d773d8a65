import type { SqlFragment } from '../database/sql-fragment.js';

/**
 * What a module contributes to the dashboards (src/insights/reports): a set-based SELECT over its own tables yielding
 * `worker_id`, `at` (a timestamp) and `category` (a stable code), one or more rows per worker. The reports take each
 * worker's latest row of the period and count workers per unit, gender, age band and category in the database.
 * The module owns its tables and the meaning of its categories; the dashboards never read its tables directly.
 */
export interface ReportFactsQuery {
  /** Rows for facts dated in [from, to). `now` decides what is overdue. Parameter names must be prefixed by the module. */
  facts(period: { from: Date; to: Date; now: Date }): SqlFragment;
}
