/**
 * Generates or checks migrations for the dialect of DATABASE_URL (one process per dialect: entity column types are
 * fixed per process). `generate <Name>` writes migrations/<dialect>/<timestamp>-<Name>.ts and lists it in the index;
 * `check` exits 1 when the entities and the migrations have drifted.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { projectRoot } from '../src/platform/config/load-config.js';
import { DIALECT } from '../src/platform/database/dialect.js';
import { createScratchDatabase } from './lib/scratch-database.js';

async function pendingSchemaChanges(): Promise<{ up: string[]; down: string[] }> {
  const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'migrate');
  try {
    const app = await NestFactory.createApplicationContext(
      AppModule.register({ DATABASE_URL: scratch.url, JOBS_ENABLED: 'false', BOOTSTRAP_ON_START: 'false', LOG_LEVEL: 'error', PASSWORD_HASH_COST: 'low' }),
      { logger: ['error'] },
    );
    const dataSource = app.get(DataSource);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await app.close();
    const render = (q: { query: string; parameters?: unknown[] }) =>
      `await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
    return { up: sql.upQueries.map(render), down: sql.downQueries.reverse().map(render) };
  } finally {
    await scratch.drop();
  }
}

async function generate(name: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Name the migration in PascalCase, e.g. AddCrisisCases');
  const { up, down } = await pendingSchemaChanges();
  if (up.length === 0) {
    console.log(`[${DIALECT}] no schema changes`);
    return;
  }
  const stamp = process.env.MIGRATION_TIMESTAMP ?? String(Date.now());
  const className = `${name}${stamp}`;
  const dir = join(projectRoot(), 'migrations', DIALECT);
  const indent = (lines: string[]) => lines.map((line) => `    ${line}`).join('\n');
  writeFileSync(
    join(dir, `${stamp}-${name}.ts`),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${indent(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${indent(down)}
  }
}
`,
  );
  const indexFile = join(dir, 'index.ts');
  const index = readFileSync(indexFile, 'utf8')
    .replace('// Generated list: scripts/migration-tool.ts appends here.', `import { ${className} } from './${stamp}-${name}.js';\n// Generated list: scripts/migration-tool.ts appends here.`)
    .replace(/ = \[([^\]]*)\];/, (_, list: string) => ` = [${[...list.split(',').map((s) => s.trim()).filter(Boolean), className].join(', ')}];`);
  writeFileSync(indexFile, index);
  console.log(`[${DIALECT}] wrote migrations/${DIALECT}/${stamp}-${name}.ts (${up.length} statements)`);
}

async function check(): Promise<void> {
  const { up } = await pendingSchemaChanges();
  if (up.length > 0) {
    console.error(`[${DIALECT}] entities and migrations have drifted; run npm run migration:generate -- <Name>:\n${up.join('\n')}`);
    process.exit(1);
  }
  console.log(`[${DIALECT}] migrations match the entities`);
}

const [command, name] = process.argv.slice(2);
(command === 'generate' ? generate(name ?? '') : check()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
