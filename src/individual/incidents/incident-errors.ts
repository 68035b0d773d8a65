import { badRequest, notFound } from '../../platform/errors/domain-error.js';

export const IncidentErrors = {
  notFound: () => notFound('Incident', '该事件'),
  sessionNotFound: () => notFound('Aftercare session', '该疏导活动'),
  affectedRequired: () =>
    badRequest('AFFECTED_REQUIRED', '请指定受影响的单位（orgUnitId）或职工名单（workerIds），二者选一', 'Give the affected unit (orgUnitId) or the workers (workerIds), not both'),
  inFuture: () => badRequest('OCCURRED_IN_FUTURE', '事件发生时间不能晚于现在', 'occurredAt cannot be in the future'),
  notAffected: (workerIds: string[]) =>
    badRequest('NOT_AFFECTED', '名单中有职工不属于该事件的受影响人员', 'Some workers are not among those affected by this incident', { workerIds }),
  reasonRequired: () => badRequest('REASON_REQUIRED', '请说明理由', 'A reason is required'),
};
