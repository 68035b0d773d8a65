/**
 * `npm run restore -- <backup file> [--replace]`: restores into DATABASE_URL (empty, or replaced with --replace while
 * the app is stopped). Refuses a damaged file and a schema newer than this build; checks every table's row count;
 * then starts the app's context on it (applying this build's newer migrations, as a start would) and verifies the
 * audit chain. Exit 0 only when all of that holds.
 */
import 'reflect-metadata';
import { validateConfig } from '../config/app-config.js';
import { loadRawConfig } from '../config/load-config.js';
import { restoreDatabase } from './restore.js';

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!file) throw new Error('用法 / Usage: npm run restore -- <backup file> [--replace]');
  const config = validateConfig(loadRawConfig());
  const { manifest, tables } = await restoreDatabase(file, config.DATABASE_URL, process.argv.includes('--replace'));
  console.log(`已恢复 / Restored ${Object.keys(tables).length} tables, row counts as backed up at ${manifest.createdAt} (schema ${manifest.migration})`);

  // Loaded only now: a refused restore answers without starting the whole app.
  const [{ NestFactory }, { DataSource }, { AppModule }, { AuditService }] = await Promise.all([
    import('@nestjs/core'),
    import('typeorm'),
    import('../../app.module.js'),
    import('../audit/audit.service.js'),
  ]);
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ JOBS_ENABLED: 'false', BOOTSTRAP_ON_START: 'false', LOG_LEVEL: 'error', METRICS_PORT: '0' }),
    { logger: ['error'] },
  );
  try {
    const result = await app.get(AuditService).verify(app.get(DataSource).manager);
    if (result.break) {
      console.error(`审计链校验失败 / Audit chain BROKEN at seq ${result.break.seq} (${result.break.reason}): do not put this database in service`);
      process.exitCode = 1;
    } else {
      console.log(`审计链完整 / Audit chain intact: ${result.rows} rows verified`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
