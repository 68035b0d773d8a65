import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { badRequest, conflict, notFound } from '../../../platform/errors/domain-error.js';
import { normaliseAudience } from '../../shared/audience.js';
import { move } from '../../../platform/state-machine.js';
import { COURSE_TRANSITIONS, lessonContentProblem } from '../domain/course-rules.js';
import { validateQuestions } from '../domain/quiz-rules.js';
import type {
  CourseDto,
  CourseStatusInput,
  CourseSummaryDto,
  CreateCourseDto,
  CreateLessonDto,
  CreateQuizDto,
  LessonDto,
  QuizDto,
  UpdateCourseDto,
} from '../dto/course.dto.js';
import { toCourseDto, toCourseSummaryDto, toLessonDto, toQuizDto } from '../education.mapper.js';
import { Course } from '../entities/course.entity.js';
import { Lesson } from '../entities/lesson.entity.js';
import { Quiz } from '../entities/quiz.entity.js';

const notDraft = () =>
  conflict('COURSE_NOT_DRAFT', '课程发布后内容不可再增减（学习进度依赖于此）', 'Lessons and quizzes can only be added while the course is a draft');

/** Course authoring (心理健康教育): counsellors and supervisors build courses for the units in their scope. */
@Injectable()
export class CoursesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, input: CreateCourseDto): Promise<CourseDto> {
    return this.transactions.run(async (manager) => {
      await this.scope.requireUnit(manager, actor, input.orgUnitId);
      const course = manager.create(Course, {
        orgUnitId: input.orgUnitId,
        title: input.title.trim(),
        summary: input.summary ?? null,
        audience: normaliseAudience(input.audience),
        status: 'draft',
        createdBy: actor.userId,
        publishedAt: null,
      });
      await manager.save(course);
      await this.audit.record(manager, actor, { action: 'course.create', resourceType: 'course', resourceId: course.id });
      return toCourseDto(course, [], []);
    });
  }

  update(actor: Actor, courseId: string, input: UpdateCourseDto): Promise<CourseDto> {
    return this.transactions.run(async (manager) => {
      const course = await this.requireCourse(manager, actor, courseId);
      if (course.status === 'archived') throw conflict('COURSE_ARCHIVED', '课程已归档', 'The course is archived');
      if (input.title !== undefined) course.title = input.title.trim();
      if (input.summary !== undefined) course.summary = input.summary;
      if (input.audience !== undefined) course.audience = normaliseAudience(input.audience);
      await manager.save(course);
      await this.audit.record(manager, actor, {
        action: 'course.update',
        resourceType: 'course',
        resourceId: course.id,
        detail: { fields: Object.keys(input) },
      });
      return this.fullDto(manager, course);
    });
  }

  setStatus(actor: Actor, courseId: string, input: CourseStatusInput): Promise<CourseDto> {
    return this.transactions.run(async (manager) => {
      const course = await this.requireCourse(manager, actor, courseId);
      course.status = move(COURSE_TRANSITIONS, course.status, input.status);
      if (input.status === 'published') {
        if ((await manager.count(Lesson, { where: { courseId } })) === 0) {
          throw conflict('COURSE_EMPTY', '课程至少需要一节课才能发布', 'A course needs at least one lesson to be published');
        }
        course.publishedAt = this.clock.now();
      }
      await manager.save(course);
      await this.audit.record(manager, actor, {
        action: `course.${input.status === 'published' ? 'publish' : 'archive'}`,
        resourceType: 'course',
        resourceId: course.id,
      });
      return this.fullDto(manager, course);
    });
  }

  addLesson(actor: Actor, courseId: string, input: CreateLessonDto): Promise<LessonDto> {
    return this.transactions.run(async (manager) => {
      const course = await this.requireCourse(manager, actor, courseId);
      if (course.status !== 'draft') throw notDraft();
      const problem = lessonContentProblem(input.kind, input.body, input.url);
      if (problem === 'LESSON_BODY_REQUIRED') throw badRequest(problem, '文字课须填写正文（body）', 'A text lesson needs its text (body)');
      if (problem) throw badRequest(problem, '视频课和资料课须填写链接（url）', 'A video or material lesson needs its link (url)');
      const last = await manager.findOne(Lesson, { where: { courseId }, order: { position: 'DESC' }, select: { id: true, position: true } });
      const lesson = manager.create(Lesson, {
        courseId,
        position: (last?.position ?? 0) + 1,
        title: input.title.trim(),
        kind: input.kind,
        body: input.body ?? null,
        url: input.url ?? null,
      });
      await manager.save(lesson);
      await this.audit.record(manager, actor, { action: 'course.lesson_add', resourceType: 'course', resourceId: courseId, detail: { lessonId: lesson.id } });
      return toLessonDto(lesson);
    });
  }

  addQuiz(actor: Actor, courseId: string, input: CreateQuizDto): Promise<QuizDto> {
    return this.transactions.run(async (manager) => {
      const course = await this.requireCourse(manager, actor, courseId);
      if (course.status !== 'draft') throw notDraft();
      const questions = input.questions.map((q) => ({ prompt: q.prompt, options: q.options, answer: q.answer, points: q.points ?? 1 }));
      validateQuestions(questions);
      if (input.kind === 'knowledge' && input.passingScore === undefined) {
        throw badRequest('PASSING_SCORE_REQUIRED', '知识测验须设定及格分（passingScore，百分制）', 'A knowledge quiz needs passingScore (percent)');
      }
      if (input.kind === 'literacy') {
        if (input.passingScore !== undefined) {
          throw badRequest('PASSING_SCORE_NOT_ALLOWED', '素养测查用于前后对比，不设及格分', 'The literacy check compares before and after; it has no passing score');
        }
        if (await manager.exists(Quiz, { where: { courseId, kind: 'literacy' } })) {
          throw conflict('LITERACY_QUIZ_EXISTS', '每门课程只能有一份素养测查', 'A course has at most one literacy check');
        }
      }
      const quiz = manager.create(Quiz, {
        courseId,
        kind: input.kind,
        title: input.title.trim(),
        questions,
        passingScore: input.kind === 'knowledge' ? input.passingScore! : null,
      });
      await manager.save(quiz);
      await this.audit.record(manager, actor, { action: 'course.quiz_add', resourceType: 'course', resourceId: courseId, detail: { quizId: quiz.id, kind: quiz.kind } });
      return toQuizDto(quiz, true);
    });
  }

  list(actor: Actor): Promise<CourseSummaryDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(Course).createQueryBuilder('c').orderBy('c.createdAt', 'DESC').addOrderBy('c.id');
      this.scope.whereUnitInScope(qb, actor, 'c.org_unit_id');
      return (await qb.getMany()).map(toCourseSummaryDto);
    });
  }

  get(actor: Actor, courseId: string): Promise<CourseDto> {
    return this.transactions.read(async (manager) => this.fullDto(manager, await this.requireCourse(manager, actor, courseId)));
  }

  /** A course owned by a unit in the actor's subtree; 404 otherwise. */
  async requireCourse(manager: EntityManager, actor: Actor, courseId: string): Promise<Course> {
    const qb = manager.getRepository(Course).createQueryBuilder('c').where('c.id = :courseId', { courseId });
    const course = await this.scope.whereUnitInScope(qb, actor, 'c.org_unit_id').getOne();
    if (!course) throw notFound('Course', '该课程');
    return course;
  }

  private async fullDto(manager: EntityManager, course: Course): Promise<CourseDto> {
    const lessons = await manager.find(Lesson, { where: { courseId: course.id }, order: { position: 'ASC' } });
    const quizzes = await manager.find(Quiz, { where: { courseId: course.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return toCourseDto(course, lessons, quizzes);
  }
}
