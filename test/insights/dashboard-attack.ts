import { categoryDimension, FIXED_MEASURES, screeningMeasure, type MeasureDefinition } from '../../src/insights/reports/domain/report-definitions.js';
import { determined, LinearAttacker } from '../support/linear-attacker.js';
import { PHQ_9 } from '../../src/population/assessments/instruments/phq-9.js';
import { positiveBands } from '../../src/population/assessments/instruments/validate-instrument.js';

/** PHQ-9's bands at or beyond its cut-off, as its instrument file states them. */
const PHQ9_POSITIVE = positiveBands(PHQ_9.cutoff, PHQ_9.bands).map((b) => b.code);

/**
 * The dashboards' attacker: every published number (each cell of every report, unit, breakdown, filter, quarter and
 * export) becomes a linear constraint over the hidden fine cells (a worker's own unit × gender × age band × subgroup
 * membership × category [× quarter]); one population per (own unit, gender, age band) links every report.
 */
export const GENDERS = ['female', 'male', 'other', 'undisclosed'];
export const AGES = ['under_30', '30_39', '40_49', '50_plus', 'unknown'];
export const QUARTERS = ['q1', 'q2', 'q3', 'q4'];
export const PHQ9_BANDS = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'];

export interface Cell {
  count: number | null;
  suppressed: boolean;
  exact?: boolean;
  reason?: string | null;
}
export interface PublishedReport {
  report: string;
  unitId: string;
  breakdown: string;
  filters: Record<string, string | null>;
  columns: { code: string }[];
  rows: { key: string; cells: Record<string, Cell> }[];
  total: { key: string; cells: Record<string, Cell> };
  disclosure?: { maxError: number; minCellSize: number };
}

/** A worker as the fixture made them: the attacker never sees this; it only checks the attacker's soundness. */
export interface FixtureWorker {
  unit: string;
  gender: string;
  age: string;
  subgroup: boolean;
  /** PHQ-9 band and quarter of the latest result of the year, or null when not screened. */
  phq9: { band: string; quarter: string } | null;
  /** Programme enrolment category, or null when not invited. */
  programme: 'taking_part' | 'not_taking_part' | null;
  /** The worker's one EAP referral of the year (its status and contract), or null. */
  eap?: { status: EapStatus; contract: string } | null;
}

/** EAP referral statuses the fixture uses, and what the dashboards and the utilisation count them as (docs/eap.md). */
export const EAP_STATUSES = ['sent', 'accepted', 'declined', 'attended', 'completed', 'dropped_out', 'withdrawn'] as const;
export type EapStatus = (typeof EAP_STATUSES)[number];
const EAP_CATEGORY: Record<EapStatus, string> = {
  sent: 'in_progress',
  accepted: 'in_progress',
  declined: 'not_completed',
  attended: 'completed',
  completed: 'completed',
  dropped_out: 'not_completed',
  withdrawn: 'not_completed',
};
/** The statuses each utilisation count counts (the fixture's withdrawn referrals were never accepted). */
export const UTILISATION_COUNTS: Record<string, EapStatus[]> = {
  referralsSent: [...EAP_STATUSES],
  accepted: ['accepted', 'attended', 'completed', 'dropped_out'],
  declined: ['declined'],
  open: ['sent', 'accepted', 'attended'],
  completed: ['completed'],
  droppedOut: ['dropped_out'],
  withdrawn: ['withdrawn'],
  withFirstSession: ['attended', 'completed', 'dropped_out'],
};
/** A rate and the statuses of its numerator and the rest of its denominator. */
const UTILISATION_RATES: Record<string, [EapStatus[], EapStatus[]]> = {
  acceptanceRate: [UTILISATION_COUNTS.accepted, ['declined']],
  completionRate: [['completed'], ['dropped_out']],
};

/** One contract's utilisation as published (GET /eap/utilisation, its CSV). */
export interface PublishedUtilisation {
  contractId: string;
  exact: boolean;
  withheld: { field: string; reason: string }[];
  disclosure: { maxError: number } | null;
  [figure: string]: unknown;
}

type Family = 'phq9' | keyof typeof FIXED_MEASURES;

interface Coordinates {
  units: string[];
  gender: string;
  age: string;
  subgroup: string;
  quarter: string;
  category: string;
}

