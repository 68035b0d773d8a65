import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { PreparedRead } from '../../../platform/database/prepared-read.js';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { num } from '../../../platform/database/sql-helpers.js';
import { ownWorkerId } from '../../shared/viewer.js';
import type { RecordAudience } from '../../shared/record-audience.js';
import type { CourseHistoryDto, EventHistoryDto, LearningHistoryDto } from '../dto/report.dto.js';
import { Course } from '../entities/course.entity.js';
import { EducationEvent } from '../entities/education-event.entity.js';
import { Enrolment } from '../entities/enrolment.entity.js';
import { EventRegistration } from '../entities/event-registration.entity.js';
import { LiteracyCheck } from '../entities/literacy-check.entity.js';
import { QuizAttempt } from '../entities/quiz-attempt.entity.js';
import { Quiz } from '../entities/quiz.entity.js';

const percentOf = (score: number, maxScore: number) => (maxScore > 0 ? Math.round((score / maxScore) * 1000) / 10 : 0);

/** The two reads every record makes (most workers have neither): prepared. */
const ENROLMENTS = new PreparedRead(Enrolment, 'e.worker_id = :workerId ORDER BY e.created_at DESC, e.id ASC');
const REGISTRATIONS = new PreparedRead(EventRegistration, 'e.worker_id = :workerId');

/**
 * The education part of a worker's 心理档案 (learning history), exported for the composed record. Education
 * history carries nothing clinical, so both audiences see the same.
 */
@Injectable()
export class EducationHistoryService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
  ) {}

  /**
   * Courses (lessons done, quiz results, literacy pre/post) and lectures/workshops of one worker. The caller has
   * already established that `actor` may see `workerId` (AccessScope.requireWorker) and audits the record read.
   */
  async historyForWorker(manager: EntityManager, actor: Actor, workerId: string, audience: RecordAudience): Promise<LearningHistoryDto> {
    // Uniform signature across the population modules; learning history holds nothing that differs by audience.
    void actor;
    void audience;
    return { courses: await this.courseHistory(manager, workerId), events: await this.eventHistory(manager, workerId) };
  }

  /** GET /me/learning */
  mine(actor: Actor): Promise<LearningHistoryDto> {
    return this.transactions.read(async (manager) => {
      const worker = await this.scope.requireWorker(manager, actor, ownWorkerId(actor));
      return this.historyForWorker(manager, actor, worker.id, 'self');
    });
  }

  /** GET /education/workers/:id/learning (staff in scope; audited). */
  forStaff(actor: Actor, workerId: string): Promise<LearningHistoryDto> {
    return this.transactions.run(async (manager) => {
      await this.scope.requireWorker(manager, actor, workerId);
      await this.audit.record(manager, actor, { action: 'learning_history.read', resourceType: 'worker', resourceId: workerId, workerId });
      return this.historyForWorker(manager, actor, workerId, 'staff');
    });
  }

  private async courseHistory(manager: EntityManager, workerId: string): Promise<CourseHistoryDto[]> {
    const enrolments = await ENROLMENTS.many(manager, { workerId });
    if (enrolments.length === 0) return [];
    const courseIds = enrolments.map((e) => e.courseId);
    const courses = new Map((await manager.find(Course, { where: { id: In(courseIds) } })).map((c) => [c.id, c]));
    const lessonTotals = await this.countBy(manager, 'edu_lessons', 'course_id', courseIds);
    const lessonsDone = await this.countBy(manager, 'edu_lesson_completions', 'course_id', courseIds, workerId);
    const quizzes = await manager.find(Quiz, { where: { courseId: In(courseIds), kind: 'knowledge' }, order: { createdAt: 'ASC', id: 'ASC' } });
    const attempts = await manager.find(QuizAttempt, { where: { workerId, courseId: In(courseIds) } });
    const checks = await manager.find(LiteracyCheck, { where: { workerId, courseId: In(courseIds) } });
    return enrolments.map((enrolment) => {
      const check = (phase: 'pre' | 'post') => checks.find((c) => c.courseId === enrolment.courseId && c.phase === phase);
      const pre = check('pre');
      const post = check('post');
      return {
        courseId: enrolment.courseId,
        title: courses.get(enrolment.courseId)?.title ?? '',
        status: enrolment.status,
        enrolledAt: enrolment.createdAt.toISOString(),
        completedAt: enrolment.completedAt ? enrolment.completedAt.toISOString() : null,
        lessonsCompleted: lessonsDone.get(enrolment.courseId) ?? 0,
        lessonsTotal: lessonTotals.get(enrolment.courseId) ?? 0,
        quizzes: quizzes
          .filter((quiz) => quiz.courseId === enrolment.courseId)
          .map((quiz) => {
            const own = attempts.filter((a) => a.quizId === quiz.id);
            return {
              quizId: quiz.id,
              title: quiz.title,
              attempts: own.length,
              bestPercent: own.length > 0 ? Math.max(...own.map((a) => percentOf(a.score, a.maxScore))) : null,
              passed: own.some((a) => a.passed),
            };
          }),
        literacy: { pre: pre ? percentOf(pre.score, pre.maxScore) : null, post: post ? percentOf(post.score, post.maxScore) : null },
      };
    });
  }

  private async eventHistory(manager: EntityManager, workerId: string): Promise<EventHistoryDto[]> {
    const registrations = await REGISTRATIONS.many(manager, { workerId });
    if (registrations.length === 0) return [];
    const events = new Map((await manager.find(EducationEvent, { where: { id: In(registrations.map((r) => r.eventId)) } })).map((e) => [e.id, e]));
    return registrations
      .filter((r) => events.has(r.eventId))
      .map((r) => {
        const event = events.get(r.eventId)!;
        return {
          eventId: event.id,
          kind: event.kind,
          title: event.title,
          startsAt: event.startsAt.toISOString(),
          eventCancelled: event.status === 'cancelled',
          status: r.status,
          checkedInAt: r.checkedInAt ? r.checkedInAt.toISOString() : null,
          rating: r.rating,
        };
      })
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  }

  /** Rows per course id in one GROUP BY (optionally for one worker). */
  private async countBy(manager: EntityManager, table: string, column: string, ids: string[], workerId?: string): Promise<Map<string, number>> {
    const qb = manager.createQueryBuilder().select(`t.${column}`, 'id').addSelect('COUNT(*)', 'n').from(table, 't').where(`t.${column} IN (:...ids)`, { ids }).groupBy(`t.${column}`);
    if (workerId) qb.andWhere('t.worker_id = :workerId', { workerId });
    return new Map((await qb.getRawMany<{ id: string; n: unknown }>()).map((r) => [r.id, num(r.n)]));
  }
}
