import { PickType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CRISIS_LEVELS, type CrisisLevel } from '../../shared/levels.js';
import {
  IDEATION,
  INTENT,
  PAST_ATTEMPTS,
  PLAN,
  PROTECTIVE_FACTORS,
  type Ideation,
  type Intent,
  type PastAttempts,
  type Plan,
  type ProtectiveFactor,
} from '../domain/risk-triage.js';

/** A counsellor-entered structured risk triage (not an electronic C-SSRS). */
export class RecordRiskAssessmentDto {
  @IsIn(IDEATION)
  ideation: Ideation;

  @IsIn(PLAN)
  plan: Plan;

  @IsIn(INTENT)
  intent: Intent;

  @IsIn(PAST_ATTEMPTS)
  pastAttempts: PastAttempts;

  @IsArray() @ArrayMaxSize(8) @ArrayUnique() @IsIn(PROTECTIVE_FACTORS, { each: true })
  protectiveFactors: ProtectiveFactor[];

  /** Your overall judgement; becomes the case's level. Below the suggested level it needs a `note`. */
  @IsIn(CRISIS_LEVELS)
  judgement: CrisisLevel;

  /** Rationale and observations (encrypted). */
  @IsOptional() @IsString() @MaxLength(4000)
  note?: string;
}

/** The findings alone, for the level they suggest before the assessment is saved. */
export class RiskFindingsDto extends PickType(RecordRiskAssessmentDto, ['ideation', 'plan', 'intent', 'pastAttempts', 'protectiveFactors'] as const) {}

export class SuggestedLevelDto {
  suggestedLevel: CrisisLevel;
}

export class RiskAssessmentDto {
  id: string;
  caseId: string;
  assessedBy: string;
  ideation: Ideation;
  plan: Plan;
  intent: Intent;
  pastAttempts: PastAttempts;
  protectiveFactors: ProtectiveFactor[];
  note: string | null;
  /** What the findings suggest (see docs/individual.md). */
  suggestedLevel: CrisisLevel;
  judgement: CrisisLevel;
  levelBefore: CrisisLevel;
  at: string;
}