export interface Leak {
  figure: string;
  value: number;
  truth: number;
  withheld: boolean;
}

export class DashboardAttacker {
  readonly solver = new LinearAttacker();
  private readonly rows = new Map<string, { vars: number[]; lo: number; hi: number; withheld: boolean; figure: string }>();
  readonly published: number[] = [];

  /** `subtrees`: each unit in scope with the units whose own workers its subtree holds (itself included). */
  /** `contracts`: each EAP contract with its unit; a referral under it is of a worker in that unit's subtree. */
  constructor(
    private readonly subtrees: Record<string, string[]>,
    private readonly k: number,
    private readonly contracts: Record<string, string> = {},
  ) {
    const units = Object.keys(subtrees);
    // The population links every report: each family's cells of one (unit, gender, age) add up to the same workers.
    for (const u of units)
      for (const g of GENDERS)
        for (const a of AGES) {
          const pop = this.solver.variable(`pop|${u}|${g}|${a}`);
          for (const family of this.families()) {
            const coefs = new Map<number, number>(this.fine(family, { units: [u], gender: g, age: a, subgroup: 'all', quarter: 'all', category: 'all' }).map((v) => [v, 1]));
            coefs.set(pop, -1);
            this.solver.constrain(coefs, 0, 0);
          }
          // Each EAP category of the dashboards is the referrals of its statuses, under every contract covering the unit.
          if (Object.keys(contracts).length === 0) continue;
          for (const category of new Set(Object.values(EAP_CATEGORY))) {
            const statuses = EAP_STATUSES.filter((st) => EAP_CATEGORY[st] === category);
            const coefs = new Map<number, number>(this.referrals([u], g, a, statuses, this.contractsCovering(u)).map((v) => [v, -1]));
            coefs.set(this.solver.variable(fineName('eap', u, g, a, '-', category, '-')), 1);
            this.solver.constrain(coefs, 0, 0);
          }
        }
  }

  private contractsCovering(unit: string): string[] {
    return Object.keys(this.contracts).filter((c) => this.subtrees[this.contracts[c]].includes(unit));
  }

  /** The fine cells of EAP referrals: own unit × gender × age band × status × contract. */
  private referrals(units: string[], gender: string, age: string, statuses: readonly EapStatus[], contracts: string[]): number[] {
    const vars: number[] = [];
    for (const u of units)
      for (const g of gender === 'all' ? GENDERS : [gender])
        for (const a of age === 'all' ? AGES : [age])
          for (const st of statuses) for (const c of contracts) if (this.contractsCovering(u).includes(c)) vars.push(this.solver.variable(referralName(u, g, a, st, c)));
    return vars;
  }

  /** Every figure of a utilisation answer: each count over its statuses' referrals, each rate as a linear bound. */
  learnUtilisation(rows: PublishedUtilisation[], source: string): void {
    for (const row of rows) {
      const units = this.subtrees[this.contracts[row.contractId]];
      const maxError = row.disclosure?.maxError ?? 0;
      const cells = (statuses: EapStatus[]) => this.referrals(units, 'all', 'all', statuses, [row.contractId]);
      for (const [field, statuses] of Object.entries(UTILISATION_COUNTS)) {
        const value = row[field] as number | null;
        const figure = `${source} ${row.contractId} ${field}`;
        if (value === null) {
          const stated = row.withheld.some((w) => w.field === field);
          this.add(cells(statuses), 0, stated ? this.k - 1 + maxError : Infinity, true, figure);
        } else {
          this.published.push(value);
          this.add(cells(statuses), row.exact ? value : Math.max(0, value - maxError, this.k), row.exact ? value : value + maxError, false, figure);
        }
      }
      for (const [field, [part, rest]] of Object.entries(UTILISATION_RATES)) {
        const r = row[field] as number | null;
        if (r === null) continue;
        // r = (part + e) / n, rounded to 0.001: (1 − r)·part − r·rest = −e ± 0.0005·n, |e| ≤ maxError, n ≤ 100 here.
        const coefs = new Map<number, number>([...cells(part).map((v) => [v, 1 - r] as const), ...cells(rest).map((v) => [v, -r] as const)].filter(([, c]) => c !== 0));
        const slack = maxError + 0.05;
        this.solver.constrain(coefs, -slack, slack);
      }
    }
  }

