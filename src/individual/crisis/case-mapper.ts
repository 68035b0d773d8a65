import type { CaseTriggerDto } from './dto/case-trigger.dto.js';
import type { CaseDto, CaseNoteDto, CaseQueueItemDto } from './dto/crisis-case.dto.js';
import type { RiskAssessmentDto } from './dto/risk-assessment.dto.js';
import type { SafetyPlanDto } from './dto/safety-plan.dto.js';
import { allowedFrom } from './domain/case-state.js';
import type { CaseNote } from './entities/case-note.entity.js';
import type { CrisisCase } from './entities/crisis-case.entity.js';
import type { RiskAssessment } from './entities/risk-assessment.entity.js';
import type { SafetyPlan } from './entities/safety-plan.entity.js';

/** What a case row is shown with: names and its sources (read with the page). */
export interface CaseExtras {
  workerName: string;
  assigneeName?: string | null;
  triggers?: CaseTriggerDto[];
}

export const toCaseQueueItemDto = (c: CrisisCase, extras: CaseExtras, now: Date): CaseQueueItemDto => ({
  id: c.id,
  workerId: c.workerId,
  workerName: extras.workerName,
  orgUnitId: c.orgUnitId,
  level: c.level,
  state: c.state,
  dueAt: c.dueAt.toISOString(),
  overdue: c.state === 'open' && c.dueAt <= now,
  assigneeId: c.assigneeId,
  assigneeName: c.assigneeId ? (extras.assigneeName ?? null) : null,
  source: { type: c.sourceType, id: c.sourceId },
  why: extras.triggers?.find((t) => !t.joined) ?? fallbackWhy(c),
  joinedCount: extras.triggers?.filter((t) => t.joined).length ?? 0,
  escalationStep: c.escalationStep,
  openedAt: c.createdAt.toISOString(),
  acknowledgedAt: c.acknowledgedAt ? c.acknowledgedAt.toISOString() : null,
});

export const toCaseDto = (c: CrisisCase, extras: CaseExtras, now: Date): CaseDto => ({
  ...toCaseQueueItemDto(c, extras, now),
  openedBy: c.openedBy,
  contactNote: c.contactNote ?? null,
  acknowledgedBy: c.acknowledgedBy,
  closedAt: c.closedAt ? c.closedAt.toISOString() : null,
  summary: c.summary,
  escalatedUnitId: c.escalatedUnitId,
  allowedTransitions: [...allowedFrom(c.state)],
});

/** Cases opened before their sources were recorded: the source as it is, the summary as its words. */
const fallbackWhy = (c: CrisisCase): CaseTriggerDto => ({
  id: c.id,
  sourceType: c.sourceType,
  sourceId: c.sourceId,
  level: c.level,
  joined: false,
  at: c.createdAt.toISOString(),
  text: c.summary ?? null,
});

export const toCaseNoteDto = (n: CaseNote): CaseNoteDto => ({ id: n.id, authorId: n.authorId, body: n.body, at: n.createdAt.toISOString() });

export const toRiskAssessmentDto = (r: RiskAssessment): RiskAssessmentDto => ({
  id: r.id,
  caseId: r.caseId,
  assessedBy: r.assessedBy,
  ideation: r.details.ideation,
  plan: r.details.plan,
  intent: r.details.intent,
  pastAttempts: r.details.pastAttempts,
  protectiveFactors: r.details.protectiveFactors,
  note: r.details.note,
  suggestedLevel: r.suggestedLevel,
  judgement: r.judgement,
  levelBefore: r.levelBefore,
  at: r.createdAt.toISOString(),
});

export const toSafetyPlanDto = (p: SafetyPlan): SafetyPlanDto => ({
  id: p.id,
  workerId: p.workerId,
  caseId: p.caseId,
  version: p.version,
  ...p.content,
  createdBy: p.createdBy,
  at: p.createdAt.toISOString(),
});
