#!/usr/bin/env node
// npm run migration:generate -- <Name>   writes one migration per dialect (SQLite and PostgreSQL)
// npm run migration:check                fails when entities and migrations have drifted, on both dialects
// PostgreSQL comes from PG_URL (default: the local test server started by scripts/pg-local.sh).
import { execFileSync } from 'node:child_process';

const [command, name] = process.argv.slice(2);
const pgUrl = process.env.PG_URL ?? 'postgres://xingang:xingang@localhost:5432/xingang';
const stamp = String(Date.now());
execFileSync('npx', ['nest', 'build'], { stdio: 'inherit' });
for (const url of ['sqlite:data/migrate.sqlite', pgUrl]) {
  execFileSync('node', ['dist/scripts/migration-tool.js', command, ...(name ? [name] : [])], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url, MIGRATION_TIMESTAMP: stamp },
  });
}
