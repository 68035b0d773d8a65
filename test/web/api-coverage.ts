import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** `METHOD /path` as openapi.json spells it, e.g. `GET /api/v1/workers/{id}`. */
export type Operation = string;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the committed openapi.json. */
export function operationsOf(root: string): Operation[] {
  const document = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths))
    for (const method of METHODS) if (item[method]) operations.push(`${method.toUpperCase()} ${path}`);
  return operations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.gen\.ts$|\.d\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * The operations each web source file calls: typed client calls (`api.GET('/api/v1/…'`) and, for the few requests
 * that cannot go through the typed client (a file download, the token refresh), a `// api: METHOD /path` comment on
 * the line of the request.
 */
export function callsInWeb(root: string): Map<string, Set<Operation>> {
  const calls = new Map<string, Set<Operation>>();
  for (const file of sourceFiles(join(root, 'web', 'src'))) {
    const text = readFileSync(file, 'utf8');
    const found = new Set<Operation>();
    for (const match of text.matchAll(/\bapi\.(GET|POST|PUT|PATCH|DELETE)\(\s*'([^']+)'/g))
      found.add(`${match[1]} ${match[2]}`);
    for (const match of text.matchAll(/\/\/ api: (GET|POST|PUT|PATCH|DELETE) (\S+)/g))
      found.add(`${match[1]} ${match[2]}`);
    if (found.size) calls.set(relative(join(root, 'web', 'src'), file), found);
  }
  return calls;
}

/** One row of the map in docs/web.md: an operation and either the files that use it or why none does. */
export interface MapRow {
  operation: Operation;
  /** Files under web/src, when a page uses it. */
  files: string[];
  /** `none: …` or `not yet: …` when no page does. */
  reason?: string;
}

/** The rows of the `## Every operation and its page` table in docs/web.md. */
export function mapRows(root: string): MapRow[] {
  const doc = readFileSync(join(root, 'docs', 'web.md'), 'utf8');
  const section = doc.split('## Every operation and its page')[1]?.split(/\n## /)[0] ?? '';
  const rows: MapRow[] = [];
  for (const line of section.split('\n')) {
    const match = /^\|\s*`(GET|POST|PUT|PATCH|DELETE) ([^`]+)`\s*\|\s*(.+?)\s*\|$/.exec(line.trim());
    if (!match) continue;
    const used = match[3].trim();
    const files = [...used.matchAll(/`([^`]+\.tsx?)`/g)].map((m) => m[1]);
    rows.push({
      operation: `${match[1]} ${match[2]}`,
      files,
      reason: files.length ? undefined : used,
    });
  }
  return rows;
}

/** Why an operation may have no page: machine clients, probes, the session plumbing, test hooks. */
export const NO_PAGE_REASONS = ['none: machine client', 'none: health probe', 'none: test hook'] as const;
