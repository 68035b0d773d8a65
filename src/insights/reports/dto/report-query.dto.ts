import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AGE_BANDS, BREAKDOWNS, QUARTERS, REPORT_GENDERS, type Breakdown } from '../domain/report-definitions.js';

/**
 * Filters and breakdown of a dashboard. The period is a calendar year (a fixed window: free date ranges would let two
 * overlapping requests be subtracted); `quarter` narrows the trends dashboard. Every filter is a slice of one
 * suppressed cube, so no combination reaches a cell the cube withholds.
 */
export class ReportQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  /** The unit whose subtree is reported (default: your own unit); must be in your scope. */
  @IsOptional() @IsUUID()
  unitId?: string;

  @IsOptional() @IsIn(REPORT_GENDERS)
  gender?: (typeof REPORT_GENDERS)[number];

  @IsOptional() @IsIn(AGE_BANDS)
  ageBand?: (typeof AGE_BANDS)[number];

  @IsOptional() @IsIn(QUARTERS)
  quarter?: (typeof QUARTERS)[number];

  /** A subgroup code (e.g. `women`): workers taking part in a care programme of that subgroup. */
  @IsOptional() @IsString() @MaxLength(30) @Matches(/^[a-z][a-z0-9_]*$/)
  subgroup?: string;

  /** Instrument code (screening and trends), e.g. `PHQ-9`. */
  @IsOptional() @IsString() @MaxLength(20)
  instrument?: string;

  /** Screening and trends by one subscale's bands instead of the total's (e.g. DASS-21 `depression`). */
  @IsOptional() @IsString() @MaxLength(30) @Matches(/^[a-z][a-z0-9_]*$/)
  subscale?: string;

  @IsOptional() @IsIn(BREAKDOWNS)
  breakdown?: Breakdown;
}

export class ReportExportQueryDto extends ReportQueryDto {
  @IsOptional() @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';

  /** The page's language: headers and row labels in it, exactly as the page shows them; default both (中文 English). */
  @IsOptional() @IsIn(['zh-CN', 'en'])
  lang?: 'zh-CN' | 'en';
}