  private families(): Family[] {
    return ['phq9', ...(Object.keys(FIXED_MEASURES) as Family[])];
  }

  private measure(family: Family, trends = false): MeasureDefinition {
    return family === 'phq9' ? screeningMeasure(PHQ9_BANDS, PHQ9_POSITIVE, trends) : FIXED_MEASURES[family];
  }

  /** Leaf categories of a category code. */
  private leaves(measure: MeasureDefinition, code: string): string[] {
    const values = categoryDimension(measure).values;
    const expand = (c: string): string[] => {
      const v = values.find((x) => x.code === c);
      if (!v) throw new Error(`unknown category ${c}`);
      return v.members ? v.members.flatMap(expand) : [c];
    };
    return expand(code);
  }

  /** The fine cells a coordinate covers (in trends, `all` is those screened; in screening it includes the rest). */
  private fine(family: Family, at: Coordinates, trends = false): number[] {
    const measure = this.measure(family, trends);
    const categories = this.leaves(measure, at.category);
    const vars: number[] = [];
    const genders = at.gender === 'all' ? GENDERS : [at.gender];
    const ages = at.age === 'all' ? AGES : [at.age];
    const subgroups = family === 'phq9' ? (at.subgroup === 'all' ? ['yes', 'no'] : ['yes']) : ['-'];
    for (const u of at.units)
      for (const g of genders)
        for (const a of ages)
          for (const s of subgroups)
            for (const c of categories) {
              const quarters = family === 'phq9' && c !== 'not_screened' ? (at.quarter === 'all' ? QUARTERS : [at.quarter]) : ['-'];
              for (const q of quarters) vars.push(this.solver.variable(fineName(family, u, g, a, s, c, q)));
            }
    return vars;
  }

  /** Every number of one response. `scopeUnit` is the unit requested. */
  learn(response: PublishedReport, scopeUnit: string): void {
    const family: Family = response.report === 'screening' || response.report === 'trends' ? 'phq9' : (response.report as Family);
    const trends = response.report === 'trends';
    const maxError = response.disclosure?.maxError ?? 0;
    const f = response.filters;
    const base = {
      units: this.subtrees[scopeUnit],
      gender: f.gender ?? 'all',
      age: f.ageBand ?? 'all',
      subgroup: (f.subgroup ? 'yes' : 'all'),
      quarter: f.quarter ?? 'all',
    };
    const at = (key: string): Omit<Coordinates, 'category'> => {
      if (key === 'total') return base;
      if (response.breakdown === 'unit') return { ...base, units: key.startsWith('unit-direct:') ? [key.slice(12)] : this.subtrees[key.slice(5)] };
      if (response.breakdown === 'gender') return { ...base, gender: key };
      if (response.breakdown === 'age_band') return { ...base, age: key };
      return { ...base, quarter: key };
    };
    for (const row of [...response.rows, response.total]) {
      for (const [category, cell] of Object.entries(row.cells)) {
        const vars = this.fine(family, { ...at(row.key), category }, trends);
        const figure = `${response.report} unit=${scopeUnit} ${JSON.stringify(f)} by ${response.breakdown} row=${row.key} ${category}`;
        if (cell.suppressed) {
          // Withheld: the stated rule bounds it (fewer than k, or perturbed below k); older answers say nothing.
          const hi = cell.reason ? this.k - 1 + maxError : Infinity;
          this.add(vars, 0, hi, true, figure);
        } else {
          const exact = cell.exact ?? true;
          this.published.push(cell.count as number);
          this.add(vars, exact ? (cell.count as number) : Math.max(0, (cell.count as number) - maxError, this.k), exact ? (cell.count as number) : (cell.count as number) + maxError, false, figure);
        }
      }
    }
    // What an answer leaves out is information too: a breakdown value or category that is absent counts nobody.
    const present = new Set(response.rows.map((r) => r.key));
    const grid = response.breakdown === 'gender' ? GENDERS : response.breakdown === 'age_band' ? AGES : response.breakdown === 'quarter' ? QUARTERS : null;
    if (grid && !f[response.breakdown === 'age_band' ? 'ageBand' : response.breakdown]) {
      for (const value of grid.filter((v) => !present.has(v))) this.add(this.fine(family, { ...at(value), category: 'all' }, trends), 0, 0, false, `${response.report} absent ${value}`);
    }
    if (response.breakdown === 'unit') {
      const children = Object.keys(this.subtrees).filter((u) => u !== scopeUnit && this.subtrees[scopeUnit].includes(u) && this.isChild(u, scopeUnit));
      const expected = [...children.map((c) => `unit:${c}`), `unit-direct:${scopeUnit}`];
      for (const key of expected.filter((e) => !present.has(e))) this.add(this.fine(family, { ...at(key), category: 'all' }, trends), 0, 0, false, `${response.report} absent ${key}`);
    }
  }

