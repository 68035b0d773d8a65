import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { ScreeningContract } from '../../../population/assessments/assessment-contract.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { move } from '../../../platform/state-machine.js';
import { IndividualHistory } from '../../shared/history.service.js';
import { IndividualSettings } from '../../shared/settings.js';
import { INCIDENT_TRANSITIONS, RESCREEN_INSTRUMENTS, rescreenRounds } from '../domain/incident-rules.js';
import type {
  AffectedPageDto,
  AffectedQueryDto,
  IncidentCoverageDto,
  IncidentDetailDto,
  IncidentDto,
  IncidentPageDto,
  IncidentQueryDto,
  IncidentTransitionDto,
  RecordIncidentDto,
} from '../dto/incident.dto.js';
import { CriticalIncident, IncidentScreening, IncidentSession, IncidentWorker } from '../entities/incident.entity.js';
import { IncidentErrors } from '../incident-errors.js';
import { IncidentCoverageService } from './incident-coverage.service.js';
import { pathWithin } from '../../../people/access/org-subtree.js';

const CHUNK = 1000;

export const toIncidentDto = (i: CriticalIncident): IncidentDto => ({
  id: i.id,
  orgUnitId: i.orgUnitId,
  type: i.type,
  title: i.title,
  occurredAt: i.occurredAt.toISOString(),
  affectedBy: i.affectedBy,
  affectedCount: i.affectedCount,
  state: i.state,
  createdBy: i.createdBy,
  createdAt: i.createdAt.toISOString(),
  closedAt: i.closedAt ? i.closedAt.toISOString() : null,
});

