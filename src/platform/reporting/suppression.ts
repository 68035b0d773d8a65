/**
 * Small-cell suppression for published counts (dashboards and reports). Pure: no database, no Nest.
 *
 * Primary suppression: every count below `k` (the minimum cell size, never below {@link MIN_CELL_FLOOR}) is withheld,
 * zero included (a published zero tells that nobody in the group has the attribute).
 *
 * Complementary suppression: counts are published in *lines*, sets of member cells that add up to a total cell
 * (a row and its row total, the row totals and the grand total, …). Within every line:
 * - never exactly one unknown: a line whose total and all members but one are published gives the last one away by
 *   subtraction (the differencing attack "total minus all-but-one"), so a second cell is withheld;
 * - when the total is published, the withheld members together count 0 or at least `k`: otherwise the withheld group
 *   is itself a small cell (total minus the published members), and two withheld zeros would be read off exactly.
 * The complement chosen is the smallest published member (then the total, when no member is left), repeated until
 * no line breaks a rule. Suppression only grows, so this ends.
 *
 * This protects each line against subtraction; it is not a linear-programming audit of large linked tables.
 */
export const MIN_CELL_FLOOR = 5;
export const DEFAULT_MIN_CELL = 10;

/** A published count: the number, or null with `suppressed: true`. */
export interface CountCell {
  count: number | null;
  suppressed: boolean;
}

/** Member cells (indices into the cell list) that add up to the cell at `total`. */
export interface Line {
  members: readonly number[];
  total: number;
}

export function assertMinCell(k: number): void {
  if (!Number.isInteger(k) || k < MIN_CELL_FLOOR) {
    throw new RangeError(`minimum cell size must be an integer of at least ${MIN_CELL_FLOOR}, got ${k}`);
  }
}

