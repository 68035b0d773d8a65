/**
 * `npm run audit:verify [-- --incremental]`: checks every audit row against its MAC, the chain's links and the
 * signed checkpoints in AUDIT_CHECKPOINT_DIR (with --incremental, only from the newest checkpoint the chain still
 * matches); exits 1 and names the first row or checkpoint that fails.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { AuditVerifier } from './platform/audit/audit-verifier.service.js';
import { describeVerification } from './platform/audit/verification-text.js';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ JOBS_ENABLED: 'false', BOOTSTRAP_ON_START: 'false', LOG_LEVEL: 'error', METRICS_PORT: '0' }),
    { logger: ['error'] },
  );
  try {
    const result = await app.get(AuditVerifier).verify({ incremental: process.argv.includes('--incremental') });
    if (result.intact) console.log(describeVerification(result));
    else {
      console.error(describeVerification(result));
      process.exitCode = 1;
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
