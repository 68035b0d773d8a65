import { callsInWeb, mapRows, NO_PAGE_REASONS, operationsOf } from './api-coverage.js';

/**
 * Issue #18: every API operation has its screen. docs/web.md maps each operation in openapi.json to the web files
 * that call it, or says why none does (machine clients, probes, test hooks); a new operation without either fails
 * here, so API work arrives with its page. Operations whose screen another lane is still building are listed there
 * as `not yet (<lane>): …`, in plain sight.
 */
const LANES_STILL_BUILDING = ['workbench', 'instruments', 'scaleout', 'privacy', 'web'];

describe('web: every API operation is used by a page or says why not', () => {
  const root = process.cwd();
  const operations = operationsOf(root);
  const calls = callsInWeb(root);
  const rows = mapRows(root);
  const callers = (operation: string) =>
    [...calls.entries()].filter(([, used]) => used.has(operation)).map(([file]) => file);

  it('maps every operation of openapi.json exactly once, and nothing else', () => {
    const mapped = rows.map((row) => row.operation);
    expect(operations.filter((op) => !mapped.includes(op))).toEqual([]);
    expect(mapped.filter((op) => !operations.includes(op))).toEqual([]);
    expect(mapped.filter((op, i) => mapped.indexOf(op) !== i)).toEqual([]);
  });

  it('names files that really call the operation, and every file that does', () => {
    const wrong = rows
      .filter((row) => row.files.length)
      .filter((row) => [...row.files].sort().join() !== callers(row.operation).sort().join())
      .map((row) => ({ operation: row.operation, mapped: row.files, calling: callers(row.operation) }));
    expect(wrong).toEqual([]);
  });

  it('gives a known reason for an operation no page calls, and no reason for one a page does call', () => {
    const reasonless = rows
      .filter((row) => row.reason)
      .filter((row) => {
        const reason = row.reason!;
        const lane = /^not yet \(([a-z]+)\): \S/.exec(reason)?.[1];
        return !(
          NO_PAGE_REASONS.some((known) => reason.startsWith(known)) || LANES_STILL_BUILDING.includes(lane!)
        );
      })
      .map((row) => `${row.operation}: ${row.reason}`);
    expect(reasonless).toEqual([]);
    const calledAnyway = rows
      .filter((row) => row.reason && callers(row.operation).length)
      .map((r) => r.operation);
    expect(calledAnyway).toEqual([]);
  });
});
