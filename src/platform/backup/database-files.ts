import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { projectRoot } from '../config/load-config.js';

export const run = promisify(execFile);

/** The file of a `sqlite:<path>` URL, relative paths from the project root (as the app resolves them). */
export function sqliteFile(url: string): string {
  return resolve(projectRoot(), url.replace(/^sqlite:/, ''));
}

export class BackupError extends Error {}

/** pg_dump / pg_restore must be at least the server's major version (they refuse or misread newer servers). */
export async function requirePgTool(tool: 'pg_dump' | 'pg_restore', serverVersionNum: number): Promise<void> {
  let out: string;
  try {
    out = (await run(tool, ['--version'])).stdout;
  } catch {
    throw new BackupError(`未找到 ${tool}（安装 Debian 软件包 postgresql-client-${Math.floor(serverVersionNum / 10000)}） / ${tool} not found: install postgresql-client matching the server`);
  }
  const major = Number(/(\d+)(?:\.\d+)?/.exec(out)?.[1] ?? 0);
  const serverMajor = Math.floor(serverVersionNum / 10000);
  if (major < serverMajor) {
    throw new BackupError(`${tool} ${major} 低于服务器版本 ${serverMajor} / ${tool} ${major} is older than the server (${serverMajor}): install postgresql-client-${serverMajor}`);
  }
}
