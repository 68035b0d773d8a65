import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';

/**
 * Inserts assessment results straight into the table (the dashboards only count them; the scoring path has its own
 * tests), so a test can build cells of known size quickly.
 */
export async function insertResult(t: TestApp, workerId: string, orgUnitId: string, band: string, at: string, instrument = 'PHQ-9'): Promise<void> {
  const id = randomUUID();
  await t.sql(
    `INSERT INTO assessment_results (id, worker_id, org_unit_id, instrument_code, instrument_version, answers, total_score, band, crisis, crisis_reasons, source, entered_by, created_at)
     VALUES ($1, $2, $3, $4, '1', 'seeded', 0, $5, FALSE, '[]', 'staff', $6, $7)`,
    [id, workerId, orgUnitId, instrument, band, randomUUID(), at],
  );
  // The app takes it into the latest-result summary and the dashboards' counts as it does a submission.
  await t.http().post(`/api/v1/test/insights/results/${id}/latest`).expect(200);
}

export interface Cell {
  count: number | null;
  suppressed: boolean;
  exact?: boolean;
  reason?: string | null;
}
export interface Report {
  disclosure?: { method: string; minCellSize: number; maxError: number };
  columns: { code: string }[];
  rows: { key: string; cells: Record<string, Cell> }[];
  total: { key: string; cells: Record<string, Cell> };
  unitId: string;
  breakdown: string;
  filters: Record<string, string | null>;
}

/**
 * An attacker with every response: records each published count under its coordinates (unit, gender, age band,
 * category) and derives what subtraction yields along every line (a total and its parts), until nothing new follows.
 */
export class DifferencingAttacker {
  readonly known = new Map<string, number>();

  constructor(
    private readonly units: Record<string, string[]>,
    private readonly categoryLines: [string, string[]][],
    private readonly genders: string[],
    private readonly ages: string[],
  ) {}

  learn(report: Report, unit: string): void {
    const f = report.filters;
    const at = (row: string) => ({
      unit: report.breakdown === 'unit' && row !== 'total' ? row.replace(/^unit:/, '').replace(/^unit-direct:/, 'direct:') : unit,
      gender: report.breakdown === 'gender' && row !== 'total' ? row : (f.gender ?? 'all'),
      age: report.breakdown === 'age_band' && row !== 'total' ? row : (f.ageBand ?? 'all'),
    });
    for (const row of [...report.rows, report.total]) {
      const c = at(row.key);
      for (const [category, cell] of Object.entries(row.cells)) {
        if (!cell.suppressed && cell.count !== null) this.set(key(c.unit, c.gender, c.age, category), cell.count);
      }
    }
  }

  private set(k: string, value: number): boolean {
    const before = this.known.get(k);
    if (before !== undefined && before !== value) throw new Error(`inconsistent ${k}: ${before} vs ${value}`);
    this.known.set(k, value);
    return before === undefined;
  }

  /** Every (total, parts) line of the cube, in every position. */
  private lines(): [string, string[]][] {
    const units = [...new Set([...Object.keys(this.units), ...Object.values(this.units).flat()])];
    const genders = [...this.genders, 'all'];
    const ages = [...this.ages, 'all'];
    const categories = [...new Set(this.categoryLines.flatMap(([total, parts]) => [total, ...parts]))];
    const lines: [string, string[]][] = [];
    for (const u of units) for (const g of genders) for (const a of ages) for (const [total, parts] of this.categoryLines) lines.push([key(u, g, a, total), parts.map((p) => key(u, g, a, p))]);
    for (const u of units) for (const a of ages) for (const c of categories) lines.push([key(u, 'all', a, c), this.genders.map((g) => key(u, g, a, c))]);
    for (const u of units) for (const g of genders) for (const c of categories) lines.push([key(u, g, 'all', c), this.ages.map((x) => key(u, g, x, c))]);
    for (const [parent, children] of Object.entries(this.units)) for (const g of genders) for (const a of ages) for (const c of categories) lines.push([key(parent, g, a, c), children.map((x) => key(x, g, a, c))]);
    return lines;
  }

  derive(): void {
    const lines = this.lines();
    for (let changed = true; changed; ) {
      changed = false;
      for (const [total, parts] of lines) {
        const unknown = parts.filter((p) => !this.known.has(p));
        const t = this.known.get(total);
        if (t !== undefined && unknown.length === 1) {
          changed = this.set(unknown[0], t - parts.filter((p) => p !== unknown[0]).reduce((s, p) => s + (this.known.get(p) as number), 0)) || changed;
        } else if (t === undefined && unknown.length === 0) {
          changed = this.set(total, parts.reduce((s, p) => s + (this.known.get(p) as number), 0)) || changed;
        }
      }
    }
  }

  /** Cells the attacker knows that count fewer than k (zero included). */
  smallCells(k: number): [string, number][] {
    return [...this.known.entries()].filter(([, v]) => v < k);
  }
}

export const key = (unit: string, gender: string, age: string, category: string) => `${unit}|${gender}|${age}|${category}`;
