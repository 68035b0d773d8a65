import { DisclosureDto } from '../../platform/reporting/disclosure.dto.js';
import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant } from '../../platform/http/validation.js';

export class FiguresQueryDto {
  /** Units under this one (default: your own unit), each with its subtree; in your scope. */
  @IsOptional() @IsUUID()
  unitId?: string;

  /** Requests received from (inclusive, ISO 8601); default 30 days before `to`. */
  @IsOptional() @IsInstant()
  from?: string;

  /** Until (exclusive); default now. At most 366 days after `from`. */
  @IsOptional() @IsInstant()
  to?: string;
}

/** A count as published: null with `suppressed: true` when withheld (fewer than k). */
export class PublishedCountDto {
  value: number | null;
  suppressed: boolean;
  /** True for desk staff; false for officials: perturbed within ± `disclosure.maxError`. */
  exact: boolean;
  /** `fewer_than_k` when withheld; null when published. */
  reason: 'fewer_than_k' | null;
}

export class FiguresRowDto {
  unitId: string;
  unitName: string;
  /** `unit_itself`: requests of the unit's own workers; `subtree`: the unit and every unit below it. */
  scope: 'unit_itself' | 'subtree';
  requests: PublishedCountDto;
  answered: PublishedCountDto;
  resolved: PublishedCountDto;
  /** Requests that were ever overdue (supervised). */
  overdue: PublishedCountDto;
  forwarded: PublishedCountDto;
  reopened: PublishedCountDto;
  rated: PublishedCountDto;
  /** Time to answer (受理), over answered requests; null when withheld or none. */
  medianAnswerMinutes: number | null;
  meanAnswerMinutes: number | null;
  /** Time to resolve (办结), over resolved requests. */
  medianResolveHours: number | null;
  meanResolveHours: number | null;
  /** Mean rating 1–5 over rated requests. */
  meanSatisfaction: number | null;
}

export class FiguresDto {
  unitId: string;
  from: string;
  to: string;
  /** The minimum cell size applied (officials), or null when nothing is suppressed (desk supervisors). */
  minCell: number | null;
  /** How officials' figures are protected (perturbation bound and k); null when they are exact (desk staff). */
  disclosure: DisclosureDto | null;
  rows: FiguresRowDto[];
  total: FiguresRowDto;
}
