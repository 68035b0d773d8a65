/**
 * Writes the OpenAPI document to openapi.json from the built app (Swagger CLI plugin applied), on an in-memory
 * database: no server needed. `--check` fails when the committed document differs (the API changed without it).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, openApiDocument } from '../src/bootstrap.js';
import { projectRoot } from '../src/platform/config/load-config.js';

async function main(): Promise<void> {
  const app = await createApp({
    DATABASE_URL: 'sqlite::memory:',
    JOBS_ENABLED: 'false',
    BOOTSTRAP_ON_START: 'false',
    TEST_HOOKS: 'false',
    LOG_LEVEL: 'error',
    NODE_ENV: 'development',
  });
  await app.init();
  const document = `${JSON.stringify(openApiDocument(app), null, 2)}\n`;
  await app.close();
  const file = join(projectRoot(), 'openapi.json');
  if (process.argv.includes('--check')) {
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (committed !== document) {
      console.error('openapi.json is out of date: run `npm run build && npm run openapi` and commit it.');
      process.exit(1);
    }
    console.log('openapi.json is up to date');
    return;
  }
  writeFileSync(file, document);
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
