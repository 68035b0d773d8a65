import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { Metrics } from '../../../platform/metrics/metrics.service.js';
import { CrisisCase } from '../entities/crisis-case.entity.js';

/** Crisis cases nobody acknowledged by their deadline, per level, counted at each scrape off idx_crisis_cases_active_due. */
@Injectable()
export class CrisisMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge('xingang_crisis_cases_past_deadline', 'Active crisis cases not acknowledged by their deadline / 超时未响应的危机个案', ['level'], async (set) => {
      const rows = await this.transactions.read((m) =>
        m
          .createQueryBuilder(CrisisCase, 'c')
          .select('c.level', 'level')
          .addSelect('COUNT(*)', 'n')
          .where('c.active = :active', { active: true })
          .andWhere('c.dueAt < :now', { now: this.clock.now() })
          .andWhere('c.acknowledgedAt IS NULL')
          .groupBy('c.level')
          .getRawMany<{ level: string; n: number | string }>(),
      );
      for (const row of rows) set({ level: row.level }, Number(row.n));
    });
  }
}
