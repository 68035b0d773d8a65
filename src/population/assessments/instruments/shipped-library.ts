import { readdirSync, readFileSync } from 'node:fs';
import type { InstrumentFile } from './instrument.types.js';
import { parseInstrumentFile } from './parse-instrument-file.js';

/** The shipped instrument files: ./library/*.json, copied beside the build by nest-cli.json's assets. */
export const LIBRARY_DIR = new URL('./library/', import.meta.url);

/** Display order of the instruments shipped first; any other file follows in code order. */
const DISPLAY_ORDER = ['PHQ-9', 'PHQ-2', 'GAD-7', 'GAD-2', 'WHO-5', 'K10', 'K6', 'PSS-10', 'CBI', 'PCL-5', 'DASS-21', 'AUDIT', 'AUDIT-C'];
const rank = (code: string) => (DISPLAY_ORDER.includes(code) ? DISPLAY_ORDER.indexOf(code) : DISPLAY_ORDER.length);

/** Loads every file of a directory; throws naming every problem of every file (the app must not start with one). */
export function loadInstrumentDirectory(dir: URL): InstrumentFile[] {
  const files: InstrumentFile[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
    } catch (error) {
      problems.push(`${name}: not JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = parseInstrumentFile(json);
    if (parsed.ok) files.push(parsed.file);
    else problems.push(...parsed.problems.map((p) => `${name}: ${p.message}`));
  }
  if (problems.length > 0) throw new Error(`量表文件无效 / Invalid instrument files:\n  ${problems.join('\n  ')}`);
  return files.sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
}

export const SHIPPED_INSTRUMENTS: readonly InstrumentFile[] = loadInstrumentDirectory(LIBRARY_DIR);

/** One shipped instrument by code (the per-instrument modules, kept for the tests that name them). */
export function shipped(code: string): InstrumentFile {
  const file = SHIPPED_INSTRUMENTS.find((f) => f.code === code);
  if (!file) throw new Error(`No shipped instrument file for ${code}`);
  return file;
}