/** Which cells to withhold, for counts linked by `lines`. */
export function suppressionMask(counts: readonly number[], lines: readonly Line[], k: number): boolean[] {
  assertMinCell(k);
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`counts must be non-negative integers, got ${count}`);
  }
  const hidden = counts.map((count) => count < k);
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const complement = complementFor(counts, hidden, line, k);
      if (complement !== null) {
        hidden[complement] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/** The cell to withhold next for this line to be safe, or null when it already is. */
function complementFor(counts: readonly number[], hidden: readonly boolean[], line: Line, k: number): number | null {
  const hiddenMembers = line.members.filter((i) => hidden[i]);
  const unknowns = hiddenMembers.length + (hidden[line.total] ? 1 : 0);
  const hiddenSum = hiddenMembers.reduce((sum, i) => sum + counts[i], 0);
  const smallGroup = !hidden[line.total] && hiddenMembers.length > 0 && hiddenSum < k;
  if (unknowns !== 1 && !smallGroup) return null;
  const published = line.members.filter((i) => !hidden[i]).sort((a, b) => counts[a] - counts[b] || a - b);
  if (published.length > 0) return published[0];
  return hidden[line.total] ? null : line.total;
}

export function toCells(counts: readonly number[], hidden: readonly boolean[]): CountCell[] {
  return counts.map((count, i) => (hidden[i] ? { count: null, suppressed: true } : { count, suppressed: false }));
}

/** One additive group: `counts` add up to the published total (their sum). */
export function suppressGroup(counts: readonly number[], k: number): { cells: CountCell[]; total: CountCell } {
  const all = [...counts, counts.reduce((sum, c) => sum + c, 0)];
  const hidden = suppressionMask(all, [{ members: counts.map((_, i) => i), total: counts.length }], k);
  const cells = toCells(all, hidden);
  return { cells: cells.slice(0, counts.length), total: cells[counts.length] };
}

/** Named groups, as dashboards publish them: `{accepted: 12, declined: 3}` → cells by name, and the total. */
export function suppressNamedGroup<K extends string>(counts: Record<K, number>, k: number): { cells: Record<K, CountCell>; total: CountCell } {
  const names = Object.keys(counts) as K[];
  const { cells, total } = suppressGroup(
    names.map((name) => counts[name]),
    k,
  );
  return { cells: Object.fromEntries(names.map((name, i) => [name, cells[i]])) as Record<K, CountCell>, total };
}

/**
 * A part of a published whole (e.g. workers who took part, out of those enrolled): the part and the rest form a
 * group, so the part is shown only when both it and `whole − part` reach k. `whole` is published elsewhere.
 */
export function suppressPart(part: number, whole: number, k: number): CountCell {
  if (part > whole) throw new RangeError(`part ${part} exceeds whole ${whole}`);
  return suppressGroup([part, whole - part], k).cells[0];
}

/**
 * A two-way table with row totals, column totals and the grand total, all published unless withheld. Lines: every
 * row with its row total, every column with its column total, the row totals with the grand total, the column
 * totals with the grand total.
 */
export function suppressTable(matrix: readonly (readonly number[])[], k: number): { cells: CountCell[][]; rowTotals: CountCell[]; columnTotals: CountCell[]; total: CountCell } {
  const rows = matrix.length;
  const columns = rows > 0 ? matrix[0].length : 0;
  if (matrix.some((row) => row.length !== columns)) throw new RangeError('every row needs the same number of columns');
  const cellIndex = (r: number, c: number) => r * columns + c;
  const rowTotalIndex = (r: number) => rows * columns + r;
  const columnTotalIndex = (c: number) => rows * columns + rows + c;
  const grandIndex = rows * columns + rows + columns;
  const rowTotals = matrix.map((row) => row.reduce((sum, v) => sum + v, 0));
  const columnTotals = Array.from({ length: columns }, (_, c) => matrix.reduce((sum, row) => sum + row[c], 0));
  const counts = [...matrix.flat(), ...rowTotals, ...columnTotals, rowTotals.reduce((sum, v) => sum + v, 0)];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const lines: Line[] = [
    ...range(rows).map((r) => ({ members: range(columns).map((c) => cellIndex(r, c)), total: rowTotalIndex(r) })),
    ...range(columns).map((c) => ({ members: range(rows).map((r) => cellIndex(r, c)), total: columnTotalIndex(c) })),
    { members: range(rows).map(rowTotalIndex), total: grandIndex },
    { members: range(columns).map(columnTotalIndex), total: grandIndex },
  ];
  const cells = toCells(counts, suppressionMask(counts, lines, k));
  return {
    cells: range(rows).map((r) => range(columns).map((c) => cells[cellIndex(r, c)])),
    rowTotals: range(rows).map((r) => cells[rowTotalIndex(r)]),
    columnTotals: range(columns).map((c) => cells[columnTotalIndex(c)]),
    total: cells[grandIndex],
  };
}

/**
 * A mean over `n` workers: published (one decimal) only when `n` reaches k. When `n` is a part of a published
 * `whole` (workers measured, out of those enrolled), the count `n` itself follows {@link suppressPart}.
 */
export function suppressMean(mean: number | null, n: number, k: number, whole?: number): { mean: number | null; suppressed: boolean; n: CountCell } {
  assertMinCell(k);
  const nCell = whole === undefined ? toCells([n], [n < k])[0] : suppressPart(n, whole, k);
  if (n < k || mean === null) return { mean: null, suppressed: true, n: nCell };
  return { mean: Math.round(mean * 10) / 10, suppressed: false, n: nCell };
}

/**
 * Suppression for a *cube* of linked counts that can be requested in many slices (a dashboard with filters). Rules
 * per line, as {@link suppressionMask}, but every total is taken as known: another request (a coarser filter, the
 * parent unit) may publish it, so hiding it here protects nothing. Within every line therefore
 * - no member is the only withheld one, and
 * - the withheld members together count at least k (so "total minus the published members" is never a small group).
 * A worklist revisits only the lines of cells that became withheld, so cubes of tens of thousands of cells stay fast.
 * Complements are the smallest published member, ties broken by index, so the same counts give the same mask.
 */
export function suppressionMaskKnownTotals(counts: readonly number[], lines: readonly Line[], k: number): boolean[] {
  assertMinCell(k);
  const hidden = counts.map((count) => count < k);
  const linesOf: number[][] = counts.map(() => []);
  lines.forEach((line, i) => line.members.forEach((m) => linesOf[m].push(i)));
  const queued = new Uint8Array(lines.length).fill(1);
  const queue = lines.map((_, i) => i);
  while (queue.length > 0) {
    const index = queue.pop() as number;
    queued[index] = 0;
    const line = lines[index];
    let hiddenCount = 0;
    let hiddenSum = 0;
    let smallest = -1;
    for (const m of line.members) {
      if (hidden[m]) {
        hiddenCount += 1;
        hiddenSum += counts[m];
      } else if (smallest < 0 || counts[m] < counts[smallest] || (counts[m] === counts[smallest] && m < smallest)) {
        smallest = m;
      }
    }
    if (hiddenCount === 0 || (hiddenCount > 1 && hiddenSum >= k) || smallest < 0) continue;
    hidden[smallest] = true;
    for (const other of linesOf[smallest]) {
      if (!queued[other]) {
        queued[other] = 1;
        queue.push(other);
      }
    }
    if (!queued[index]) {
      queued[index] = 1;
      queue.push(index);
    }
  }
  return hidden;
}
