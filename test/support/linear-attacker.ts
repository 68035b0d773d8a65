/**
 * What an attacker can derive exactly from published figures, each written as a linear constraint over hidden,
 * non-negative integer counts (the fine cells): `lo ≤ Σ coef·x ≤ hi`. An exact figure is a row with lo = hi; a
 * perturbed one spans its stated error; a withheld one spans what its rule allows (0 … k−1, say).
 *
 * Two exact methods, run together to a fixpoint:
 * - linear algebra: the exact rows in reduced row echelon form (rational elimination in floating point over small
 *   integer coefficients); a count whose row reduces to nothing is determined by the equalities alone, and every
 *   echelon row is a derived equality for the next step;
 * - interval propagation (the bound tightening an LP or MIP solver runs in presolve): each row bounds each of its
 *   variables by the others' bounds, with integer rounding, until nothing moves.
 * A count is derived exactly when its bounds meet. Sound (never claims what does not follow), not complete.
 */
export type Sparse = Map<number, number>;

interface Constraint {
  coefs: Sparse;
  lo: number;
  hi: number;
}

const EPS = 1e-7;

export class LinearAttacker {
  private readonly names: string[] = [];
  private readonly byName = new Map<string, number>();
  readonly lo: number[] = [];
  readonly hi: number[] = [];
  private readonly rows: Constraint[] = [];
  /** Echelon rows of the exact constraints: pivot variable → row (pivot coefficient 1). */
  private readonly pivots = new Map<number, { coefs: Sparse; rhs: number }>();
  private inconsistent: string | null = null;

  variable(name: string, lo = 0, hi = Infinity): number {
    const existing = this.byName.get(name);
    if (existing !== undefined) return existing;
    const index = this.names.length;
    this.names.push(name);
    this.byName.set(name, index);
    this.lo.push(lo);
    this.hi.push(hi);
    return index;
  }

  nameOf(index: number): string {
    return this.names[index];
  }

  get variableCount(): number {
    return this.names.length;
  }

  /** Σ coef·x ∈ [lo, hi]. */
  constrain(coefs: Sparse | readonly number[], lo: number, hi: number): void {
    const sparse = Array.isArray(coefs) ? new Map((coefs as number[]).map((v) => [v, 1])) : (coefs as Sparse);
    if (sparse.size === 0) return;
    this.rows.push({ coefs: sparse, lo, hi });
    if (lo === hi) this.addEquality(new Map(sparse), lo);
  }

  private reduce(coefs: Sparse, rhs: number): number {
    for (const v of [...coefs.keys()]) {
      const pivot = this.pivots.get(v);
      const factor = coefs.get(v);
      if (!pivot || factor === undefined) continue;
      for (const [w, d] of pivot.coefs) {
        const next = (coefs.get(w) ?? 0) - factor * d;
        if (Math.abs(next) < EPS) coefs.delete(w);
        else coefs.set(w, next);
      }
      rhs -= factor * pivot.rhs;
    }
    return rhs;
  }

