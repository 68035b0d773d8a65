// Writes web/src/api/routes.gen.ts from openapi.json: the set of `METHOD /path` the server offers, so the app can
// show a page or a button only when its route exists (pages waiting for another issue slot in by regenerating).
// Run through `npm run web:api` (which also regenerates schema.d.ts with openapi-typescript).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const document = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8'));
const methods = ['get', 'post', 'put', 'patch', 'delete'];
const routes = Object.entries(document.paths)
  .flatMap(([path, item]) => methods.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`))
  .sort();
const body = [
  '// Generated from openapi.json by web/scripts/api-routes.mjs (npm run web:api). Do not edit.',
  'export const API_ROUTES: ReadonlySet<string> = new Set([',
  ...routes.map((r) => `  '${r}',`),
  ']);',
  '',
].join('\n');
writeFileSync(join(root, 'web', 'src', 'api', 'routes.gen.ts'), body);
console.log(`web/src/api/routes.gen.ts: ${routes.length} routes`);
