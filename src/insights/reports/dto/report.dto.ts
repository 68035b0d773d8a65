import type { DisclosureDto } from '../../../platform/reporting/disclosure.dto.js';

export class LabelDto {
  zh: string;
  en: string;
}

export class ReportCellDto {
  /** The count, perturbed (see `exact` and the report's `disclosure`), or null when withheld. */
  count: number | null;
  suppressed: boolean;
  /** False: the count is perturbed by cell-key perturbation, within ± `disclosure.maxError` (usually ±2). */
  exact: boolean;
  /** Why it is withheld: `fewer_than_k` (the true or the perturbed count is under k); null when published. */
  reason: 'fewer_than_k' | null;
}

export class ReportColumnDto {
  code: string;
  label: LabelDto;
}

export class ReportRowDto {
  /** The breakdown value: `unit:<id>` / `unit-direct:<id>` (the unit's own workers), a gender, age band or quarter. */
  key: string;
  label: LabelDto;
  /** One cell per column code. */
  cells: Record<string, ReportCellDto>;
}

export class ReportDto {
  report: string;
  title: LabelDto;
  /** k: cells counting fewer workers are withheld. */
  minCellSize: number;
  /** What the numbers are: perturbed counts, their bound and k. */
  disclosure: DisclosureDto;
  year: number;
  unitId: string;
  filters: Record<string, string | null>;
  breakdown: string;
  /** The breakdown column's header (the page and the exports use it). */
  breakdownLabel: LabelDto;
  /** Totals and composites first, then the categories in severity order, least severe first. */
  columns: ReportColumnDto[];
  rows: ReportRowDto[];
  total: ReportRowDto;
  notes: LabelDto[];
  generatedAt: string;
}

export class ReportCatalogueEntryDto {
  name: string;
  title: LabelDto;
  breakdowns: string[];
  needsInstrument: boolean;
}
