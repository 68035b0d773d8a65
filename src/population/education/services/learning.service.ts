import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { conflict, notFound } from '../../../platform/errors/domain-error.js';
import { matchesAudience } from '../../shared/audience.js';
import { loadViewer, type Viewer } from '../../shared/viewer.js';
import { courseProgress, type Progress } from '../domain/course-rules.js';
import { hasPassed, literacyPhase, scoreQuiz } from '../domain/quiz-rules.js';
import type { CourseProgressDto, MyCourseDto, MyCourseSummaryDto, QuizAttemptInput, QuizResultDto } from '../dto/learning.dto.js';
import { toEnrolmentDto, toLessonDto, toQuizDto } from '../education.mapper.js';
import { Course } from '../entities/course.entity.js';
import { Enrolment } from '../entities/enrolment.entity.js';
import { LessonCompletion } from '../entities/lesson-completion.entity.js';
import { Lesson } from '../entities/lesson.entity.js';
import { LiteracyCheck } from '../entities/literacy-check.entity.js';
import { QuizAttempt } from '../entities/quiz-attempt.entity.js';
import { Quiz } from '../entities/quiz.entity.js';

const percentOf = (score: number, maxScore: number) => (maxScore > 0 ? Math.round((score / maxScore) * 1000) / 10 : 0);

const notEnrolled = () => conflict('NOT_ENROLLED', '请先报名该课程', 'Enrol in the course first');

