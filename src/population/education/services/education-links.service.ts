import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { sqlKey, type SqlFragment } from '../../../platform/database/sql-fragment.js';
import { conflict, notFound } from '../../../platform/errors/domain-error.js';
import { Course } from '../entities/course.entity.js';
import { EducationEvent } from '../entities/education-event.entity.js';

/** A course or an event another module refers to (a care programme's education activity). */
export type EducationRef = { kind: 'course'; id: string } | { kind: 'event'; id: string };

export interface LinkedEducation {
  kind: 'course' | 'event';
  id: string;
  title: string;
  /** The event's start; null for a course. */
  startsAt: Date | null;
}

/**
 * The education module's exported seam for tiers above that link existing education (a care programme's education
 * activity): check a course or event may be linked, and count who took part, without reading these tables.
 */
@Injectable()
export class EducationLinks {
  constructor(private readonly scope: AccessScope) {}

  /**
   * A published course or a scheduled event whose unit is in the actor's subtree or above the actor's unit (content
   * from above reaches them); 404 when neither, 409 EDUCATION_NOT_LINKABLE for a draft/archived course or a
   * cancelled event.
   */
  async requireLinkable(manager: EntityManager, actor: Actor, ref: EducationRef): Promise<LinkedEducation> {
    const table = ref.kind === 'course' ? 'edu_courses' : 'edu_events';
    const qb = manager.createQueryBuilder().select('x.id', 'id').from(table, 'x').where('x.id = :linkId', { linkId: ref.id });
    const visible = await this.scope.whereUnitInLine(qb, actor, 'x.org_unit_id').getRawOne<{ id: string }>();
    if (!visible) throw notFound(ref.kind === 'course' ? 'Course' : 'Event', ref.kind === 'course' ? '该课程' : '该活动');
    if (ref.kind === 'course') {
      const course = await manager.findOneByOrFail(Course, { id: ref.id });
      if (course.status !== 'published') throw notLinkable();
      return { kind: 'course', id: course.id, title: course.title, startsAt: null };
    }
    const event = await manager.findOneByOrFail(EducationEvent, { id: ref.id });
    if (event.status !== 'scheduled') throw notLinkable();
    return { kind: 'event', id: event.id, title: event.title, startsAt: event.startsAt };
  }

  /** Who took part, as a subquery yielding `worker_id`: enrolled in the course, or checked in at the event. */
  participants(ref: EducationRef, key: string): SqlFragment {
    const k = sqlKey(key);
    if (ref.kind === 'course') {
      return { sql: `SELECT ${k}_e.worker_id FROM edu_enrolments ${k}_e WHERE ${k}_e.course_id = :${k}`, params: { [k]: ref.id } };
    }
    return {
      sql: `SELECT ${k}_e.worker_id FROM edu_event_registrations ${k}_e WHERE ${k}_e.event_id = :${k} AND ${k}_e.status = 'attended'`,
      params: { [k]: ref.id },
    };
  }
}

const notLinkable = () =>
  conflict('EDUCATION_NOT_LINKABLE', '只能关联已发布的课程或未取消的讲座、工作坊', 'Only a published course or a scheduled lecture or workshop can be linked');
