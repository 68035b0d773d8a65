import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { dbTime, fromDbTime, param } from '../database/db-time.js';
import { Transactions } from '../database/transactions.js';
import { AuditSequencer } from '../audit/audit-sequencer.service.js';
import { Metrics } from './metrics.service.js';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The kernel's own gauges: the job queue (through idx_jobs_due), the audit sequencer's backlog and the database pool. */
@Injectable()
export class PlatformMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly sequencer: AuditSequencer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // Depth and age come from one query per scrape (prom-client collects gauges concurrently, so they share it).
    let dueQuery: Promise<Array<{ type: string; count: number; oldest: Date }>> | null = null;
    const dueJobs = () =>
      (dueQuery ??= this.dueJobs().finally(() => setImmediate(() => (dueQuery = null))));
    this.metrics.gauge('xingang_jobs_due', 'Jobs due and waiting to run, per type / 已到期待执行的任务数', ['type'], async (set) => {
      for (const row of await dueJobs()) set({ type: row.type }, row.count);
    });
    this.metrics.gauge('xingang_jobs_oldest_due_age_seconds', 'Age of the oldest due job, per type / 最早到期任务的等待时长', ['type'], async (set) => {
      const now = this.clock.now().getTime();
      for (const row of await dueJobs()) set({ type: row.type }, Math.max(0, (now - row.oldest.getTime()) / 1000));
    });
    this.metrics.gauge('xingang_jobs', 'Jobs running (leased) and dead (gave up), per type / 运行中与已放弃的任务', ['type', 'status'], async (set) => {
      const rows = await this.transactions.read((m) =>
        m.query<Array<{ type: string; status: string; n: number | string }>>(
          `SELECT type, status, COUNT(*) AS n FROM jobs WHERE status IN ('running', 'dead') GROUP BY type, status`,
        ),
      );
      for (const row of rows) set({ type: row.type, status: row.status }, Number(row.n));
    });
    this.metrics.gauge('xingang_audit_pending_rows', 'Audit rows committed and awaiting the sequencer / 待排序入链的审计记录', [], async (set) => {
      set({}, await this.sequencer.pendingCount());
    });
    this.metrics.gauge('xingang_db_pool_connections', 'PostgreSQL pool connections by state / 数据库连接池', ['state'], async (set) => {
      const pool = (this.dataSource.driver as unknown as { master?: PgPool }).master;
      if (!pool || typeof pool.totalCount !== 'number') return; // SQLite: one connection, no pool
      set({ state: 'total' }, pool.totalCount);
      set({ state: 'idle' }, pool.idleCount);
      set({ state: 'waiting' }, pool.waitingCount);
    });
  }

  private async dueJobs(): Promise<Array<{ type: string; count: number; oldest: Date }>> {
    const rows = await this.transactions.read((m) =>
      m.query<Array<{ type: string; n: number | string; oldest: Date | string }>>(
        `SELECT type, COUNT(*) AS n, MIN(run_at) AS oldest FROM jobs WHERE status = 'pending' AND run_at <= ${param(1)} GROUP BY type`,
        [dbTime(this.clock.now())],
      ),
    );
    return rows.map((row) => ({ type: row.type, count: Number(row.n), oldest: fromDbTime(row.oldest) }));
  }
}
