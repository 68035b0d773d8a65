import type { Schemas } from '../../api/types';

/**
 * A report row's cell. The API's `cells` is a `Record<string, ReportCellDto>`, which the OpenAPI document types as a
 * plain object; a cell has the shape of `CountCellDto` (`count` null when suppressed), so it is read as that.
 */
export function cellOf(row: Schemas['ReportRowDto'], code: string): Schemas['CountCellDto'] | undefined {
  return (row.cells as Record<string, Schemas['CountCellDto'] | undefined>)[code];
}
