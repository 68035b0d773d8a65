import { badRequest, conflict } from '../../platform/errors/domain-error.js';

/** Stable error codes of cadre and counsellor training (干部培养). */
export const TrainingErrors = {
  certificationMonths: () =>
    badRequest('CERTIFICATION_MONTHS_REQUIRED', '授予证书的课程须填写有效期（certificationMonths），且只能与证书类型一起填写', 'certificationMonths goes with certificationType, and is required with it'),
  sessionTimes: () => badRequest('SESSION_TIMES_INVALID', '结束时间须晚于开始时间', 'endsAt must be after startsAt'),
  methodNotInCourse: (method: string) =>
    badRequest('METHOD_NOT_IN_COURSE', `该课程的教学方式不包括 ${method}`, `The course is not taught by ${method}`, { method }),
  courseArchived: () => conflict('TRAINING_COURSE_ARCHIVED', '课程已归档', 'The course is archived'),
  sessionNotStarted: () => conflict('SESSION_NOT_STARTED', '培训尚未开始，不能登记出勤', 'Attendance can be recorded once the session has started'),
  notStaff: (userIds: string[]) =>
    badRequest('TRAINEE_NOT_STAFF', '参训人员须为工会工作人员账号（不能是职工账号）', 'Trainees are staff accounts, not worker accounts', { userIds }),
  notAttended: () =>
    conflict('TRAINING_NOT_ATTENDED', '须至少参加过该课程的一次培训才能参加考核', 'A trainee must have attended at least one session of the course before assessment'),
  alreadyRevoked: () => conflict('CERTIFICATION_REVOKED', '证书已被撤销', 'The certification is already revoked'),
  issuedInFuture: () => badRequest('CERTIFICATION_DATE_INVALID', '发证日期不能晚于现在', 'issuedAt cannot be in the future'),
};
