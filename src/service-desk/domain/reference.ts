/**
 * Reference numbers a worker can quote on the phone: `XG-20261125-0042` (the desk's local date and that day's
 * sequence, four digits at least). The sequence comes from a counter row per day (see ReferenceAllocator); the unique
 * index on the reference is the last word.
 */
const PATTERN = /^XG-(\d{8})-(\d{4,})$/;

/** `2026-11-25` → `20261125`. */
export function referenceDay(localDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) throw new RangeError(`not a date: ${localDate}`);
  return localDate.replaceAll('-', '');
}

export function formatReference(day: string, sequence: number): string {
  if (!/^\d{8}$/.test(day)) throw new RangeError(`day must be YYYYMMDD, got ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  return `XG-${day}-${String(sequence).padStart(4, '0')}`;
}

/**
 * Reads a quoted reference leniently (lower case, spaces, full-width hyphens or none, as people read it out) into
 * the canonical form; null when it is not a reference.
 */
export function normaliseReference(text: string): string | null {
  const compact = text
    .normalize('NFKC')
    .toUpperCase()
    .trim()
    .replace(/[\s\u2010-\u2015\u2212_]/g, '-')
    .replace(/-+/g, '-');
  const loose = /^XG-?(\d{8})-?(\d{4,})$/.exec(compact);
  if (!loose) return null;
  const canonical = `XG-${loose[1]}-${loose[2]}`;
  return PATTERN.test(canonical) ? canonical : null;
}
