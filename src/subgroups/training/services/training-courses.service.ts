import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { hoursToMinutes } from '../domain/certification-rules.js';
import {
  AUDIENCE_LABELS,
  CERTIFICATION_LABELS,
  METHOD_LABELS,
  TOPIC_LABELS,
} from '../domain/training-catalogue.js';
import type { CreateTrainingCourseDto, CreateTrainingSessionDto, TrainingCatalogueDto, TrainingCourseDto, TrainingSessionDto } from '../dto/training.dto.js';
import { TrainingCourse } from '../entities/training-course.entity.js';
import { TrainingSession } from '../entities/training-session.entity.js';
import { TrainingErrors } from '../training-errors.js';
import { toSessionDto, toTrainingCourseDto } from '../training.mapper.js';
import { TrainingAccess } from './training-access.service.js';

const labels = (table: Record<string, { zh: string; en: string }>) => Object.entries(table).map(([code, l]) => ({ code, ...l }));

/** 干部培养: training courses for union cadres and counsellors, and their sessions. */
@Injectable()
export class TrainingCoursesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly access: TrainingAccess,
    private readonly audit: AuditService,
  ) {}

  catalogue(_actor: Actor): TrainingCatalogueDto {
    return {
      topics: labels(TOPIC_LABELS),
      methods: labels(METHOD_LABELS),
      audiences: labels(AUDIENCE_LABELS),
      certificationTypes: labels(CERTIFICATION_LABELS),
    };
  }

  create(actor: Actor, input: CreateTrainingCourseDto): Promise<TrainingCourseDto> {
    if ((input.certificationType === undefined) !== (input.certificationMonths === undefined)) throw TrainingErrors.certificationMonths();
    return this.transactions.run(async (manager) => {
      const orgUnitId = input.orgUnitId ?? actor.orgUnitId;
      await this.scope.requireUnit(manager, actor, orgUnitId);
      const course = manager.create(TrainingCourse, {
        orgUnitId,
        title: input.title.trim(),
        description: input.description ?? null,
        topic: input.topic,
        methods: input.methods,
        audience: input.audience,
        passingScore: input.passingScore ?? 60,
        certificationType: input.certificationType ?? null,
        certificationMonths: input.certificationMonths ?? null,
        status: 'active',
        createdBy: actor.userId,
      });
      await manager.save(course);
      await this.audit.record(manager, actor, {
        action: 'training_course.create',
        resourceType: 'training_course',
        resourceId: course.id,
        detail: { topic: course.topic, certificationType: course.certificationType },
      });
      return toTrainingCourseDto(course, []);
    });
  }

  list(actor: Actor): Promise<TrainingCourseDto[]> {
    return this.transactions.read(async (manager) => {
      const courses = await this.access.visibleCourses(manager, actor).orderBy('c.created_at', 'DESC').addOrderBy('c.id').getMany();
      if (courses.length === 0) return [];
      const sessions = await manager.find(TrainingSession, { where: { courseId: In(courses.map((c) => c.id)) }, order: { startsAt: 'ASC', id: 'ASC' } });
      return courses.map((c) => toTrainingCourseDto(c, sessions.filter((s) => s.courseId === c.id)));
    });
  }

  get(actor: Actor, courseId: string): Promise<TrainingCourseDto> {
    return this.transactions.read(async (manager) => {
      const course = await this.access.requireVisibleCourse(manager, actor, courseId);
      const sessions = await manager.find(TrainingSession, { where: { courseId }, order: { startsAt: 'ASC', id: 'ASC' } });
      return toTrainingCourseDto(course, sessions);
    });
  }

  addSession(actor: Actor, courseId: string, input: CreateTrainingSessionDto): Promise<TrainingSessionDto> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw TrainingErrors.sessionTimes();
    return this.transactions.run(async (manager) => {
      const course = await this.access.requireManagedCourse(manager, actor, courseId);
      if (course.status === 'archived') throw TrainingErrors.courseArchived();
      if (!course.methods.includes(input.method)) throw TrainingErrors.methodNotInCourse(input.method);
      const session = manager.create(TrainingSession, {
        courseId,
        title: input.title.trim(),
        method: input.method,
        startsAt,
        endsAt,
        ceMinutes: hoursToMinutes(input.ceHours),
        place: input.place ?? null,
        createdBy: actor.userId,
      });
      await manager.save(session);
      await this.audit.record(manager, actor, { action: 'training_session.create', resourceType: 'training_course', resourceId: courseId, detail: { sessionId: session.id } });
      return toSessionDto(session);
    });
  }
}
