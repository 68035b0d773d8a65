import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(process.cwd(), 'src');

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) yield path;
  }
}

/**
 * The OpenAPI document names each schema after its class: two DTO classes of one name in different modules silently
 * become one schema, and clients (the web app, vendors) are generated against the wrong shape.
 */
describe('exported class names', () => {
  it('are unique across modules (DTOs become OpenAPI schemas by name)', () => {
    const seen = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/export class (\w+)\b/g)) {
        seen.set(match[1], [...(seen.get(match[1]) ?? []), relative(SRC, file)]);
      }
    }
    const duplicates = [...seen].filter(([, files]) => files.length > 1);
    expect(duplicates).toEqual([]);
  });
});
