import { Injectable } from '@nestjs/common';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { WorkerListScreening } from '../assessment-contract.js';
import { ownWorkerId } from '../../../people/me/own-worker.js';
import type { Worker } from '../../../people/workers/worker.entity.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { dbTime } from '../../../platform/database/db-time.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { forbidden, notFound } from '../../../platform/errors/domain-error.js';
import { AssessmentErrors } from '../assessment-errors.js';
import type { CampaignDto, CampaignPageDto, CampaignQueryDto, CreateCampaignDto, MyCampaignDto } from '../dto/campaign.dto.js';
import { AssessmentResult } from '../entities/assessment-result.entity.js';
import { CampaignMember, CampaignTarget, ScreeningCampaign, type CampaignFilters } from '../entities/screening-campaign.entity.js';
import { InstrumentLibrary } from '../instrument-library.service.js';
import { matchesFilters, TARGETS_UNIT_SQL } from './campaign-audience.js';
import { campaignStatus, toCampaignDto } from './campaign-mapper.js';
import { CampaignReminders } from './campaign-reminders.service.js';

const DEFAULT_REMINDER_DAYS = 3;
const MEMBER_CHUNK = 1000;

/**
 * Screening campaigns (测评活动). Counsellors and supervisors launch them for units in their subtree; staff see the
 * campaigns launched in their subtree and those launched above them that reach their unit; workers see the open
 * campaigns that reach them.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly library: InstrumentLibrary,
    private readonly reminders: CampaignReminders,
  ) {}

  create(actor: Actor, input: CreateCampaignDto): Promise<CampaignDto> {
    return this.transactions.run((manager) => this.createIn(manager, actor, input));
  }

  /**
   * Creates a campaign in the caller's transaction, with the same checks as the route (exported for the tiers
   * above: a care programme's screening activity launches its campaign this way, never by writing these tables).
   */
  async createIn(manager: EntityManager, actor: Actor, input: CreateCampaignDto): Promise<CampaignDto> {
    const instrumentCodes = input.instrumentCodes.map((code) => this.library.require(code).code);
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    const now = this.clock.now();
    if (closesAt <= opensAt || closesAt <= now) throw AssessmentErrors.campaignDates();
    const filters = cleanFilters(input.filters ?? {});
    if (filters.birthYearFrom !== undefined && filters.birthYearTo !== undefined && filters.birthYearFrom > filters.birthYearTo) {
      throw AssessmentErrors.birthYears();
    }
    const targetUnitIds = input.targetUnitIds ?? [actor.orgUnitId];
    for (const unitId of targetUnitIds) await this.scope.requireUnit(manager, actor, unitId);
    const campaign = manager.create(ScreeningCampaign, {
      orgUnitId: actor.orgUnitId,
      title: input.title.trim(),
      description: input.description ?? null,
      instrumentCodes,
      filters,
      opensAt,
      closesAt,
      closedAt: null,
      reminderIntervalDays: input.reminderIntervalDays ?? DEFAULT_REMINDER_DAYS,
      reminderRound: 0,
      remindedAt: null,
      createdBy: actor.userId,
      createdAt: now,
    });
    await manager.save(campaign);
    await manager.insert(CampaignTarget, targetUnitIds.map((orgUnitId) => ({ campaignId: campaign.id, orgUnitId })));
    await this.audit.record(manager, actor, {
      action: 'campaign.create',
      resourceType: 'campaign',
      resourceId: campaign.id,
      detail: { instrumentCodes, targetUnitIds, filters: Object.keys(filters) },
    });
    await this.reminders.schedule(manager, campaign, 1);
    return toCampaignDto(campaign, targetUnitIds, now);
  }

  /**
   * EXPORTED for other modules (the individual tier re-screens the workers affected by a critical incident): a
   * `members` campaign reaching exactly these workers, created inside the caller's transaction. The caller has
   * already checked that the actor may reach every one of them; reminders work as for any campaign.
   */
  async createForWorkers(manager: EntityManager, actor: Actor, input: WorkerListScreening): Promise<CampaignDto> {
    const instrumentCodes = input.instrumentCodes.map((code) => this.library.require(code).code);
    if (input.closesAt <= input.opensAt) throw AssessmentErrors.campaignDates();
    const workerIds = [...new Set(input.workerIds)];
    const campaign = manager.create(ScreeningCampaign, {
      orgUnitId: input.orgUnitId,
      title: input.title.trim(),
      description: input.description ?? null,
      instrumentCodes,
      filters: {},
      audience: 'members',
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      closedAt: null,
      reminderIntervalDays: input.reminderIntervalDays ?? DEFAULT_REMINDER_DAYS,
      reminderRound: 0,
      remindedAt: null,
      createdBy: actor.userId,
      createdAt: this.clock.now(),
    });
    await manager.save(campaign);
    await manager.insert(CampaignTarget, { campaignId: campaign.id, orgUnitId: input.orgUnitId });
    for (let i = 0; i < workerIds.length; i += MEMBER_CHUNK) {
      await manager.insert(CampaignMember, workerIds.slice(i, i + MEMBER_CHUNK).map((workerId) => ({ campaignId: campaign.id, workerId })));
    }
    await this.audit.record(manager, actor, {
      action: 'campaign.create',
      resourceType: 'campaign',
      resourceId: campaign.id,
      detail: { instrumentCodes, audience: 'members', members: workerIds.length },
    });
    await this.reminders.schedule(manager, campaign, 1);
    return toCampaignDto(campaign, [input.orgUnitId], this.clock.now());
  }

  list(actor: Actor, query: CampaignQueryDto): Promise<CampaignPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    return this.transactions.read(async (manager) => {
      const qb = this.whereVisible(manager.getRepository(ScreeningCampaign).createQueryBuilder('c'), actor);
      const [rows, total] = await qb
        .orderBy('c.opens_at', 'DESC')
        .addOrderBy('c.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      const targets = await this.targetsOf(manager, rows.map((c) => c.id));
      const now = this.clock.now();
      return { items: rows.map((c) => toCampaignDto(c, targets.get(c.id) ?? [], now)), total, page, pageSize };
    });
  }

  get(actor: Actor, id: string): Promise<CampaignDto> {
    return this.transactions.read(async (manager) => {
      const campaign = await this.requireVisible(manager, actor, id);
      const targets = await this.targetsOf(manager, [id]);
      return toCampaignDto(campaign, targets.get(id) ?? [], this.clock.now());
    });
  }

  /** Ends a campaign early; only staff whose scope holds the launching unit. Pending reminders stop. */
  close(actor: Actor, id: string): Promise<CampaignDto> {
    return this.transactions.run((manager) => this.closeIn(manager, actor, id));
  }

  /** Closes a campaign in the caller's transaction, with the same checks (exported: a cancelled programme screening). */
  async closeIn(manager: EntityManager, actor: Actor, id: string): Promise<CampaignDto> {
    const campaign = await this.requireVisible(manager, actor, id);
    await this.requireManaged(manager, actor, campaign);
    const now = this.clock.now();
    if (campaignStatus(campaign, now) === 'closed') throw AssessmentErrors.campaignClosed();
    campaign.closedAt = now;
    await manager.save(campaign);
    await this.reminders.cancelPending(manager, campaign);
    await this.audit.record(manager, actor, { action: 'campaign.close', resourceType: 'campaign', resourceId: campaign.id });
    const targets = await this.targetsOf(manager, [id]);
    return toCampaignDto(campaign, targets.get(id) ?? [], now);
  }

  /** The worker's open campaigns, with what they have already answered. */
  mine(actor: Actor): Promise<MyCampaignDto[]> {
    return this.transactions.read(async (manager) => {
      const worker = await this.scope.requireWorker(manager, actor, ownWorkerId(actor));
      const now = dbTime(this.clock.now());
      const open = await manager
        .getRepository(ScreeningCampaign)
        .createQueryBuilder('c')
        .where('c.closed_at IS NULL AND c.opens_at <= :now AND c.closes_at > :now', { now })
        .andWhere(TARGETS_UNIT_SQL, { targetedUnitId: worker.orgUnitId, targetedWorkerId: worker.id })
        .orderBy('c.closes_at', 'ASC')
        .getMany();
      const mine = open.filter((c) => matchesFilters(c.filters, worker));
      if (mine.length === 0) return [];
      const answered = await manager.find(AssessmentResult, {
        where: { workerId: worker.id, campaignId: In(mine.map((c) => c.id)) },
        select: { id: true, campaignId: true, instrumentCode: true },
      });
      const done = new Set(answered.map((r) => `${r.campaignId}|${r.instrumentCode}`));
      return mine.map((c) => {
        const instruments = c.instrumentCodes.map((code) => ({
          code,
          name: this.library.find(code)?.name ?? { zh: code, en: code },
          completed: done.has(`${c.id}|${code}`),
        }));
        return {
          id: c.id,
          title: c.title,
          description: c.description,
          closesAt: c.closesAt.toISOString(),
          instruments,
          completed: instruments.every((i) => i.completed),
        };
      });
    });
  }

  /**
   * A submission for a campaign: it must reach the worker (404 otherwise), be open, include the instrument, and not
   * have been answered with it already.
   */
  async requireOpenFor(manager: EntityManager, campaignId: string, worker: Worker, instrumentCode: string): Promise<ScreeningCampaign> {
    const campaign = await manager
      .getRepository(ScreeningCampaign)
      .createQueryBuilder('c')
      .where('c.id = :campaignId', { campaignId })
      .andWhere(TARGETS_UNIT_SQL, { targetedUnitId: worker.orgUnitId, targetedWorkerId: worker.id })
      .getOne();
    if (!campaign || !matchesFilters(campaign.filters, worker)) throw notFound('Campaign', '该测评活动');
    if (campaignStatus(campaign, this.clock.now()) !== 'open') throw AssessmentErrors.campaignNotOpen();
    if (!campaign.instrumentCodes.includes(instrumentCode)) throw AssessmentErrors.instrumentNotInCampaign(instrumentCode);
    if (await manager.exists(AssessmentResult, { where: { campaignId, workerId: worker.id, instrumentCode } })) {
      throw AssessmentErrors.alreadyAnswered(instrumentCode);
    }
    return campaign;
  }

  /** A campaign the staff member may see (launched in their subtree, or above them and reaching their unit); else 404. */
  async requireVisible(manager: EntityManager, actor: Actor, id: string): Promise<ScreeningCampaign> {
    const qb = manager.getRepository(ScreeningCampaign).createQueryBuilder('c').where('c.id = :id', { id });
    const campaign = await this.whereVisible(qb, actor).getOne();
    if (!campaign) throw notFound('Campaign', '该测评活动');
    return campaign;
  }

  private whereVisible(qb: SelectQueryBuilder<ScreeningCampaign>, actor: Actor): SelectQueryBuilder<ScreeningCampaign> {
    return this.scope.whereUnitInLine(qb, actor, 'c.org_unit_id');
  }

  private async requireManaged(manager: EntityManager, actor: Actor, campaign: ScreeningCampaign): Promise<void> {
    await this.scope.requireUnit(manager, actor, campaign.orgUnitId).catch(() => {
      throw forbidden('CAMPAIGN_NOT_MANAGED', '只有发起单位及其上级单位的工作人员可以管理该测评活动', 'Only staff of the launching unit or above may manage this campaign');
    });
  }

  private async targetsOf(manager: EntityManager, campaignIds: string[]): Promise<Map<string, string[]>> {
    const byCampaign = new Map<string, string[]>();
    if (campaignIds.length === 0) return byCampaign;
    const rows = await manager.find(CampaignTarget, { where: { campaignId: In(campaignIds) }, order: { orgUnitId: 'ASC' } });
    for (const row of rows) byCampaign.set(row.campaignId, [...(byCampaign.get(row.campaignId) ?? []), row.orgUnitId]);
    return byCampaign;
  }
}

/** Keeps only the filters given (class instances and undefined keys do not belong in the JSON column). */
function cleanFilters(input: CampaignFilters): CampaignFilters {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
