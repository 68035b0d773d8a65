export class LabelDto {
  zh: string;
  en: string;
}

export class ReportCellDto {
  /** The count, or null when withheld (fewer than k workers, or withheld so that it cannot be recovered). */
  count: number | null;
  suppressed: boolean;
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
  year: number;
  unitId: string;
  filters: Record<string, string | null>;
  breakdown: string;
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
