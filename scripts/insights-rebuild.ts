/**
 * `npm run insights:rebuild`: recomputes the dashboards' pre-aggregated counts from the facts, set-based, in one
 * transaction (docs/insights.md, "Pre-aggregated counts"): the latest-result summary from the results, the population
 * per unit, gender and birth year from the workers, the screening counts from both. Safe while the app runs (on
 * PostgreSQL, writers of these tables wait for it). Prints the rows written and the time taken.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { DIALECT } from '../src/platform/database/dialect.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { rebuildReportCounts } from '../src/insights/reports/services/report-counts-rebuild.js';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ JOBS_ENABLED: 'false', BOOTSTRAP_ON_START: 'false', LOG_LEVEL: 'error', METRICS_PORT: '0' }),
    { logger: ['error'] },
  );
  try {
    const started = Date.now();
    const transactions = app.get(Transactions);
    const rows = await transactions.run(async (manager) => {
      await rebuildReportCounts(manager, DIALECT);
      const [count] = await manager.query<Record<string, number | string>[]>(
        'SELECT (SELECT COUNT(*) FROM assessment_latest) AS latest, (SELECT COUNT(*) FROM population_counts) AS population, (SELECT COUNT(*) FROM assessment_counts) AS counts',
      );
      return count;
    });
    console.log(
      `insights:rebuild: ${rows.latest} latest results, ${rows.population} population rows, ${rows.counts} screening count rows in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
