import { LEVEL_EN, LEVEL_ZH, type CrisisLevel } from '../shared/levels.js';
import { badRequest, conflict, DomainError, forbidden, notFound } from '../../platform/errors/domain-error.js';

/** Stable error codes of the crisis-case module (HTTP shape: `{statusCode, code, message, …details}`). */
export const CrisisErrors = {
  caseNotFound: () => notFound('Crisis case', '该危机个案'),
  reasonRequired: () => badRequest('REASON_REQUIRED', '结案或重新开启须说明理由', 'Closing or reopening a case needs a reason'),
  notAcknowledged: () =>
    conflict('CASE_NOT_ACKNOWLEDGED', '请先确认接手该个案', 'Acknowledge the case first', { state: 'open' }),
  caseClosed: () => conflict('CASE_CLOSED', '该个案已结案，请先重新开启', 'The case is closed; reopen it first', { state: 'closed' }),
  rationaleRequired: (suggested: CrisisLevel) =>
    badRequest(
      'RATIONALE_REQUIRED',
      `您的判断低于结构化评估提示的等级（${LEVEL_ZH[suggested]}），请在“说明”中写明理由`,
      `Your judgement is below the suggested level (${LEVEL_EN[suggested]}); explain why in the note`,
      { suggestedLevel: suggested },
    ),
  assigneeNotEligible: () =>
    badRequest(
      'ASSIGNEE_NOT_ELIGIBLE',
      '只能分派给管辖范围包含该职工的在职心理咨询师或督导',
      'Assign only to an active counsellor or supervisor whose scope holds the worker',
    ),
  assignSupervisorOnly: () =>
    forbidden('ASSIGN_SUPERVISOR_ONLY', '心理咨询师只能把个案分派给自己；分派给他人须由督导操作', 'Counsellors may only assign a case to themselves; supervisors assign to others'),
  shiftTimes: () =>
    badRequest('SHIFT_TIMES_INVALID', '值班结束时间须晚于开始时间，且不超过 31 天', 'A shift must end after it starts and last at most 31 days'),
  shiftNotFound: () => notFound('Duty shift', '该值班安排'),
  breakGlassNotNeeded: () =>
    conflict('BREAK_GLASS_NOT_NEEDED', '该职工在您的管辖范围内，无需紧急授权', 'This worker is in your scope; no break-the-glass access is needed'),
  grantNotFound: () => notFound('Break-the-glass grant', '该紧急授权'),
  caseAlreadyOpen: (caseId: string) =>
    conflict('CASE_ALREADY_OPEN', '该职工已有未结案的危机个案，请在该个案中继续处理', 'This worker already has an active crisis case; continue in that case', { caseId }),
  notWorkerAccount: () => new DomainError(404, 'NOT_FOUND', '未找到您的职工档案', 'Worker profile not found'),
};
