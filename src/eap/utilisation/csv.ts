/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet programs read the Chinese correctly). Cells that a
 * spreadsheet would run as a formula (starting with = + - @ or a control character) are prefixed with a quote:
 * names typed by users must not become formulas in an official's spreadsheet.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
