import { badRequest, conflict, forbidden } from '../../platform/errors/domain-error.js';

/** Stable error codes of care programmes (HTTP shape: `{statusCode, code, message, …details}`). */
export const ProgrammeErrors = {
  unknownSubgroup: (code: string) => badRequest('UNKNOWN_SUBGROUP', `未知的亚群体：${code}`, `Unknown subgroup: ${code}`, { subgroup: code }),
  mustBeSensitive: () =>
    badRequest(
      'PROGRAMME_MUST_BE_SENSITIVE',
      '按生活事件或裁员名单确定的项目，其成员信息属于敏感信息，须标记为敏感',
      'A programme whose rule reads life events or redundancy has sensitive membership and must be marked sensitive',
    ),
  closed: () => conflict('PROGRAMME_CLOSED', '项目已结束，不能再修改', 'The programme is closed'),
  notActive: () => conflict('PROGRAMME_NOT_ACTIVE', '项目尚未启动或已结束，不能纳入职工', 'Workers can only be enrolled while the programme is active'),
  countChanged: (expected: number, actual: number) =>
    conflict('ELIGIBLE_COUNT_CHANGED', `符合条件的人数已变化（预览 ${expected}，现在 ${actual}），请重新预览`, `The eligible count changed (previewed ${expected}, now ${actual}); preview again`, {
      expected,
      actual,
    }),
  noTotal: (code: string) =>
    badRequest('OUTCOME_INSTRUMENT_NO_TOTAL', `${code} 没有总分，不能作为成效指标`, `${code} has no total score and cannot be an outcome measure`, { instrumentCode: code }),
  activityInPast: () => badRequest('ACTIVITY_IN_PAST', '活动时间须在将来', 'scheduledAt must be in the future'),
  activityFields: (zh: string, en: string) => badRequest('ACTIVITY_FIELDS_INVALID', zh, en),
  responsible: () =>
    badRequest(
      'RESPONSIBLE_NOT_ELIGIBLE',
      '负责人须为在岗的心理咨询员或督导，且其管辖范围包含项目所属单位',
      'The responsible person must be an active counsellor or supervisor whose scope holds the programme’s unit',
    ),
  notStarted: () => conflict('ACTIVITY_NOT_STARTED', '活动尚未开始或已取消', 'The activity has not started or was cancelled'),
  notAttendable: () => badRequest('ACTIVITY_NOT_ATTENDABLE', '只有团体活动可以登记出勤；个别访谈请在任务中完成', 'Attendance is recorded for group sessions; check-ins are completed as tasks'),
  notTakingPart: (workerIds: string[]) =>
    badRequest('NOT_TAKING_PART', `有 ${workerIds.length} 名职工未参加该项目`, `${workerIds.length} worker(s) are not taking part in this programme`, { workerIds }),
  sensitive: () =>
    forbidden('SENSITIVE_PROGRAMME', '该项目成员信息敏感，只有管辖范围内的心理服务人员可以查看', 'Membership of this programme is sensitive: only counsellors and supervisors in scope may see it'),
  outcome: (kind: string) =>
    badRequest('TASK_OUTCOME_INVALID', '个别访谈须填写 attended、no_show 或 unreachable，其他任务填写 done', 'Check-ins take attended, no_show or unreachable; other tasks take done', { kind }),
};
