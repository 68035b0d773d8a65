import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EscalationService } from '../../src/individual/crisis/services/escalation.service.js';
import { dbTime } from '../../src/platform/database/db-time.js';
import { Transactions } from '../../src/platform/database/transactions.js';
import { rebuildReportCounts } from '../../src/insights/reports/services/report-counts-rebuild.js';
import { DIALECT } from '../../src/platform/database/dialect.js';
import { JobRunner } from '../../src/platform/jobs/job-runner.service.js';
import { DeadlineScheduler } from '../../src/service-desk/shared/deadline-scheduler.js';

/**
 * What the demo needs and the HTTP API rightly cannot do: give records a past (a demo that starts today still shows
 * six months of history, an overdue case, a follow-up that came due) and run the job queue now instead of at its
 * next poll. Everything else goes through the API.
 */
export interface Backstage {
  /** Sets timestamp columns (and durations in seconds that go with them) of one row; column names as in the database. */
  backdate(table: string, id: string, columns: Record<string, Date | number>): Promise<void>;
  /** After writing or back-dating assessment results by SQL: rebuilds the latest-result summary and the dashboards' pre-aggregated counts. */
  rebuildAssessmentSummary(): Promise<void>;
  /** Moves a pending job (by its dedupe key) to `at`, e.g. a follow-up's due-date task after back-dating the follow-up. */
  rescheduleJob(dedupeKey: string, at: Date): Promise<void>;
  /** Runs every due job (event subscribers, invitations, activity starts…) until none is left. */
  runJobs(): Promise<void>;
  /** After back-dating a case's deadline: schedules its escalation check at the new time. */
  escalateCrisisCase(caseId: string, level: string, at: Date): Promise<void>;
  /** After back-dating a desk request's deadlines: the deadline check (督办) at the new time. */
  checkDeskDeadline(requestId: string, at: Date): Promise<void>;
}

export function backstage(app: INestApplicationContext): Backstage {
  const dataSource = app.get(DataSource);
  const transactions = app.get(Transactions);
  const runner = app.get(JobRunner);
  const runJobs = async () => {
    while ((await runner.runDue()) > 0);
  };
  const placeholder = (n: number) => (dataSource.options.type === 'postgres' ? `$${n}` : '?');
  return {
    async backdate(table, id, columns) {
      const names = Object.keys(columns);
      const set = names.map((name, i) => `${name} = ${placeholder(i + 1)}`).join(', ');
      await dataSource.query(`UPDATE ${table} SET ${set} WHERE id = ${placeholder(names.length + 1)}`, [...names.map((name) => { const value = columns[name]; return value instanceof Date ? dbTime(value) : value; }), id]);
    },
    async rebuildAssessmentSummary() {
      // The latest-result summary and the dashboards' pre-aggregated counts, from the results written by SQL.
      await transactions.run((manager) => rebuildReportCounts(manager, DIALECT));
    },
    async rescheduleJob(dedupeKey, at) {
      await dataSource.query(`UPDATE jobs SET run_at = ${placeholder(1)} WHERE dedupe_key = ${placeholder(2)} AND status = 'pending'`, [dbTime(at), dedupeKey]);
    },
    runJobs,
    async escalateCrisisCase(caseId, level, at) {
      await transactions.run((manager) => app.get(EscalationService).schedule(manager, { id: caseId, level: level as 'urgent', nextEscalationAt: at }));
      await runJobs();
    },
    async checkDeskDeadline(requestId, at) {
      await transactions.run((manager) => app.get(DeadlineScheduler).checkAt(manager, requestId, at));
      await runJobs();
    },
  };
}
