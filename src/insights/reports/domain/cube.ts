import { publishCount, type PublishedCell } from '../../../platform/reporting/cell-key.js';
import type { Line } from '../../../platform/reporting/suppression.js';

/**
 * A dashboard's counts as a cube: every dimension (unit, gender, age band, quarter, subgroup membership, the measure's
 * categories) has leaf values and composite values (a unit's subtree = its child subtrees + its own workers; "above
 * the cut-off" = the bands at or above it; `all`). The cube holds every combination, leaves and composites, so every
 * slice a request can ask for (any filter, any breakdown) is read from one set of cells. Each cell carries the sum of
 * its workers' record keys beside its count, so its perturbation (platform/reporting/cell-key.ts) depends on who is
 * in it and nothing else: the same workers reached by another report, filter or request get the same number.
 * Pure: no database, no Nest.
 */
export interface DimensionValue {
  code: string;
  /** Codes of the values this one adds up; absent for a leaf. */
  members?: readonly string[];
}

export interface Dimension {
  name: string;
  values: readonly DimensionValue[];
}

/** One row of the GROUP BY: a leaf code per dimension (same order as the dimensions), its count and key sum. */
export interface Fact {
  leaves: readonly string[];
  n: number;
  /** Sum of the record keys of the workers counted. */
  key: number;
}

export class Cube {
  private readonly strides: number[];
  private readonly valueIndex: Map<string, number>[];
  readonly counts: number[];
  readonly keys: number[];
  private k = 0;

  constructor(
    readonly dimensions: readonly Dimension[],
    facts: readonly Fact[],
  ) {
    this.valueIndex = dimensions.map((d) => new Map(d.values.map((v, i) => [v.code, i])));
    this.strides = [];
    let size = 1;
    for (let d = dimensions.length - 1; d >= 0; d--) {
      this.strides[d] = size;
      size *= dimensions[d].values.length;
    }
    this.counts = new Array<number>(size).fill(0);
    this.keys = new Array<number>(size).fill(0);
    const containing = dimensions.map((d, i) => ancestorsOf(d, this.valueIndex[i]));
    for (const fact of facts) {
      const lists = fact.leaves.map((leaf, d) => {
        const index = this.valueIndex[d].get(leaf);
        if (index === undefined) throw new RangeError(`unknown ${dimensions[d].name} value ${leaf}`);
        return containing[d][index];
      });
      this.addProduct(lists, 0, 0, fact.n, fact.key);
    }
  }

  private addProduct(lists: number[][], d: number, offset: number, n: number, key: number): void {
    if (d === lists.length) {
      this.counts[offset] += n;
      this.keys[offset] += key;
      return;
    }
    for (const index of lists[d]) this.addProduct(lists, d + 1, offset + index * this.strides[d], n, key);
  }

  /** Every line: along each dimension, each composite value with its members, for every position on the others. */
  lines(): Line[] {
    const lines: Line[] = [];
    this.dimensions.forEach((dimension, d) => {
      const composites = dimension.values
        .map((v, i) => ({ i, members: (v.members ?? []).map((code) => this.index(d, code)) }))
        .filter((c) => c.members.length > 1);
      if (composites.length === 0) return;
      for (let offset = 0; offset < this.counts.length; offset++) {
        if (Math.floor(offset / this.strides[d]) % dimension.values.length !== 0) continue; // one pass per position of the others
        for (const c of composites) {
          lines.push({ members: c.members.map((m) => offset + m * this.strides[d]), total: offset + c.i * this.strides[d] });
        }
      }
    });
    return lines;
  }

  /** Publishes with minimum cell size k: every cell perturbed by its key, withheld under k. */
  suppress(k: number): this {
    this.k = k;
    return this;
  }

  private index(d: number, code: string): number {
    const index = this.valueIndex[d].get(code);
    if (index === undefined) throw new RangeError(`unknown ${this.dimensions[d].name} value ${code}`);
    return index;
  }

  /** The published cell at these codes (one per dimension, by name; `all` where absent). */
  cell(at: Record<string, string>): PublishedCell {
    if (this.k === 0) throw new Error('suppress() the cube before reading it');
    const { n, key } = this.raw(at);
    return publishCount(n, key, this.k);
  }

  /** The true count and key sum at these codes (for the pre-aggregate checks and tests; never published). */
  raw(at: Record<string, string>): { n: number; key: number } {
    let offset = 0;
    this.dimensions.forEach((dimension, d) => {
      offset += this.index(d, at[dimension.name] ?? 'all') * this.strides[d];
    });
    return { n: this.counts[offset], key: this.keys[offset] };
  }

  has(dimension: string, code: string): boolean {
    const d = this.dimensions.findIndex((x) => x.name === dimension);
    return d >= 0 && this.valueIndex[d].has(code);
  }
}

/** For each value, the indices of the values that contain it (itself included), through composites of composites. */
function ancestorsOf(dimension: Dimension, valueIndex: Map<string, number>): number[][] {
  const parents = dimension.values.map(() => [] as number[]);
  dimension.values.forEach((v, i) => {
    for (const member of v.members ?? []) {
      const m = valueIndex.get(member);
      if (m === undefined) throw new RangeError(`${dimension.name}: ${v.code} names an unknown member ${member}`);
      parents[m].push(i);
    }
  });
  return dimension.values.map((_, i) => {
    const seen = new Set<number>([i]);
    const stack = [i];
    while (stack.length > 0) {
      for (const p of parents[stack.pop() as number]) {
        if (seen.has(p)) continue;
        seen.add(p);
        stack.push(p);
      }
    }
    return [...seen];
  });
}

/** A flat dimension: the leaves and `all`. */
export function flatDimension(name: string, leaves: readonly string[]): Dimension {
  return { name, values: [...leaves.map((code) => ({ code })), { code: 'all', members: leaves }] };
}
