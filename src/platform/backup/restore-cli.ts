/**
 * `npm run restore -- <backup file> [--replace]`: restores into DATABASE_URL (empty, or replaced with --replace while
 * the app is stopped). Refuses a damaged file and a schema newer than this build; checks every table's row count;
 * then starts the app's context on it (applying this build's newer migrations, as a start would) and verifies the
 * audit log: every row, the chain, and the signed checkpoints in AUDIT_CHECKPOINT_DIR (checkpoints newer than the
 * backup are reported as rows lost with the restore, then superseded by a signed `restore` statement). Exit 0 only
 * when all of that holds.
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
  const [{ NestFactory }, { AppModule }, { AuditVerifier }, { describeVerification }] = await Promise.all([
    import('@nestjs/core'),
    import('../../app.module.js'),
    import('../audit/audit-verifier.service.js'),
    import('../audit/verification-text.js'),
  ]);
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ JOBS_ENABLED: 'false', BOOTSTRAP_ON_START: 'false', LOG_LEVEL: 'error', METRICS_PORT: '0' }),
    { logger: ['error'] },
  );
  try {
    const result = await app.get(AuditVerifier).verify({ restored: true });
    if (!result.intact) {
      console.error(`${describeVerification(result)}: do not put this database in service / 请勿投入使用`);
      process.exitCode = 1;
    } else {
      console.log(describeVerification(result));
      if (result.lostSinceBackup > 0) {
        console.log(`注意：检查点表明备份之后写入的 ${result.lostSinceBackup} 条审计记录随恢复丢失 / Note: the checkpoints show ${result.lostSinceBackup} audit rows written after this backup, lost with the restore`);
      }
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
