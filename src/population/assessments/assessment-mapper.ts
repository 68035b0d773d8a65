import type { AssessmentDetailDto, AssessmentResultDto } from './dto/assessment.dto.js';
import type { AssessmentResult } from './entities/assessment-result.entity.js';

/** `forStaff` adds the crisis reasons; a worker's own view leaves them out. */
export const toAssessmentResultDto = (r: AssessmentResult, forStaff: boolean): AssessmentResultDto => ({
  id: r.id,
  workerId: r.workerId,
  instrumentCode: r.instrumentCode,
  instrumentVersion: r.instrumentVersion,
  totalScore: r.totalScore,
  percentScore: r.percentScore,
  band: r.band,
  subscales: r.subscales,
  subscaleBands: r.subscaleBands,
  crisis: r.crisis,
  completedAt: r.completedAt?.toISOString() ?? null,
  ...(forStaff ? { crisisReasons: r.crisisReasons } : {}),
  campaignId: r.campaignId,
  source: r.source,
  createdAt: r.createdAt.toISOString(),
});

export const toAssessmentDetailDto = (r: AssessmentResult): AssessmentDetailDto => ({
  ...toAssessmentResultDto(r, true),
  answers: r.answers,
  enteredBy: r.enteredBy,
});
