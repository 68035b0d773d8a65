/** `npm run audit:verify`: walks the whole audit chain; exits 1 and names the first broken row if any. */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../app.module.js';
import { AuditService } from './audit.service.js';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ JOBS_ENABLED: 'false', BOOTSTRAP_ON_START: 'false', LOG_LEVEL: 'error' }),
    { logger: ['error'] },
  );
  try {
    const result = await app.get(AuditService).verify(app.get(DataSource).manager);
    if (result.break) {
      console.error(`审计链已被篡改 / Audit chain BROKEN at seq ${result.break.seq} (${result.break.reason}); ${result.rows} rows read`);
      process.exitCode = 1;
    } else {
      console.log(`审计链完整 / Audit chain intact: ${result.rows} rows verified`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
