import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Not, type EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { CampaignCohorts } from '../../../population/assessments/campaigns/campaign-cohorts.service.js';
import { InstrumentLibrary } from '../../../population/assessments/instrument-library.service.js';
import { EducationLinks } from '../../../population/education/services/education-links.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { Clock } from '../../../platform/clock/clock.js';
import type { AppConfig } from '../../../platform/config/app-config.js';
import { queryNamed } from '../../../platform/database/named-query.js';
import type { SqlFragment } from '../../../platform/database/sql-fragment.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { suppressionMask, suppressMean, suppressPart, toCells, type CountCell } from '../../../platform/reporting/suppression.js';
import { ENROLMENT_STATUSES, TAKING_PART, type EnrolmentStatus } from '../domain/programme-rules.js';
import type { EnrolmentCountsDto, OutcomeDto, ProgrammeDashboardDto, ProgrammeOverviewDto } from '../dto/dashboard.dto.js';
import { CareProgramme } from '../entities/care-programme.entity.js';
import { ProgrammeActivity } from '../entities/programme-activity.entity.js';
import { subgroupName } from '../programmes.mapper.js';
import { ProgrammeAccess } from './programme-access.service.js';

const num = (value: unknown) => Number(value ?? 0);
const TAKING_SQL = `(${TAKING_PART.map((s) => `'${s}'`).join(', ')})`;

/**
 * The programme dashboard: enrolment, participation and outcome change, aggregates only and the same for every
 * viewer (staff and officials in scope), with small-cell suppression (src/platform/reporting/suppression.ts, k from
 * REPORTING_MIN_CELL). Linked counts are suppressed together: the enrolment statuses with their total and with
 * "taking part" / "not taking part", each activity's participants with the rest of those taking part, and every
 * mean over fewer than k workers.
 */
