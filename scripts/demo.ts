/**
 * `npm run demo` (see scripts/demo/run.ts). The demo is always SQLite: entity column types are chosen from
 * DATABASE_URL when the entities load, so a PostgreSQL URL left in the shell must be gone before they do.
 */
delete process.env.DATABASE_URL;
await import('./demo/run.js');
