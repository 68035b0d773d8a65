import { Injectable } from '@nestjs/common';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { num, numOrNull, rate } from '../../../platform/database/sql-helpers.js';
import type { LiteracyChangeDto, ParticipationQueryDto, ParticipationReportDto, LearningUnitParticipationDto } from '../dto/report.dto.js';
import { CoursesService } from './courses.service.js';
import { EventsService } from './events.service.js';

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * Aggregates for counsellors and supervisors, computed set-based in SQL over the actor's subtree. Participation is
 * attributed to the unit the worker belonged to when they enrolled or registered.
 */
@Injectable()
export class EducationReportsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly orgUnits: OrgUnitsService,
    private readonly courses: CoursesService,
    private readonly events: EventsService,
  ) {}

  async participation(actor: Actor, query: ParticipationQueryDto): Promise<ParticipationReportDto> {
    const unitNames = new Map((await this.orgUnits.list(actor)).map((unit) => [unit.id, unit.name]));
    return this.transactions.read(async (manager) => {
      if (query.courseId) await this.courses.requireCourse(manager, actor, query.courseId);
      if (query.eventId) await this.events.requireEvent(manager, actor, query.eventId);

      const enrolments = manager
        .createQueryBuilder()
        .select('e.org_unit_id', 'orgUnitId')
        .addSelect('COUNT(*)', 'enrolled')
        .addSelect(`SUM(CASE WHEN e.status = 'completed' THEN 1 ELSE 0 END)`, 'completed')
        .from('edu_enrolments', 'e')
        .groupBy('e.org_unit_id');
      this.scope.whereUnitInScope(enrolments, actor, 'e.org_unit_id');
      if (query.courseId) enrolments.andWhere('e.course_id = :courseId', { courseId: query.courseId });

      const seats = manager
        .createQueryBuilder()
        .select('r.org_unit_id', 'orgUnitId')
        .addSelect('COUNT(*)', 'seats')
        .addSelect(`SUM(CASE WHEN r.status = 'attended' THEN 1 ELSE 0 END)`, 'attended')
        .from('edu_event_registrations', 'r')
        .where(`r.status IN ('registered', 'attended')`)
        .groupBy('r.org_unit_id');
      this.scope.whereUnitInScope(seats, actor, 'r.org_unit_id');
      if (query.eventId) seats.andWhere('r.event_id = :eventId', { eventId: query.eventId });

      const rows = new Map<string, LearningUnitParticipationDto>();
      const row = (orgUnitId: string) => {
        if (!rows.has(orgUnitId)) {
          rows.set(orgUnitId, {
            orgUnitId,
            orgUnitName: unitNames.get(orgUnitId) ?? '',
            enrolled: 0,
            completed: 0,
            completionRate: null,
            eventSeats: 0,
            eventAttended: 0,
            attendanceRate: null,
          });
        }
        return rows.get(orgUnitId)!;
      };
      if (!query.eventId || query.courseId) {
        for (const r of await enrolments.getRawMany<{ orgUnitId: string; enrolled: unknown; completed: unknown }>()) {
          Object.assign(row(r.orgUnitId), { enrolled: num(r.enrolled), completed: num(r.completed) });
        }
      }
      if (!query.courseId || query.eventId) {
        for (const r of await seats.getRawMany<{ orgUnitId: string; seats: unknown; attended: unknown }>()) {
          Object.assign(row(r.orgUnitId), { eventSeats: num(r.seats), eventAttended: num(r.attended) });
        }
      }
      const result = [...rows.values()].map((r) => ({
        ...r,
        completionRate: rate(r.completed, r.enrolled),
        attendanceRate: rate(r.eventAttended, r.eventSeats),
      }));
      result.sort((a, b) => a.orgUnitName.localeCompare(b.orgUnitName, 'zh') || a.orgUnitId.localeCompare(b.orgUnitId));
      return { rows: result };
    });
  }

  /** 心理健康素养 before and after a course: means over the workers who took both checks (paired). */
  literacyChange(actor: Actor, courseId: string): Promise<LiteracyChangeDto> {
    return this.transactions.read(async (manager) => {
      await this.courses.requireCourse(manager, actor, courseId);
      const counts = manager
        .createQueryBuilder()
        .select('c.phase', 'phase')
        .addSelect('COUNT(*)', 'n')
        .from('edu_literacy_checks', 'c')
        .where('c.course_id = :courseId', { courseId })
        .groupBy('c.phase');
      this.scope.whereUnitInScope(counts, actor, 'c.org_unit_id');
      const byPhase = new Map((await counts.getRawMany<{ phase: string; n: unknown }>()).map((r) => [r.phase, num(r.n)]));

      const paired = manager
        .createQueryBuilder()
        .select('COUNT(*)', 'n')
        .addSelect('AVG(pre.score * 100.0 / pre.max_score)', 'meanPre')
        .addSelect('AVG(post.score * 100.0 / post.max_score)', 'meanPost')
        .from('edu_literacy_checks', 'pre')
        .innerJoin('edu_literacy_checks', 'post', `post.course_id = pre.course_id AND post.worker_id = pre.worker_id AND post.phase = 'post'`)
        .where(`pre.course_id = :courseId AND pre.phase = 'pre'`, { courseId });
      this.scope.whereUnitInScope(paired, actor, 'pre.org_unit_id');
      const result = await paired.getRawOne<{ n: unknown; meanPre: unknown; meanPost: unknown }>();
      const pairedN = num(result?.n);
      const meanPre = pairedN > 0 ? round1(numOrNull(result?.meanPre)) : null;
      const meanPost = pairedN > 0 ? round1(numOrNull(result?.meanPost)) : null;
      return {
        courseId,
        preCount: byPhase.get('pre') ?? 0,
        postCount: byPhase.get('post') ?? 0,
        pairedN,
        meanPre,
        meanPost,
        meanChange: meanPre !== null && meanPost !== null ? round1(meanPost - meanPre) : null,
      };
    });
  }
}