@Injectable()
export class DashboardService {
  private readonly k: number;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly access: ProgrammeAccess,
    private readonly cohorts: CampaignCohorts,
    private readonly education: EducationLinks,
    private readonly library: InstrumentLibrary,
    private readonly clock: Clock,
  ) {
    this.k = config.get('REPORTING_MIN_CELL', { infer: true });
  }

  dashboard(actor: Actor, programmeId: string): Promise<ProgrammeDashboardDto> {
    return this.transactions.read(async (manager) => {
      const programme = await this.access.require(manager, actor, programmeId);
      const counts = await this.statusCounts(manager, programme.id);
      const taking = TAKING_PART.reduce((sum, status) => sum + counts[status], 0);
      const activities = await manager.find(ProgrammeActivity, {
        where: { programmeId: programme.id, status: Not('cancelled') },
        order: { scheduledAt: 'ASC', id: 'ASC' },
      });
      const participation = await this.participation(manager, programme.id, activities);
      const subgroup = (await this.access.subgroups(manager)).get(programme.subgroupCode);
      return {
        programmeId: programme.id,
        title: programme.title,
        subgroup: programme.subgroupCode,
        subgroupName: subgroupName(subgroup, programme.subgroupCode),
        orgUnitId: programme.orgUnitId,
        status: programme.status,
        sensitive: programme.sensitive,
        minCellSize: this.k,
        enrolment: this.enrolmentCells(counts, taking),
        participation: {
          anyActivity: this.part(participation.any, taking),
          activities: activities.map((a, i) => ({
            activityId: a.id,
            kind: a.kind,
            title: a.title,
            scheduledAt: a.scheduledAt.toISOString(),
            status: a.status,
            participants: this.part(participation.byActivity[i], taking),
          })),
        },
        outcomes: await this.outcomes(manager, programme, activities, taking),
        generatedAt: this.clock.now().toISOString(),
      };
    });
  }

  /** GET /programmes/overview: the programmes in scope with one suppressed count each (for officials too). */
  overview(actor: Actor): Promise<ProgrammeOverviewDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(CareProgramme).createQueryBuilder('p').orderBy('p.created_at', 'DESC').addOrderBy('p.id');
      const programmes = await this.scope.whereUnitInScope(qb, actor, 'p.org_unit_id').getMany();
      if (programmes.length === 0) return [];
      const rows = await manager
        .createQueryBuilder()
        .from('programme_enrolments', 'e')
        .select('e.programme_id', 'programmeId')
        .addSelect('COUNT(*)', 'n')
        .where('e.programme_id IN (:...ids)', { ids: programmes.map((p) => p.id) })
        .andWhere(`e.status IN ${TAKING_SQL}`)
        .groupBy('e.programme_id')
        .getRawMany<{ programmeId: string; n: unknown }>();
      const taking = new Map(rows.map((r) => [r.programmeId, num(r.n)]));
      const subgroups = await this.access.subgroups(manager);
      return programmes.map((p) => ({
        id: p.id,
        title: p.title,
        subgroup: p.subgroupCode,
        subgroupName: subgroupName(subgroups.get(p.subgroupCode), p.subgroupCode),
        orgUnitId: p.orgUnitId,
        status: p.status,
        sensitive: p.sensitive,
        takingPart: toCells([taking.get(p.id) ?? 0], [(taking.get(p.id) ?? 0) < this.k])[0],
      }));
    });
  }

  /**
   * A part of those taking part. On PostgreSQL reads run statement by statement, so a worker accepting between the
   * counts could make a part exceed its whole by one: it is then read as the whole (and suppressed with it).
   */
  private part(part: number, whole: number): CountCell {
    return suppressPart(Math.min(part, whole), whole, this.k);
  }

  private async statusCounts(manager: EntityManager, programmeId: string): Promise<Record<EnrolmentStatus, number>> {
    const rows = await manager
      .createQueryBuilder()
      .from('programme_enrolments', 'e')
      .select('e.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('e.programme_id = :programmeId', { programmeId })
      .groupBy('e.status')
      .getRawMany<{ status: EnrolmentStatus; n: unknown }>();
    const counts = Object.fromEntries(ENROLMENT_STATUSES.map((s) => [s, 0])) as Record<EnrolmentStatus, number>;
    for (const row of rows) counts[row.status] = num(row.n);
    return counts;
  }

  /**
   * Linked counts, suppressed together: the five statuses add up to the total; accepted + completed are "taking
   * part"; invited + declined + withdrawn are "not taking part"; those two add up to the total again. Without the
   * last two lines a small "not taking part" group would be total − taking part.
   */
  private enrolmentCells(counts: Record<EnrolmentStatus, number>, taking: number): EnrolmentCountsDto {
    const total = ENROLMENT_STATUSES.reduce((sum, s) => sum + counts[s], 0);
    const values = [...ENROLMENT_STATUSES.map((s) => counts[s]), total, taking, total - taking];
    const [totalIndex, takingIndex, notTakingIndex] = [ENROLMENT_STATUSES.length, ENROLMENT_STATUSES.length + 1, ENROLMENT_STATUSES.length + 2];
    const indexOf = (status: EnrolmentStatus) => ENROLMENT_STATUSES.indexOf(status);
    const cells: CountCell[] = toCells(
      values,
      suppressionMask(
        values,
        [
          { members: ENROLMENT_STATUSES.map((_, i) => i), total: totalIndex },
          { members: TAKING_PART.map(indexOf), total: takingIndex },
          { members: ENROLMENT_STATUSES.filter((s) => !TAKING_PART.includes(s)).map(indexOf), total: notTakingIndex },
          { members: [takingIndex, notTakingIndex], total: totalIndex },
        ],
        this.k,
      ),
    );
    const byStatus = Object.fromEntries(ENROLMENT_STATUSES.map((s, i) => [s, cells[i]])) as Record<EnrolmentStatus, CountCell>;
    return { ...byStatus, total: cells[totalIndex], takingPart: cells[takingIndex], notTakingPart: cells[notTakingIndex] };
  }

  /** Workers taking part who took part in each activity, and in any: one statement over the enrolments. */
  private async participation(manager: EntityManager, programmeId: string, activities: ProgrammeActivity[]): Promise<{ any: number; byActivity: number[] }> {
    const fragments = activities.map((a, i) => this.participantsOf(a, `pa${i}`));
    const params = Object.assign({ dashProgrammeId: programmeId }, ...fragments.map((f) => f.params)) as Record<string, unknown>;
    const any = fragments.length > 0 ? fragments.map((f) => `e.worker_id IN (${f.sql})`).join(' OR ') : '1 = 0';
    const columns = fragments.map((f, i) => `, SUM(CASE WHEN e.worker_id IN (${f.sql}) THEN 1 ELSE 0 END) AS "a${i}"`).join('');
    const [row] = await queryNamed(
      manager,
      `SELECT SUM(CASE WHEN ${any} THEN 1 ELSE 0 END) AS "any"${columns}
       FROM programme_enrolments e WHERE e.programme_id = :dashProgrammeId AND e.status IN ${TAKING_SQL}`,
      params,
    );
    return { any: num(row.any), byActivity: activities.map((_, i) => num(row[`a${i}`])) };
  }

  private participantsOf(activity: ProgrammeActivity, key: string): SqlFragment {
    if (activity.kind === 'screening' && activity.campaignId) return this.cohorts.respondents(activity.campaignId, key);
    if (activity.kind === 'education' && activity.courseId) return this.education.participants({ kind: 'course', id: activity.courseId }, key);
    if (activity.kind === 'education' && activity.eventId) return this.education.participants({ kind: 'event', id: activity.eventId }, key);
    return {
      sql: `SELECT ${key}_p.worker_id FROM programme_attendance ${key}_p WHERE ${key}_p.activity_id = :${key} AND ${key}_p.status = 'present'`,
      params: { [key]: activity.id },
    };
  }

  private async outcomes(manager: EntityManager, programme: CareProgramme, activities: ProgrammeActivity[], taking: number): Promise<OutcomeDto[]> {
    const screenings = activities.filter((a) => a.kind === 'screening' && a.campaignId);
    const campaignsOf = (phase: string) => screenings.filter((a) => a.phase === phase).map((a) => a.campaignId!);
    const cohort: SqlFragment = {
      sql: `SELECT oc.worker_id FROM programme_enrolments oc WHERE oc.programme_id = :outcomeProgrammeId AND oc.status IN ${TAKING_SQL}`,
      params: { outcomeProgrammeId: programme.id },
    };
    const results: OutcomeDto[] = [];
    for (const code of programme.outcomeInstruments) {
      const outcome = await this.cohorts.outcome(manager, {
        instrumentCode: code,
        baselineCampaignIds: campaignsOf('baseline'),
        followUpCampaignIds: campaignsOf('follow_up'),
        cohort,
      });
      results.push({
        instrumentCode: outcome.instrumentCode,
        scale: this.library.require(code).scoring.transform ? 'percent' : 'total',
        higherIsBetter: outcome.higherIsBetter,
        before: suppressMean(outcome.before.mean, Math.min(outcome.before.n, taking), this.k, taking),
        after: suppressMean(outcome.after.mean, Math.min(outcome.after.n, taking), this.k, taking),
        change: suppressMean(outcome.paired.meanChange, Math.min(outcome.paired.n, taking), this.k, taking),
      });
    }
    return results;
  }
}
