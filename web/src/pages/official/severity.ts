import type { Schemas } from '../../api/types';

/**
 * Severity order and colours of report categories: the one definition every dashboard uses (table, chart, legend),
 * so a band or an outcome sits in the same place and has the same colour in every report. Least severe first, on a
 * scale from teal (well, in time) through amber to dark red (most severe, overdue). The API publishes its columns in
 * this order too (docs/insights.md), so the exports read like the page.
 */
// Every colour reads at 4.5:1 or more on white (legend and tooltip text take it).
const SCALE = ['#0f6b5c', '#4d6b1f', '#8a5a00', '#b0400b', '#b91c1c', '#7f1d1d'] as const;
const NEUTRAL = '#6b7280';

/** Outcome categories of the fixed reports: 0 = as it should be … 1 = worst. */
const OUTCOME_SEVERITY: Record<string, number> = {
  responded_in_time: 0,
  awaiting_response: 0.4,
  responded_late: 0.7,
  overdue: 1,
  resolved_in_time: 0,
  open: 0.4,
  resolved_late: 0.7,
  open_overdue: 1,
  completed: 0,
  in_progress: 0.4,
  not_completed: 1,
  attended: 0,
  booked_not_attended: 0.7,
  taking_part: 0,
  not_taking_part: 0.7,
};

/** An instrument's bands, least severe first: reversed when the file lists the bands at or beyond the cut-off first (WHO-5). */
export function bandsBySeverity(bands: readonly string[], positive: readonly string[]): string[] {
  const reversed = bands.length > 1 && positive.includes(bands[0]) && !positive.includes(bands[bands.length - 1]);
  return reversed ? [...bands].reverse() : [...bands];
}

export interface Severity {
  /** 0 (least severe) … 1 (most), or undefined for totals, composites and `unbanded`. */
  of(code: string): number | undefined;
  colour(code: string): string;
}

/** Severity of a report's categories; `bands`: the instrument's bands in severity order (screening, trends). */
export function severityFor(bands: readonly string[] = []): Severity {
  const of = (code: string) => {
    const i = bands.indexOf(code);
    if (i >= 0) return bands.length === 1 ? 0 : i / (bands.length - 1);
    return OUTCOME_SEVERITY[code];
  };
  return {
    of,
    colour: (code) => {
      const s = of(code);
      return s === undefined ? NEUTRAL : SCALE[Math.round(s * (SCALE.length - 1))];
    },
  };
}

/** The columns as the page shows them: totals and composites first (as the API lists them), then by severity. */
export function inSeverityOrder(columns: readonly Schemas['ReportColumnDto'][], severity: Severity): Schemas['ReportColumnDto'][] {
  const ranked = columns.filter((c) => severity.of(c.code) !== undefined);
  const rest = columns.filter((c) => severity.of(c.code) === undefined && c.code !== 'unbanded');
  const unbanded = columns.filter((c) => c.code === 'unbanded');
  return [...rest, ...[...ranked].sort((a, b) => severity.of(a.code)! - severity.of(b.code)!), ...unbanded];
}
