import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { WorkerContacts, contactDisclosure } from '../../../people/workers/worker-contacts.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { CaseAccess } from '../../crisis/services/case-access.service.js';
import { IndividualHistory } from '../../shared/history.service.js';
import { Messages } from '../../shared/messages.js';
import { userFacts, userNames, workerFacts, workerNames } from '../../shared/people-reads.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import type { CreateReferralDto, ReferralDetailDto, ReferralDto, ReferralPageDto, ReferralQueryDto, UpdateReferralDto } from '../dto/referral.dto.js';
import { FollowUp } from '../entities/follow-up.entity.js';
import { Referral } from '../entities/referral.entity.js';
import { toFollowUpDto, toReferralDto } from '../referral-mapper.js';
import { ReferralErrors } from '../referral-errors.js';
import { ReferralAccess } from './referral-access.service.js';

/** `counselling.referral_requested` as the counselling module publishes it. */
export interface CounsellingReferralRequest {
  appointmentId: string;
  workerId: string;
  counsellorId: string;
  note?: string;
}

/**
 * Referrals (心理疾病的转介与帮扶): drafting, editing a draft, lists and one referral. Sending and outcomes are in
 * ReferralWorkflowService; follow-ups in FollowUpsService.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly cases: CaseAccess,
    private readonly access: ReferralAccess,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly contacts: WorkerContacts,
  ) {}

  create(actor: Actor, input: CreateReferralDto): Promise<ReferralDto> {
    return this.transactions.run(async (manager) => {
      let workerId = input.workerId;
      let grantId: string | null;
      if (input.caseId) {
        const { crisisCase, grantId: viaGrant } = await this.cases.requireCase(manager, actor, input.caseId);
        if (workerId && workerId !== crisisCase.workerId) throw ReferralErrors.caseWorkerMismatch();
        workerId = crisisCase.workerId;
        grantId = viaGrant;
      } else if (workerId) {
        grantId = await this.cases.requireWorker(manager, actor, workerId);
      } else {
        throw ReferralErrors.workerOrCase();
      }
      const referral = await this.insert(manager, actor, {
        workerId,
        caseId: input.caseId ?? null,
        ownerId: actor.userId,
        providerType: input.providerType ?? null,
        providerName: input.providerName?.trim() ?? null,
        vendorId: input.vendorId ?? null,
        reason: input.reason?.trim() || null,
        sourceType: 'counsellor',
        sourceId: null,
        createdBy: actor.userId,
      }, grantId);
      return toReferralDto(referral!);
    });
  }

  /**
   * `counselling.referral_requested`: a draft, once per appointment, owned by the counsellor who asked, who is told
   * to complete and send it.
   */
  async draftFromCounselling(manager: EntityManager, request: CounsellingReferralRequest): Promise<void> {
    const counsellor = await userFacts(manager, request.counsellorId);
    const referral = await this.insert(manager, SYSTEM_ACTOR, {
      workerId: request.workerId,
      caseId: null,
      ownerId: counsellor?.active ? counsellor.id : null,
      providerType: null,
      providerName: null,
      vendorId: null,
      reason: request.note?.trim() || null,
      sourceType: 'counselling',
      sourceId: request.appointmentId,
      createdBy: request.counsellorId,
    }, null);
    if (referral && counsellor?.active) await this.notifications.notify(manager, [{ userId: counsellor.id, email: counsellor.email }], Messages.referralDraft(referral.id));
  }

  /**
   * EXPORTED for the EAP module: an EAP referral sent without a tier referral gets one here (once per EAP referral), so
   * every referral to a vendor is in the tier's loop and on the worker's record. Returns its id, still a draft.
   */
  async draftForEap(manager: EntityManager, actor: Actor, input: { eapReferralId: string; workerId: string; vendorId: string; vendorName: string }): Promise<string> {
    const referral = await this.insert(manager, actor, {
      workerId: input.workerId,
      caseId: null,
      ownerId: actor.userId,
      providerType: 'eap_vendor',
      providerName: input.vendorName,
      vendorId: input.vendorId,
      reason: null,
      sourceType: 'eap',
      sourceId: input.eapReferralId,
      createdBy: actor.userId,
    }, null);
    if (referral) return referral.id;
    return (await manager.findOneOrFail(Referral, { where: { sourceType: 'eap', sourceId: input.eapReferralId } })).id;
  }

  update(actor: Actor, id: string, input: UpdateReferralDto): Promise<ReferralDto> {
    return this.transactions.run(async (manager) => {
      const { referral, grantId } = await this.access.require(manager, actor, id);
      if (referral.state !== 'draft') throw ReferralErrors.notDraft(referral.state);
      if (input.providerType !== undefined) referral.providerType = input.providerType;
      if (input.providerName !== undefined) referral.providerName = input.providerName.trim();
      if (input.vendorId !== undefined) referral.vendorId = input.vendorId;
      if (input.reason !== undefined) referral.reason = input.reason.trim() || null;
      if (referral.providerType !== 'eap_vendor') referral.vendorId = null;
      await manager.save(referral);
      await this.history.write(manager, actor, { subjectType: 'referral', subjectId: referral.id, workerId: referral.workerId, action: 'draft_edited', to: referral.providerType });
      await this.audit.record(manager, actor, {
        action: 'referral.update',
        resourceType: 'referral',
        resourceId: referral.id,
        workerId: referral.workerId,
        detail: { fields: Object.keys(input), ...(grantId ? { breakGlassGrantId: grantId } : {}) },
      });
      return toReferralDto(referral);
    });
  }

  /** Referrals of workers in scope, newest first (audited with the worker ids shown). */
  async list(actor: Actor, query: ReferralQueryDto): Promise<ReferralPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total, workers, owners } = await this.transactions.read(async (manager) => {
      const qb = manager.getRepository(Referral).createQueryBuilder('r');
      if (query.state) qb.andWhere('r.state = :state', { state: query.state });
      if (query.open !== undefined) qb.andWhere('r.open = :open', { open: query.open });
      if (query.workerId) qb.andWhere('r.worker_id = :workerId', { workerId: query.workerId });
      if (query.caseId) qb.andWhere('r.case_id = :caseId', { caseId: query.caseId });
      if (query.mine) qb.andWhere('r.owner_id = :ownerId', { ownerId: actor.userId });
      this.scope.whereWorkerInScope(qb, actor, 'r.worker_id');
      const [found, count] = await qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'ASC').skip((page - 1) * pageSize).take(pageSize).getManyAndCount();
      // The names of the page's workers (all in scope: the query above) and owners, one query each, never per row.
      return {
        rows: found,
        total: count,
        workers: await workerNames(manager, found.map((r) => r.workerId)),
        owners: await userNames(manager, found.map((r) => r.ownerId)),
      };
    });
    await this.audit.recordRead(actor, {
      action: 'referral.list',
      resourceType: 'referral',
      detail: { results: rows.length, total, workerIds: [...new Set(rows.map((r) => r.workerId))] },
    });
    const items = rows.map((r) => ({ ...toReferralDto(r), workerName: workers.get(r.workerId) ?? '', ownerName: r.ownerId ? (owners.get(r.ownerId) ?? null) : null }));
    return { items, total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<ReferralDetailDto> {
    const { referral, grantId, followUps, history, contact } = await this.transactions.read(async (manager) => {
      const reached = await this.access.require(manager, actor, id);
      return {
        ...reached,
        followUps: await manager.find(FollowUp, { where: { referralId: reached.referral.id }, order: { seq: 'ASC' } }),
        history: await this.history.of(manager, 'referral', reached.referral.id),
        contact: await this.contacts.one(manager, reached.referral.workerId),
      };
    });
    // The read and the disclosure of how to reach the worker, both durable before the answer leaves.
    await Promise.all([
      this.audit.recordRead(actor, {
        action: 'referral.read',
        resourceType: 'referral',
        resourceId: referral.id,
        workerId: referral.workerId,
        detail: grantId ? { breakGlassGrantId: grantId } : null,
      }),
      ...(contact ? [this.audit.recordRead(actor, contactDisclosure(referral.workerId, { via: 'referral', id: referral.id, breakGlassGrantId: grantId }))] : []),
    ]);
    const now = this.clock.now();
    return {
      referral: toReferralDto(referral),
      reason: referral.reason,
      outcomeNote: referral.outcomeNote,
      followUps: followUps.map((f) => toFollowUpDto(f, now)),
      history,
      contact,
    };
  }

  /** Inserts a draft (idempotent per source); null when the source already had one. */
  private async insert(
    manager: EntityManager,
    actor: Actor,
    fields: Pick<Referral, 'workerId' | 'caseId' | 'ownerId' | 'providerType' | 'providerName' | 'vendorId' | 'reason' | 'sourceType' | 'sourceId' | 'createdBy'>,
    grantId: string | null,
  ): Promise<Referral | null> {
    if (fields.sourceId && (await manager.exists(Referral, { where: { sourceType: fields.sourceType, sourceId: fields.sourceId } }))) return null;
    const worker = await workerFacts(manager, fields.workerId);
    if (!worker || worker.erased) throw notFound('Worker', '该职工');
    const id = randomUUID();
    const now = this.clock.now();
    await manager
      .createQueryBuilder()
      .insert()
      .into(Referral)
      .values({ ...fields, id, orgUnitId: worker.orgUnitId, state: 'draft', open: true, sentAt: null, outcomeAt: null, outcomeNote: null, createdAt: now })
      .orIgnore()
      .execute();
    const referral = await manager.findOne(Referral, { where: { id } });
    if (!referral) return null;
    await this.history.write(manager, actor, {
      subjectType: 'referral',
      subjectId: id,
      workerId: worker.id,
      action: 'drafted',
      to: 'draft',
      reason: fields.sourceType === 'counselling' ? '咨询中提出转介 / requested in a counselling session' : null,
    });
    await this.audit.record(manager, actor, {
      action: 'referral.create',
      resourceType: 'referral',
      resourceId: id,
      workerId: worker.id,
      detail: { sourceType: fields.sourceType, sourceId: fields.sourceId, caseId: fields.caseId, providerType: fields.providerType, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
    });
    return referral;
  }
}