/** A worker's own learning: the courses for them, enrolment, lessons, quizzes and the literacy check. */
@Injectable()
export class LearningService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly orgUnits: OrgUnitsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Published courses targeted at the worker (unit subtree and profile facts), and any they are enrolled in. */
  listMine(actor: Actor): Promise<MyCourseSummaryDto[]> {
    return this.transactions.read(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const enrolments = await manager.find(Enrolment, { where: { workerId: viewer.worker.id } });
      const offered = await manager.find(Course, {
        where: { orgUnitId: In([...viewer.facts.unitAncestry]), status: 'published' },
        order: { publishedAt: 'DESC', id: 'ASC' },
      });
      const targeted = offered.filter((course) => matchesAudience(course.audience, viewer.facts));
      const known = new Set(targeted.map((course) => course.id));
      const enrolledElsewhere = enrolments.filter((e) => !known.has(e.courseId)).map((e) => e.courseId);
      const others = enrolledElsewhere.length > 0 ? await manager.find(Course, { where: { id: In(enrolledElsewhere) } }) : [];
      const byCourse = new Map(enrolments.map((e) => [e.courseId, e]));
      return [...targeted, ...others].map((course) => {
        const enrolment = byCourse.get(course.id);
        return { id: course.id, title: course.title, summary: course.summary, enrolment: enrolment ? toEnrolmentDto(enrolment) : null };
      });
    });
  }

  getMine(actor: Actor, courseId: string): Promise<MyCourseDto> {
    return this.transactions.read(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const { course, enrolment } = await this.courseFor(manager, viewer, courseId);
      const workerId = viewer.worker.id;
      const lessons = await manager.find(Lesson, { where: { courseId }, order: { position: 'ASC' } });
      const quizzes = await manager.find(Quiz, { where: { courseId }, order: { createdAt: 'ASC', id: 'ASC' } });
      const completed = new Set((await manager.find(LessonCompletion, { where: { workerId, courseId } })).map((c) => c.lessonId));
      const attempts = await manager.find(QuizAttempt, { where: { workerId, courseId } });
      const checks = await manager.find(LiteracyCheck, { where: { workerId, courseId } });
      const check = (phase: 'pre' | 'post') => checks.find((c) => c.phase === phase);
      const knowledge = quizzes.filter((q) => q.kind === 'knowledge');
      return {
        id: course.id,
        title: course.title,
        summary: course.summary,
        enrolment: enrolment ? toEnrolmentDto(enrolment) : null,
        lessons: lessons.map((lesson) => ({ lesson: toLessonDto(lesson), completed: completed.has(lesson.id) })),
        quizzes: quizzes.map((quiz) => {
          const own = attempts.filter((a) => a.quizId === quiz.id);
          const best = own.length > 0 ? Math.max(...own.map((a) => percentOf(a.score, a.maxScore))) : null;
          return { quiz: toQuizDto(quiz, false), attempts: own.length, bestPercent: best, passed: own.some((a) => a.passed) };
        }),
        progress: courseProgress({
          lessonIds: lessons.map((l) => l.id),
          completedLessonIds: [...completed],
          quizIds: knowledge.map((q) => q.id),
          passedQuizIds: attempts.filter((a) => a.passed).map((a) => a.quizId),
        }),
        literacy: {
          pre: check('pre') ? percentOf(check('pre')!.score, check('pre')!.maxScore) : null,
          post: check('post') ? percentOf(check('post')!.score, check('post')!.maxScore) : null,
        },
      };
    });
  }

  /** Idempotent: enrolling twice keeps the first enrolment. */
  enrol(actor: Actor, courseId: string): Promise<CourseProgressDto> {
    return this.transactions.run(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      // courseFor answers 404 unless the course is published and for this worker, or they are already enrolled.
      let { enrolment } = await this.courseFor(manager, viewer, courseId);
      if (!enrolment) {
        enrolment = manager.create(Enrolment, { courseId, workerId: viewer.worker.id, orgUnitId: viewer.worker.orgUnitId, status: 'enrolled', completedAt: null });
        await manager.save(enrolment);
        await this.audit.record(manager, actor, { action: 'course.enrol', resourceType: 'course', resourceId: courseId, workerId: viewer.worker.id });
      }
      return { courseId, enrolment: toEnrolmentDto(enrolment), progress: await this.progress(manager, courseId, viewer.worker.id) };
    });
  }

  completeLesson(actor: Actor, courseId: string, lessonId: string): Promise<CourseProgressDto> {
    return this.transactions.run(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const enrolment = await this.requireEnrolment(manager, viewer, courseId);
      const workerId = viewer.worker.id;
      if (!(await manager.exists(Lesson, { where: { id: lessonId, courseId } }))) throw notFound('Lesson', '该课时');
      if (!(await manager.exists(LessonCompletion, { where: { workerId, courseId, lessonId } }))) {
        await manager.insert(LessonCompletion, { workerId, courseId, lessonId, createdAt: this.clock.now() });
        await this.audit.record(manager, actor, { action: 'course.lesson_complete', resourceType: 'course', resourceId: courseId, workerId, detail: { lessonId } });
      }
      const progress = await this.progress(manager, courseId, workerId);
      await this.completeIfDone(manager, actor, enrolment, progress);
      return { courseId, enrolment: toEnrolmentDto(enrolment), progress };
    });
  }

  /** Scores a knowledge quiz (retakes allowed) or takes the literacy check (pre before completion, post after, once each). */
  attemptQuiz(actor: Actor, courseId: string, quizId: string, input: QuizAttemptInput): Promise<QuizResultDto> {
    return this.transactions.run(async (manager) => {
      const viewer = await loadViewer(manager, this.scope, this.orgUnits, actor);
      const enrolment = await this.requireEnrolment(manager, viewer, courseId);
      const workerId = viewer.worker.id;
      const quiz = await manager.findOne(Quiz, { where: { id: quizId, courseId } });
      if (!quiz) throw notFound('Quiz', '该测验');
      const result = scoreQuiz(quiz.questions, input.answers);
      const base = { quizId, kind: quiz.kind, score: result.score, maxScore: result.maxScore, percent: result.percent, correct: result.correct };
      if (quiz.kind === 'literacy') {
        const taken = await manager.find(LiteracyCheck, { where: { workerId, courseId }, select: { id: true, phase: true } });
        const phase = literacyPhase(enrolment.status === 'completed', {
          pre: taken.some((c) => c.phase === 'pre'),
          post: taken.some((c) => c.phase === 'post'),
        });
        await manager.insert(LiteracyCheck, {
          courseId,
          quizId,
          workerId,
          orgUnitId: viewer.worker.orgUnitId,
          phase,
          answers: input.answers,
          score: result.score,
          maxScore: result.maxScore,
          createdAt: this.clock.now(),
        });
        await this.audit.record(manager, actor, { action: 'course.literacy_check', resourceType: 'course', resourceId: courseId, workerId, detail: { quizId, phase } });
        return { ...base, phase, passed: null, courseCompleted: enrolment.status === 'completed' };
      }
      const passed = hasPassed(result.percent, quiz.passingScore ?? 100);
      await manager.insert(QuizAttempt, {
        quizId,
        courseId,
        workerId,
        answers: input.answers,
        score: result.score,
        maxScore: result.maxScore,
        passed,
        createdAt: this.clock.now(),
      });
      await this.audit.record(manager, actor, { action: 'course.quiz_attempt', resourceType: 'course', resourceId: courseId, workerId, detail: { quizId, passed } });
      await this.completeIfDone(manager, actor, enrolment, await this.progress(manager, courseId, workerId));
      return { ...base, phase: null, passed, courseCompleted: enrolment.status === 'completed' };
    });
  }

  /** The course if it is for this worker (published and targeted) or they are already enrolled; 404 otherwise. */
  private async courseFor(manager: EntityManager, viewer: Viewer, courseId: string): Promise<{ course: Course; enrolment: Enrolment | null }> {
    const course = await manager.findOne(Course, { where: { id: courseId } });
    const enrolment = course ? await manager.findOne(Enrolment, { where: { courseId, workerId: viewer.worker.id } }) : null;
    const offered =
      course?.status === 'published' && viewer.facts.unitAncestry.includes(course.orgUnitId) && matchesAudience(course.audience, viewer.facts);
    if (!course || (!offered && !enrolment)) throw notFound('Course', '该课程');
    return { course, enrolment };
  }

  private async requireEnrolment(manager: EntityManager, viewer: Viewer, courseId: string): Promise<Enrolment> {
    const { enrolment } = await this.courseFor(manager, viewer, courseId);
    if (!enrolment) throw notEnrolled();
    return enrolment;
  }

  private async progress(manager: EntityManager, courseId: string, workerId: string): Promise<Progress> {
    const lessons = await manager.find(Lesson, { where: { courseId }, select: { id: true } });
    const quizzes = await manager.find(Quiz, { where: { courseId, kind: 'knowledge' }, select: { id: true } });
    const completions = await manager.find(LessonCompletion, { where: { courseId, workerId }, select: { lessonId: true } });
    const passed = await manager.find(QuizAttempt, { where: { courseId, workerId, passed: true }, select: { quizId: true } });
    return courseProgress({
      lessonIds: lessons.map((l) => l.id),
      completedLessonIds: completions.map((c) => c.lessonId),
      quizIds: quizzes.map((q) => q.id),
      passedQuizIds: passed.map((a) => a.quizId),
    });
  }

  private async completeIfDone(manager: EntityManager, actor: Actor, enrolment: Enrolment, progress: Progress): Promise<void> {
    if (enrolment.status === 'completed' || !progress.complete) return;
    enrolment.status = 'completed';
    enrolment.completedAt = this.clock.now();
    await manager.save(enrolment);
    await this.audit.record(manager, actor, { action: 'course.complete', resourceType: 'course', resourceId: enrolment.courseId, workerId: enrolment.workerId });
  }
}