  private addEquality(coefs: Sparse, rhs: number): void {
    // Reduce until no pivot variable is left (a pivot's row may bring in another pivot's variable only before RREF).
    for (let guard = 0; guard < 50 && [...coefs.keys()].some((v) => this.pivots.has(v)); guard++) rhs = this.reduce(coefs, rhs);
    if (coefs.size === 0) {
      if (Math.abs(rhs) > 1e-6) this.inconsistent ??= `exact figures contradict each other (0 = ${rhs})`;
      return;
    }
    // Pivot on the largest coefficient (stable elimination).
    const [pivotVar, pivotCoef] = [...coefs.entries()].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0])[0];
    const row = new Map([...coefs].map(([v, c]) => [v, c / pivotCoef]));
    const pivotRhs = rhs / pivotCoef;
    for (const other of this.pivots.values()) {
      const factor = other.coefs.get(pivotVar);
      if (factor === undefined) continue;
      for (const [w, d] of row) {
        const next = (other.coefs.get(w) ?? 0) - factor * d;
        if (Math.abs(next) < EPS) other.coefs.delete(w);
        else other.coefs.set(w, next);
      }
      other.rhs -= factor * pivotRhs;
    }
    this.pivots.set(pivotVar, { coefs: row, rhs: pivotRhs });
  }

  /** Tightens every variable's bounds until nothing moves. Throws when the figures contradict the stated rules. */
  propagate(maxPasses = 200): void {
    if (this.inconsistent) throw new Error(this.inconsistent);
    const all: Constraint[] = [...this.rows, ...[...this.pivots.values()].map((p) => ({ coefs: p.coefs, lo: p.rhs, hi: p.rhs }))];
    for (let pass = 0; pass < maxPasses; pass++) {
      let moved = false;
      for (const row of all) moved = this.tighten(row) || moved;
      if (!moved) return;
    }
  }

  private tighten(row: Constraint): boolean {
    let minAct = 0;
    let maxAct = 0;
    let minInf = 0;
    let maxInf = 0;
    for (const [v, c] of row.coefs) {
      const [a, b] = c > 0 ? [c * this.lo[v], c * this.hi[v]] : [c * this.hi[v], c * this.lo[v]];
      if (a === -Infinity) minInf++;
      else minAct += a;
      if (b === Infinity) maxInf++;
      else maxAct += b;
    }
    let moved = false;
    for (const [v, c] of row.coefs) {
      const [a, b] = c > 0 ? [c * this.lo[v], c * this.hi[v]] : [c * this.hi[v], c * this.lo[v]];
      // Bounds of c·x_v from the row and the others' activity.
      const othersMin = a === -Infinity ? (minInf > 1 ? -Infinity : minAct) : minInf > 0 ? -Infinity : minAct - a;
      const othersMax = b === Infinity ? (maxInf > 1 ? Infinity : maxAct) : maxInf > 0 ? Infinity : maxAct - b;
      const termHi = row.hi - othersMin;
      const termLo = row.lo - othersMax;
      let newLo = c > 0 ? termLo / c : termHi / c;
      let newHi = c > 0 ? termHi / c : termLo / c;
      newLo = Number.isFinite(newLo) ? Math.ceil(newLo - EPS) : newLo;
      newHi = Number.isFinite(newHi) ? Math.floor(newHi + EPS) : newHi;
      if (newLo > this.lo[v] + 0.5) {
        this.lo[v] = newLo;
        moved = true;
      }
      if (newHi < this.hi[v] - 0.5) {
        this.hi[v] = newHi;
        moved = true;
      }
      if (this.lo[v] > this.hi[v]) throw new Error(`figures contradict the stated rules at ${this.names[v]}: [${this.lo[v]}, ${this.hi[v]}]`);
    }
    return moved;
  }

  /** Bounds of Σ x over `vars` implied by the constraints: exact when the equalities span it, else intervals. */
  boundsOf(vars: readonly number[], rowLo = -Infinity, rowHi = Infinity): [number, number] {
    const coefs: Sparse = new Map(vars.map((v) => [v, 1]));
    let rhs = 0;
    for (let guard = 0; guard < 50 && [...coefs.keys()].some((v) => this.pivots.has(v)); guard++) rhs = this.reduce(coefs, rhs);
    // Σ x = (what the pivots left) − rhs: the left terms' intervals bound the sum.
    let lo = -rhs;
    let hi = -rhs;
    for (const [v, c] of coefs) {
      lo += c > 0 ? c * this.lo[v] : c * this.hi[v];
      hi += c > 0 ? c * this.hi[v] : c * this.lo[v];
    }
    const direct = [vars.reduce((s, v) => s + this.lo[v], 0), vars.reduce((s, v) => s + this.hi[v], 0)];
    return [Math.max(lo, direct[0], rowLo) + 0, Math.min(hi, direct[1], rowHi) + 0];
  }
}

/** Whether integer bounds pin a single value. */
export const determined = ([lo, hi]: [number, number]): boolean => Math.ceil(lo - EPS) === Math.floor(hi + EPS);
