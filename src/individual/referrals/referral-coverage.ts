/**
 * EXPORTED SQL for incident coverage (set-based): true when the worker in `workerColumn` has a referral sent (or
 * further along) at or after `:referredSince`. The referrals module owns the `referrals` table; other modules of the
 * tier use this fragment instead of writing their own query against it.
 */
export const referredSinceSql = (workerColumn: string): string =>
  `EXISTS (SELECT 1 FROM referrals rcv WHERE rcv.worker_id = ${workerColumn} AND rcv.state <> 'draft' AND rcv.sent_at >= :referredSince)`;
