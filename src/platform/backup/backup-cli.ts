/**
 * `npm run backup [-- --dir <directory>]`: one consistent backup of DATABASE_URL while the app runs, with its manifest
 * (`<file>.json`: schema version, row counts, checksum); keeps the newest BACKUP_KEEP in the directory.
 */
import 'reflect-metadata';
import { validateConfig } from '../config/app-config.js';
import { loadRawConfig } from '../config/load-config.js';
import { backupDatabase, fileSize, pruneBackups } from './backup.js';

async function main(): Promise<void> {
  const config = validateConfig(loadRawConfig());
  const at = process.argv.indexOf('--dir');
  const dir = at > 0 ? process.argv[at + 1] : config.BACKUP_DIR;
  const { file, manifest } = await backupDatabase(config.DATABASE_URL, dir);
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`备份完成 / Backup written: ${file} (${await fileSize(file)} bytes, ${Object.keys(manifest.tables).length} tables, ${rows} rows, schema ${manifest.migration})`);
  const pruned = await pruneBackups(dir, config.BACKUP_KEEP);
  if (pruned.length > 0) console.log(`已删除旧备份 / Removed ${pruned.length} old backup(s) beyond BACKUP_KEEP=${config.BACKUP_KEEP}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
