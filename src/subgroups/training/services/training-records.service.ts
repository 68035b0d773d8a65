import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { ceYearOf, ceYearRange, minutesToHours, passes } from '../domain/certification-rules.js';
import type {
  CeHoursReportDto,
  MyTrainingDto,
  RecordAssessmentDto,
  SessionAttendanceDto,
  SessionAttendanceInput,
  TrainingAssessmentDto,
} from '../dto/training.dto.js';
import { TrainingAssessment } from '../entities/training-assessment.entity.js';
import { TrainingAttendance } from '../entities/training-attendance.entity.js';
import { TrainingCourse } from '../entities/training-course.entity.js';
import { TrainingSession } from '../entities/training-session.entity.js';
import { TrainingErrors } from '../training-errors.js';
import { toAssessmentDto, toCertificationDto } from '../training.mapper.js';
import { CertificationsService } from './certifications.service.js';
import { TrainingAccess } from './training-access.service.js';

const num = (value: unknown) => Number(value ?? 0);

/** Attendance, assessments and continuing-education hours of trainees (staff accounts). */
@Injectable()
export class TrainingRecordsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly access: TrainingAccess,
    private readonly certifications: CertificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Marks who came to a session that has started; recording again replaces a person's earlier mark. */
  recordAttendance(actor: Actor, sessionId: string, input: SessionAttendanceInput): Promise<SessionAttendanceDto> {
    const absent = (input.absent ?? []).filter((id) => !input.present.includes(id));
    return this.transactions.run(async (manager) => {
      const session = await manager.findOne(TrainingSession, { where: { id: sessionId } });
      if (!session) throw notFound('Training session', '该培训');
      await this.access.requireManagedCourse(manager, actor, session.courseId);
      if (session.startsAt > this.clock.now()) throw TrainingErrors.sessionNotStarted();
      await this.access.requireStaff(manager, actor, [...input.present, ...absent]);
      const now = this.clock.now();
      const rows = [...input.present.map((userId) => ({ userId, present: true })), ...absent.map((userId) => ({ userId, present: false }))].map((r) => ({
        sessionId,
        userId: r.userId,
        courseId: session.courseId,
        present: r.present,
        startsAt: session.startsAt,
        ceMinutes: r.present ? session.ceMinutes : 0,
        recordedBy: actor.userId,
        createdAt: now,
      }));
      if (rows.length > 0) await manager.upsert(TrainingAttendance, rows, ['sessionId', 'userId']);
      await this.audit.record(manager, actor, {
        action: 'training.attendance_record',
        resourceType: 'training_course',
        resourceId: session.courseId,
        detail: { sessionId, present: input.present.length, absent: absent.length },
      });
      return { sessionId, present: input.present.length, absent: absent.length };
    });
  }

  /**
   * Records an assessment (a trainee must have attended a session of the course). A pass in a course that certifies
   * issues its certification, valid for the course's months, from now.
   */
  recordAssessment(actor: Actor, courseId: string, input: RecordAssessmentDto): Promise<TrainingAssessmentDto> {
    return this.transactions.run(async (manager) => {
      const course = await this.access.requireManagedCourse(manager, actor, courseId);
      await this.access.requireStaff(manager, actor, [input.userId]);
      if (!(await manager.exists(TrainingAttendance, { where: { courseId, userId: input.userId, present: true } }))) throw TrainingErrors.notAttended();
      const now = this.clock.now();
      const passed = passes(input.score, course.passingScore);
      const certification =
        passed && course.certificationType && course.certificationMonths
          ? await this.certifications.issueIn(manager, actor, {
              userId: input.userId,
              type: course.certificationType,
              issuedAt: now,
              validMonths: course.certificationMonths,
              source: 'course',
              courseId,
            })
          : null;
      const assessment = manager.create(TrainingAssessment, {
        courseId,
        userId: input.userId,
        score: input.score,
        passed,
        certificationId: certification?.id ?? null,
        assessedBy: actor.userId,
        createdAt: now,
      });
      await manager.save(assessment);
      await this.audit.record(manager, actor, {
        action: 'training.assessment_record',
        resourceType: 'training_course',
        resourceId: courseId,
        detail: { userId: input.userId, passed, certificationId: certification?.id ?? null },
      });
      return toAssessmentDto(assessment, certification ? toCertificationDto(certification, now) : null);
    });
  }

  /** Continuing-education hours per staff member in scope for a year (Beijing time), zero included; audited. */
  ceHours(actor: Actor, year?: number): Promise<CeHoursReportDto> {
    const y = year ?? ceYearOf(this.clock.now());
    const { from, to } = ceYearRange(y);
    return this.transactions.run(async (manager) => {
      const qb = this.access
        .staffQuery(manager)
        .leftJoin('training_attendance', 'ta', 'ta.user_id = u.id AND ta.present = :present AND ta.starts_at >= :from AND ta.starts_at < :to', { present: true, from, to })
        .addSelect('COALESCE(SUM(ta.ce_minutes), 0)', 'minutes')
        .addSelect('COUNT(ta.session_id)', 'sessions')
        .where("u.role <> 'worker' AND u.active = :active", { active: true })
        .groupBy('u.id')
        .addGroupBy('u.display_name')
        .addGroupBy('u.role')
        .addGroupBy('u.org_unit_id')
        .orderBy('u.display_name', 'ASC')
        .addOrderBy('u.id', 'ASC');
      this.scope.whereUnitInScope(qb, actor, 'u.org_unit_id');
      const rows = await qb.getRawMany<{ id: string; displayName: string; role: string; orgUnitId: string; minutes: unknown; sessions: unknown }>();
      await this.audit.record(manager, actor, { action: 'training.ce_hours_read', resourceType: 'training', detail: { year: y, people: rows.length } });
      return {
        year: y,
        items: rows.map((r) => ({
          userId: r.id,
          displayName: r.displayName,
          role: r.role,
          orgUnitId: r.orgUnitId,
          hours: minutesToHours(num(r.minutes)),
          sessionsAttended: num(r.sessions),
        })),
      };
    });
  }

  /** GET /me/training: one's own sessions and hours for a year, every assessment and certification. */
  mine(actor: Actor, year?: number): Promise<MyTrainingDto> {
    const y = year ?? ceYearOf(this.clock.now());
    const { from, to } = ceYearRange(y);
    return this.transactions.read(async (manager) => {
      const attended = await manager
        .getRepository(TrainingAttendance)
        .createQueryBuilder('a')
        .where('a.user_id = :userId AND a.starts_at >= :from AND a.starts_at < :to', { userId: actor.userId, from, to })
        .orderBy('a.starts_at', 'ASC')
        .getMany();
      const sessions = attended.length > 0 ? await manager.find(TrainingSession, { where: { id: In(attended.map((a) => a.sessionId)) } }) : [];
      const assessments = await manager.find(TrainingAssessment, { where: { userId: actor.userId }, order: { createdAt: 'DESC', id: 'ASC' } });
      const courseIds = [...new Set([...attended.map((a) => a.courseId), ...assessments.map((a) => a.courseId)])];
      const courses = new Map((courseIds.length > 0 ? await manager.find(TrainingCourse, { where: { id: In(courseIds) } }) : []).map((c) => [c.id, c]));
      const certifications = await this.certifications.ofUser(manager, actor.userId);
      const now = this.clock.now();
      const byId = new Map(certifications.map((c) => [c.id, toCertificationDto(c, now)]));
      return {
        year: y,
        ceHours: minutesToHours(attended.reduce((sum, a) => sum + a.ceMinutes, 0)),
        sessions: attended.map((a) => {
          const session = sessions.find((s) => s.id === a.sessionId);
          return {
            sessionId: a.sessionId,
            courseId: a.courseId,
            courseTitle: courses.get(a.courseId)?.title ?? '',
            title: session?.title ?? '',
            method: session?.method ?? 'study',
            startsAt: a.startsAt.toISOString(),
            present: a.present,
            ceHours: minutesToHours(a.ceMinutes),
          };
        }),
        assessments: assessments.map((a) => toAssessmentDto(a, a.certificationId ? (byId.get(a.certificationId) ?? null) : null)),
        certifications: [...byId.values()],
      };
    });
  }
}
