export class TypicalErrorDto {
  /** Within ± this many of the true count … */
  within: number;
  /** … for this share of the published counts (0–1). */
  share: number;
}

/** How the numbers of a published figure are protected (docs/insights.md: cell-key perturbation). */
export class DisclosureDto {
  method: 'cell_key_perturbation';
  /** k: a count is published only when its true and its perturbed value both reach it; means need k records. */
  minCellSize: number;
  /** No published count is further than this from the true count. */
  maxError: number;
  typicalErrors: TypicalErrorDto[];
}
