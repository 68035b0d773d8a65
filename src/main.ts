import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { createApp } from './bootstrap.js';
import type { AppConfig } from './platform/config/app-config.js';
import { ConfigurationError } from './platform/config/app-config.js';

async function main(): Promise<void> {
  const app = await createApp();
  const port = app.get(ConfigService<AppConfig, true>).get('PORT', { infer: true });
  await app.listen(port);
  const address = app.getHttpServer().address() as { port: number };
  // The first line is read by the e2e harness and the bench to find the port when PORT=0.
  console.log(`XINGANG_LISTENING port=${address.port}`);
  console.log(`心港 Xingang: http://localhost:${address.port}/  API http://localhost:${address.port}/api/v1  docs /api/docs`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
