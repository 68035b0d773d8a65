import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AssessmentSource } from '../entities/assessment-result.entity.js';
import { CrisisHelpDto } from '../../../platform/help/crisis-help.dto.js';

export class SubmitAssessmentDto {
  /** e.g. `PHQ-9` (see GET /instruments). */
  @IsString() @MaxLength(20)
  instrumentCode: string;

  /**
   * One answer value per item, in item order (values are checked against each item's options); null for an
   * unanswered item only where the instrument allows prorating.
   */
  @ApiProperty({ type: [Number], nullable: true, example: [0, 1, 0, 2, 1, 0, 0, 1, 0] })
  @IsArray() @ArrayMaxSize(200)
  answers: Array<number | null>;

  /** Answering for a screening campaign (测评活动). */
  @IsOptional() @IsUUID()
  campaignId?: string;

  /**
   * Staff entering a paper form: when it was filled in (RFC 3339 date-time or date; not in the future, at most a year
   * back). Workers answering in the app send none (their result is dated when submitted).
   */
  @IsOptional() @IsISO8601({ strict: true })
  completedAt?: string;
}

/** Said when a late paper form opens a crisis case now: the case is dated today, the answers are not. */
export class LateFormNoticeDto {
  zh: string;
  en: string;
  completedAt: string;
  daysLate: number;
}


export class AssessmentResultDto {
  id: string;
  workerId: string;
  instrumentCode: string;
  instrumentVersion: string;
  /** Raw sum after reverse scoring; null for CBI (no total: see `subscales`). */
  totalScore: number | null;
  /** WHO-5 only: raw × 4 (0-100); null otherwise. */
  percentScore: number | null;
  /** Band code of the total, e.g. PHQ-9 `moderate`; null for CBI. */
  band: string | null;
  /** CBI subscale means (0-100) and PCL-5 cluster sums; null for the others. */
  subscales: Record<string, number> | null;
  /** CBI: band of each subscale (`low`/`high`). */
  subscaleBands: Record<string, string> | null;
  crisis: boolean;
  /** When a paper form entered by staff was filled in; null when answered in the app. */
  completedAt: string | null;
  /** A crisis result from a paper form filled in more than a day ago: says that the case opened today. */
  lateForm?: LateFormNoticeDto;
  /** Staff only: the crisis rules that fired. */
  crisisReasons?: string[];
  campaignId: string | null;
  source: AssessmentSource;
  createdAt: string;
  /** Worker only, with a crisis result: a supportive message and the help lines. */
  help?: CrisisHelpDto;
}

/** One result with its item answers, for staff in scope (audited). */
export class AssessmentDetailDto extends AssessmentResultDto {
  @ApiProperty({ type: [Number], nullable: true })
  answers: Array<number | null>;
  enteredBy: string;
}
