import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { TrainingCourse } from '../entities/training-course.entity.js';
import { TrainingErrors } from '../training-errors.js';

/**
 * Who may see and run training: a course is visible to staff of its unit's subtree and above it (a provincial
 * course reaches city cadres), managed by organisers whose subtree holds its unit; trainees and certification
 * holders are staff accounts in the organiser's scope (404 otherwise). The people table `users` is read by name,
 * read-only and set-wise, as AccessScope reads `workers`.
 */
@Injectable()
export class TrainingAccess {
  constructor(private readonly scope: AccessScope) {}

  /** Visible: the course's unit is in the actor's subtree, or above the actor's unit. */
  async requireVisibleCourse(manager: EntityManager, actor: Actor, courseId: string): Promise<TrainingCourse> {
    const course = await this.visibleCourses(manager, actor).andWhere('c.id = :courseId', { courseId }).getOne();
    if (!course) throw notFound('Training course', '该培训课程');
    return course;
  }

  visibleCourses(manager: EntityManager, actor: Actor) {
    return this.scope.whereUnitInLine(manager.getRepository(TrainingCourse).createQueryBuilder('c'), actor, 'c.org_unit_id');
  }

  /** Managed: the course's unit is in the actor's subtree (404 otherwise). */
  async requireManagedCourse(manager: EntityManager, actor: Actor, courseId: string): Promise<TrainingCourse> {
    const qb = manager.getRepository(TrainingCourse).createQueryBuilder('c').where('c.id = :courseId', { courseId });
    const course = await this.scope.whereUnitInScope(qb, actor, 'c.org_unit_id').getOne();
    if (!course) throw notFound('Training course', '该培训课程');
    return course;
  }

  /** Staff accounts in the actor's scope (404 for anyone outside it, 400 for worker accounts). */
  async requireStaff(manager: EntityManager, actor: Actor, userIds: string[]): Promise<StaffRow[]> {
    if (userIds.length === 0) return [];
    const qb = this.staffQuery(manager).where('u.id IN (:...userIds)', { userIds });
    const users = await this.scope.whereUnitInScope(qb, actor, 'u.org_unit_id').getRawMany<StaffRow>();
    if (users.length !== new Set(userIds).size) throw notFound('User', '该用户');
    const workers = users.filter((u) => u.role === 'worker').map((u) => u.id);
    if (workers.length > 0) throw TrainingErrors.notStaff(workers);
    return users;
  }

  staffQuery(manager: EntityManager) {
    return manager
      .createQueryBuilder()
      .from('users', 'u')
      .select(['u.id AS id', 'u.display_name AS "displayName"', 'u.role AS role', 'u.org_unit_id AS "orgUnitId"']);
  }
}

export interface StaffRow {
  id: string;
  displayName: string;
  role: string;
  orgUnitId: string;
}
