import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from './app-config.js';

const GENERATED_SECRETS = ['JWT_SECRET', 'DATA_KEY', 'AUDIT_KEY', 'ADMIN_PASSWORD', 'LOOKUP_KEY'] as const;

export function projectRoot(): string {
  // dist/src/platform/config or src/platform/config → project root
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

function readDefaults(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(projectRoot(), 'config', 'defaults.json'), 'utf8')) as Record<string, unknown>;
}

function generateSecret(name: (typeof GENERATED_SECRETS)[number]): string {
  if (name === 'DATA_KEY') return randomBytes(32).toString('base64');
  if (name === 'ADMIN_PASSWORD') return `Xg-${randomBytes(9).toString('base64url')}`;
  return randomBytes(48).toString('base64url');
}

/**
 * Outside production a missing secret is generated once and kept in `<DATA_DIR>/secrets.json`, so the README's
 * commands work with no set-up; in production a missing secret is a start-up error naming it.
 */
function withSecrets(env: Record<string, unknown>): Record<string, unknown> {
  const missing = GENERATED_SECRETS.filter((name) => !env[name]);
  if (missing.length === 0) return env;
  if (env.NODE_ENV === 'production') {
    throw new ConfigurationError(`生产环境缺少密钥 / Missing secrets in production: ${missing.join(', ')}`);
  }
  const file = resolve(projectRoot(), String(env.DATA_DIR), 'secrets.json');
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  let changed = false;
  for (const name of missing) {
    if (!kept[name]) {
      kept[name] = generateSecret(name);
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(kept, null, 2), { mode: 0o600 });
  }
  return { ...env, ...Object.fromEntries(missing.map((name) => [name, kept[name]])) };
}

/**
 * Settings that were renamed: the old name is still read (one setting, two spellings during an upgrade), and both
 * given with different values is an error rather than a silent choice.
 */
const RENAMED: Record<string, string> = { JOBS_DONE_RETENTION_DAYS: 'RETENTION_FINISHED_JOB_DAYS' };

function withRenamed(env: Record<string, unknown>): Record<string, unknown> {
  const out = { ...env };
  for (const [old, name] of Object.entries(RENAMED)) {
    if (out[old] === undefined) continue;
    if (out[name] !== undefined && out[name] !== out[old]) {
      throw new ConfigurationError(`${old} 已更名为 ${name}，两者取值不同 / ${old} was renamed ${name}; both are set, to different values`);
    }
    out[name] = out[old];
    delete out[old];
  }
  return out;
}

/** Defaults, overlaid by the environment, with development secrets filled in. */
export function loadRawConfig(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  return withSecrets({ NODE_ENV: 'development', ...readDefaults(), ...withRenamed(defined) });
}