  private isChild(unit: string, parent: string): boolean {
    // A direct child: in the parent's subtree and in no other unit's strict subtree that is itself under the parent.
    return !Object.keys(this.subtrees).some((o) => o !== unit && o !== parent && this.subtrees[parent].includes(o) && this.subtrees[o].includes(unit));
  }

  private add(vars: number[], lo: number, hi: number, withheld: boolean, figure: string): void {
    const key = [...vars].sort((a, b) => a - b).join(',');
    const seen = this.rows.get(key);
    if (seen) {
      seen.lo = Math.max(seen.lo, lo);
      seen.hi = Math.min(seen.hi, hi);
      seen.withheld ||= withheld;
      return;
    }
    this.rows.set(key, { vars, lo, hi, withheld, figure });
  }

  /** Runs the solver; returns every count derived exactly that is withheld or under k (the truth checks soundness). */
  attack(truth: (name: string) => number): { leaks: Leak[]; unsound: string[]; figures: number } {
    for (const row of this.rows.values()) this.solver.constrain(row.vars, row.lo, row.hi);
    this.solver.propagate();
    const leaks: Leak[] = [];
    const unsound: string[] = [];
    const check = (vars: number[], figure: string, withheld: boolean, lo = -Infinity, hi = Infinity) => {
      const bounds = this.solver.boundsOf(vars, lo, hi);
      const value = vars.reduce((s, v) => s + truth(this.solver.nameOf(v)), 0);
      if (value < bounds[0] - 1e-6 || value > bounds[1] + 1e-6) unsound.push(`${figure}: truth ${value} outside [${bounds[0]}, ${bounds[1]}]`);
      if (determined(bounds) && (withheld || value < this.k)) leaks.push({ figure, value: Math.round(bounds[0]), truth: value, withheld });
    };
    for (const row of this.rows.values()) check(row.vars, row.figure, row.withheld, row.lo, row.hi);
    for (let v = 0; v < this.solver.variableCount; v++) check([v], `fine cell ${this.solver.nameOf(v)}`, false);
    return { leaks, unsound, figures: this.rows.size };
  }
}

export const referralName = (unit: string, gender: string, age: string, status: string, contract: string) => `eapref|${unit}|${gender}|${age}|${status}|${contract}`;

export const fineName = (family: string, unit: string, gender: string, age: string, subgroup: string, category: string, quarter: string) =>
  `${family}|${unit}|${gender}|${age}|${subgroup}|${category}|${quarter}`;

/** The true count of each fine cell, from the fixture. */
export function truthOf(workers: FixtureWorker[]): (name: string) => number {
  const counts = new Map<string, number>();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const w of workers) {
    add(`pop|${w.unit}|${w.gender}|${w.age}`);
    add(fineName('phq9', w.unit, w.gender, w.age, w.subgroup ? 'yes' : 'no', w.phq9?.band ?? 'not_screened', w.phq9?.quarter ?? '-'));
    if (w.eap) add(referralName(w.unit, w.gender, w.age, w.eap.status, w.eap.contract));
    for (const family of Object.keys(FIXED_MEASURES)) {
      const measure = FIXED_MEASURES[family as keyof typeof FIXED_MEASURES];
      const category = family === 'programmes' && w.programme ? w.programme : family === 'eap' && w.eap ? EAP_CATEGORY[w.eap.status] : (measure.none as string);
      add(fineName(family, w.unit, w.gender, w.age, '-', category, '-'));
    }
  }
  return (name) => counts.get(name) ?? 0;
}
