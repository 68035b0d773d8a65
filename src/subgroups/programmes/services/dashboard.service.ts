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
import { publishCount, publishMean, streamOf, type PublishedCell } from '../../../platform/reporting/cell-key.js';
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
 * viewer (staff and officials in scope), with cell-key perturbation (src/platform/reporting/cell-key.ts, k from
 * REPORTING_MIN_CELL): every count is perturbed by the sum of its workers' record keys and withheld under k, so the
 * same workers give the same number here, in the overview and in the reports; every mean needs k workers and is
 * perturbed too.
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
      const { counts, keys } = await this.statusCounts(manager, programme.id);
      const taking = TAKING_PART.reduce((sum, status) => sum + counts[status], 0);
      const takingKey = TAKING_PART.reduce((sum, status) => sum + keys[status], 0);
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
        enrolment: this.enrolmentCells(counts, keys),
        participation: {
          anyActivity: this.part(participation.any, participation.anyKey),
          activities: activities.map((a, i) => ({
            activityId: a.id,
            kind: a.kind,
            title: a.title,
            scheduledAt: a.scheduledAt.toISOString(),
            status: a.status,
            participants: this.part(participation.byActivity[i], participation.keys[i]),
          })),
        },
        outcomes: await this.outcomes(manager, programme, activities, taking, takingKey),
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
        .innerJoin('workers', 'w', 'w.id = e.worker_id')
        .select('e.programme_id', 'programmeId')
        .addSelect('COUNT(*)', 'n')
        .addSelect('SUM(w.record_key)', 'rk')
        .where('e.programme_id IN (:...ids)', { ids: programmes.map((p) => p.id) })
        .andWhere(`e.status IN ${TAKING_SQL}`)
        .groupBy('e.programme_id')
        .getRawMany<{ programmeId: string; n: unknown; rk: unknown }>();
      const taking = new Map(rows.map((r) => [r.programmeId, { n: num(r.n), key: num(r.rk) }]));
      const subgroups = await this.access.subgroups(manager);
      return programmes.map((p) => ({
        id: p.id,
        title: p.title,
        subgroup: p.subgroupCode,
        subgroupName: subgroupName(subgroups.get(p.subgroupCode), p.subgroupCode),
        orgUnitId: p.orgUnitId,
        status: p.status,
        sensitive: p.sensitive,
        takingPart: publishCount(taking.get(p.id)?.n ?? 0, taking.get(p.id)?.key ?? 0, this.k),
      }));
    });
  }

  /** A count of workers, perturbed by their keys and withheld under k. */
  private part(count: number, key: number): PublishedCell {
    return publishCount(count, key, this.k);
  }

  private async statusCounts(manager: EntityManager, programmeId: string): Promise<{ counts: Record<EnrolmentStatus, number>; keys: Record<EnrolmentStatus, number> }> {
    const rows = await manager
      .createQueryBuilder()
      .from('programme_enrolments', 'e')
      .innerJoin('workers', 'w', 'w.id = e.worker_id')
      .select('e.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(w.record_key)', 'rk')
      .where('e.programme_id = :programmeId', { programmeId })
      .groupBy('e.status')
      .getRawMany<{ status: EnrolmentStatus; n: unknown; rk: unknown }>();
    const counts = Object.fromEntries(ENROLMENT_STATUSES.map((s) => [s, 0])) as Record<EnrolmentStatus, number>;
    const keys = { ...counts };
    for (const row of rows) {
      counts[row.status] = num(row.n);
      keys[row.status] = num(row.rk);
    }
    return { counts, keys };
  }

  /**
   * The statuses, their total, "taking part" (accepted + completed) and "not taking part", each perturbed by its own
   * workers' keys: no complement is needed, since subtracting perturbed counts gives no exact one.
   */
  private enrolmentCells(counts: Record<EnrolmentStatus, number>, keys: Record<EnrolmentStatus, number>): EnrolmentCountsDto {
    const sum = (statuses: readonly EnrolmentStatus[]) => [statuses.reduce((t, s) => t + counts[s], 0), statuses.reduce((t, s) => t + keys[s], 0)] as const;
    const cell = (statuses: readonly EnrolmentStatus[]) => this.part(...sum(statuses));
    const byStatus = Object.fromEntries(ENROLMENT_STATUSES.map((s) => [s, cell([s])])) as Record<EnrolmentStatus, PublishedCell>;
    return {
      ...byStatus,
      total: cell(ENROLMENT_STATUSES),
      takingPart: cell(TAKING_PART),
      notTakingPart: cell(ENROLMENT_STATUSES.filter((s) => !TAKING_PART.includes(s))),
    };
  }

  /** Workers taking part who took part in each activity, and in any: one statement over the enrolments. */
  private async participation(
    manager: EntityManager,
    programmeId: string,
    activities: ProgrammeActivity[],
  ): Promise<{ any: number; anyKey: number; byActivity: number[]; keys: number[] }> {
    const fragments = activities.map((a, i) => this.participantsOf(a, `pa${i}`));
    const params = Object.assign({ dashProgrammeId: programmeId }, ...fragments.map((f) => f.params)) as Record<string, unknown>;
    const any = fragments.length > 0 ? fragments.map((f) => `e.worker_id IN (${f.sql})`).join(' OR ') : '1 = 0';
    const columns = fragments
      .map((f, i) => `, SUM(CASE WHEN e.worker_id IN (${f.sql}) THEN 1 ELSE 0 END) AS "a${i}", SUM(CASE WHEN e.worker_id IN (${f.sql}) THEN w.record_key ELSE 0 END) AS "k${i}"`)
      .join('');
    const [row] = await queryNamed(
      manager,
      `SELECT SUM(CASE WHEN ${any} THEN 1 ELSE 0 END) AS "any", SUM(CASE WHEN ${any} THEN w.record_key ELSE 0 END) AS "anyk"${columns}
       FROM programme_enrolments e JOIN workers w ON w.id = e.worker_id
       WHERE e.programme_id = :dashProgrammeId AND e.status IN ${TAKING_SQL}`,
      params,
    );
    return {
      any: num(row.any),
      anyKey: num(row.anyk),
      byActivity: activities.map((_, i) => num(row[`a${i}`])),
      keys: activities.map((_, i) => num(row[`k${i}`])),
    };
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

  private async outcomes(manager: EntityManager, programme: CareProgramme, activities: ProgrammeActivity[], taking: number, takingKey: number): Promise<OutcomeDto[]> {
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
      // The measured workers are a subset of those taking part whose own keys the outcome does not carry: the cell key
      // is the cohort's on the statistic's stream, fixed for the same cohort and n.
      const mean = (value: number | null, n: number, stat: string) => {
        const measured = Math.min(n, taking);
        const key = takingKey + streamOf(`${code}:${stat}`);
        const published = publishMean(value, measured, key, this.k, `${code}:${stat}`, null);
        return { n: publishCount(measured, key, this.k), mean: published.value, suppressed: published.value === null };
      };
      results.push({
        instrumentCode: outcome.instrumentCode,
        scale: this.library.require(code).scoring.transform ? 'percent' : 'total',
        higherIsBetter: outcome.higherIsBetter,
        before: mean(outcome.before.mean, outcome.before.n, 'before'),
        after: mean(outcome.after.mean, outcome.after.n, 'after'),
        change: mean(outcome.paired.meanChange, outcome.paired.n, 'change'),
      });
    }
    return results;
  }
}