/**
 * 特殊心理事件的善后处理: recording an incident fixes its affected group (set-based, from a unit's subtree or a list of
 * workers in scope) and schedules the re-screening campaigns (PCL-5 and PHQ-9, INCIDENT_RESCREEN_DAYS after it)
 * through the assessments module's ScreeningContract, all in one transaction.
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly screening: ScreeningContract,
    private readonly coverage: IncidentCoverageService,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: IndividualSettings,
  ) {}

  record(actor: Actor, input: RecordIncidentDto): Promise<IncidentDetailDto> {
    if ((input.orgUnitId === undefined) === (input.workerIds === undefined)) throw IncidentErrors.affectedRequired();
    const occurredAt = new Date(input.occurredAt);
    const now = this.clock.now();
    if (occurredAt > now) throw IncidentErrors.inFuture();
    return this.transactions.run(async (manager) => {
      if (input.orgUnitId) await this.scope.requireUnit(manager, actor, input.orgUnitId);
      else await this.requireWorkersInScope(manager, actor, input.workerIds!);
      const incident = manager.create(CriticalIncident, {
        orgUnitId: input.orgUnitId ?? actor.orgUnitId,
        type: input.type,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        occurredAt,
        affectedBy: input.orgUnitId ? 'unit' : 'workers',
        affectedCount: 0,
        state: 'open',
        createdBy: actor.userId,
        closedAt: null,
        createdAt: now,
      });
      await manager.save(incident);
      if (input.orgUnitId) await this.insertSubtree(manager, incident.id, input.orgUnitId);
      else for (let i = 0; i < input.workerIds!.length; i += CHUNK) {
        await manager.insert(IncidentWorker, input.workerIds!.slice(i, i + CHUNK).map((workerId) => ({ incidentId: incident.id, workerId })));
      }
      const affected = (await manager.find(IncidentWorker, { where: { incidentId: incident.id }, select: { workerId: true } })).map((r) => r.workerId);
      incident.affectedCount = affected.length;
      await manager.update(CriticalIncident, { id: incident.id }, { affectedCount: affected.length });
      if (affected.length > 0) {
        for (const round of rescreenRounds(occurredAt, now, this.settings.rescreenDays, this.settings.rescreenWindowMs)) {
          const campaign = await this.screening.scheduleForWorkers(manager, actor, {
            orgUnitId: incident.orgUnitId,
            title: `关怀回访（第 ${round.round} 次）/ Wellbeing check-in (${round.round})`,
            description: '最近单位里发生了让人难过的事情，我们想了解你现在的状态。回答只有为你服务的心理服务人员能看到。 / Something distressing happened at work recently; we would like to know how you are. Only the counsellors serving you see your answers.',
            instrumentCodes: [...RESCREEN_INSTRUMENTS],
            workerIds: affected,
            opensAt: round.opensAt,
            closesAt: round.closesAt,
          });
          await manager.insert(IncidentScreening, { incidentId: incident.id, campaignId: campaign.id, round: round.round, offsetDays: round.offsetDays, opensAt: round.opensAt, closesAt: round.closesAt });
        }
      }
      await this.history.write(manager, actor, { subjectType: 'incident', subjectId: incident.id, action: 'recorded', to: 'open', reason: `${incident.type}; ${affected.length}` });
      await this.audit.record(manager, actor, {
        action: 'incident.create',
        resourceType: 'incident',
        resourceId: incident.id,
        detail: { type: incident.type, affectedBy: incident.affectedBy, affected: affected.length },
      });
      return this.detail(manager, incident);
    });
  }

  list(actor: Actor, query: IncidentQueryDto): Promise<IncidentPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(CriticalIncident).createQueryBuilder('i');
      if (query.state) qb.andWhere('i.state = :state', { state: query.state });
      this.scope.whereUnitInScope(qb, actor, 'i.org_unit_id');
      const [rows, total] = await qb.orderBy('i.occurred_at', 'DESC').addOrderBy('i.id', 'ASC').skip((page - 1) * pageSize).take(pageSize).getManyAndCount();
      return { items: rows.map(toIncidentDto), total, page, pageSize };
    });
  }

  /** The incident with its sessions, re-screenings, coverage and history (audited: the description may name people). */
  async get(actor: Actor, id: string): Promise<IncidentDetailDto> {
    const detail = await this.transactions.read(async (manager) => this.detail(manager, await this.requireIncident(manager, actor, id)));
    await this.audit.recordRead(actor, { action: 'incident.read', resourceType: 'incident', resourceId: detail.incident.id });
    return detail;
  }

  /** Coverage counts only (no individual data: not audited as a disclosure). */
  coverageOf(actor: Actor, id: string): Promise<IncidentCoverageDto> {
    return this.transactions.read(async (manager) => this.coverage.of(manager, await this.requireIncident(manager, actor, id)));
  }

  /** The affected workers, by name, with whether a session has reached them (audited with the ids shown). */
  async affected(actor: Actor, id: string, query: AffectedQueryDto): Promise<AffectedPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { incident, rows, total } = await this.transactions.read(async (manager) => {
      const incident = await this.requireIncident(manager, actor, id);
      const reached = 'EXISTS (SELECT 1 FROM incident_attendance ia WHERE ia.incident_id = iw.incident_id AND ia.worker_id = iw.worker_id AND ia.attended = TRUE)';
      const qb = manager
        .createQueryBuilder()
        .from('incident_workers', 'iw')
        .innerJoin('workers', 'w', 'w.id = iw.worker_id')
        .where('iw.incident_id = :incidentId', { incidentId: incident.id });
      if (query.unreached) qb.andWhere(`NOT ${reached}`);
      const total = Number((await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: unknown }>())?.n ?? 0);
      const rows = await qb
        .select(['iw.worker_id AS "workerId"', 'w.name AS name', 'w.org_unit_id AS "orgUnitId"'])
        .addSelect(`CASE WHEN ${reached} THEN 1 ELSE 0 END`, 'reached')
        .orderBy('w.name', 'ASC')
        .addOrderBy('iw.worker_id', 'ASC')
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getRawMany<{ workerId: string; name: string; orgUnitId: string; reached: unknown }>();
      return { incident, rows, total };
    });
    await this.audit.recordRead(actor, {
      action: 'incident.affected.read',
      resourceType: 'incident',
      resourceId: incident.id,
      detail: { results: rows.length, workerIds: rows.map((r) => r.workerId) },
    });
    return { items: rows.map((r) => ({ workerId: r.workerId, name: r.name, orgUnitId: r.orgUnitId, reached: Number(r.reached) === 1 })), total, page, pageSize };
  }

  transition(actor: Actor, id: string, input: IncidentTransitionDto): Promise<IncidentDetailDto> {
    return this.transactions.run(async (manager) => {
      const incident = await this.requireIncident(manager, actor, id);
      const from = incident.state;
      move(INCIDENT_TRANSITIONS, from, input.to);
      if (!input.reason.trim()) throw IncidentErrors.reasonRequired();
      incident.state = input.to;
      incident.closedAt = input.to === 'closed' ? this.clock.now() : null;
      await manager.update(CriticalIncident, { id: incident.id }, { state: incident.state, closedAt: incident.closedAt });
      await this.history.write(manager, actor, { subjectType: 'incident', subjectId: incident.id, action: 'state_changed', from, to: input.to, reason: input.reason.trim() });
      await this.audit.record(manager, actor, { action: 'incident.transition', resourceType: 'incident', resourceId: incident.id, detail: { from, to: input.to } });
      return this.detail(manager, incident);
    });
  }

  /** An incident whose unit is in the actor's scope; 404 otherwise. */
  async requireIncident(manager: EntityManager, actor: Actor, id: string): Promise<CriticalIncident> {
    const qb = manager.getRepository(CriticalIncident).createQueryBuilder('i').where('i.id = :id', { id });
    const incident = await this.scope.whereUnitInScope(qb, actor, 'i.org_unit_id').getOne();
    if (!incident) throw IncidentErrors.notFound();
    return incident;
  }

  private async detail(manager: EntityManager, incident: CriticalIncident): Promise<IncidentDetailDto> {
    const sessions = await manager
      .getRepository(IncidentSession)
      .createQueryBuilder('s')
      .where('s.incident_id = :id', { id: incident.id })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
    const counts = await manager
      .createQueryBuilder()
      .from('incident_attendance', 'ia')
      .select('ia.session_id', 'sessionId')
      .addSelect('COUNT(*)', 'n')
      .where('ia.incident_id = :id AND ia.attended = TRUE', { id: incident.id })
      .groupBy('ia.session_id')
      .getRawMany<{ sessionId: string; n: unknown }>();
    const attended = new Map(counts.map((c) => [c.sessionId, Number(c.n)]));
    const screenings = await manager.find(IncidentScreening, { where: { incidentId: incident.id }, order: { round: 'ASC' } });
    return {
      incident: toIncidentDto(incident),
      description: incident.description,
      sessions: sessions.map((s) => ({
        id: s.id,
        kind: s.kind,
        startsAt: s.startsAt.toISOString(),
        location: s.location,
        facilitatorId: s.facilitatorId,
        attended: attended.get(s.id) ?? 0,
      })),
      screenings: screenings.map((s) => ({ campaignId: s.campaignId, round: s.round, offsetDays: s.offsetDays, opensAt: s.opensAt.toISOString(), closesAt: s.closesAt.toISOString() })),
      coverage: await this.coverage.of(manager, incident),
      history: await this.history.of(manager, 'incident', incident.id),
    };
  }

  /** Every (not erased) worker of the unit's subtree, in one INSERT … SELECT. */
  private async insertSubtree(manager: EntityManager, incidentId: string, unitId: string): Promise<void> {
    const select: SelectQueryBuilder<object> = manager
      .createQueryBuilder()
      .from('workers', 'w')
      .innerJoin('org_units', 'u', 'u.id = w.org_unit_id')
      .innerJoin('org_units', 't', 't.id = :affectedUnitId', { affectedUnitId: unitId })
      .innerJoin('critical_incidents', 'i', 'i.id = :incidentId', { incidentId })
      .select('i.id', 'incident_id')
      .addSelect('w.id', 'worker_id')
      .where(pathWithin('u.path', 't.path'))
      .andWhere('NOT w.erased');
    const [sql, params] = select.getQueryAndParameters();
    await manager.query(`INSERT INTO incident_workers (incident_id, worker_id) SELECT s.incident_id, s.worker_id FROM (${sql}) s`, params);
  }

  /** Every listed worker exists, is not erased and is in scope; else 404 (which one is not revealed). */
  private async requireWorkersInScope(manager: EntityManager, actor: Actor, workerIds: string[]): Promise<void> {
    for (let i = 0; i < workerIds.length; i += CHUNK) {
      const chunk = workerIds.slice(i, i + CHUNK);
      const qb = manager
        .createQueryBuilder()
        .from('workers', 'w')
        .select('COUNT(*)', 'n')
        .where('w.id IN (:...ids)', { ids: chunk })
        .andWhere('NOT w.erased');
      this.scope.whereUnitInScope(qb, actor, 'w.org_unit_id');
      const found = Number((await qb.getRawOne<{ n: unknown }>())?.n ?? 0);
      if (found !== chunk.length) throw notFound('Worker', '名单中的职工');
    }
  }
}
