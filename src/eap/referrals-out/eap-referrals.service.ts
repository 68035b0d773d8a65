import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import type { Worker } from '../../people/workers/worker.entity.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { asNotFound, EapErrors } from '../eap-errors.js';
import type { ContactPreference } from '../shared/eap-services.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import type {
  ContactPreferenceDto,
  CreateEapReferralDto,
  EapReferralDto,
  EapReferralPreviewDto,
  EapReferralQueryDto,
  EapReferralSummaryDto,
  UpdateEapReferralDto,
} from './eap-referral.dto.js';
import { EapReferral } from './eap-referral.entity.js';
import { IndividualReferralLink } from './individual-link.js';
import { toEapReferralDto, toEapReferralSummaryDto } from './eap-referral-mapper.js';
import { ReferralComposer } from './referral-composer.js';
import { ReferralHistory } from './referral-history.js';
import { move } from './referral-state.js';
import { newVendorReferralId } from './shared-data.js';

const PHONE = /^\+?[0-9][0-9 -]{4,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A contact preference that fits its channel: a number for phone, an address for email, nothing otherwise. */
export function contactPreference(input: ContactPreferenceDto): ContactPreference {
  const detail = input.detail?.trim() || null;
  const fits =
    input.channel === 'phone' ? detail !== null && PHONE.test(detail) : input.channel === 'email' ? detail !== null && EMAIL.test(detail) : detail === null;
  if (!fits) throw EapErrors.contactDetail(input.channel);
  return { channel: input.channel, detail, bestTime: input.bestTime?.trim() || null };
}

/**
 * EAP referrals on the counsellor's side: drafted for a worker in scope, edited while a draft, previewed (exactly what
 * the vendor would receive, and whether it may go now), read (audited: the summary is sensitive) and listed.
 */
@Injectable()
export class EapReferralsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly composer: ReferralComposer,
    private readonly history: ReferralHistory,
    private readonly link: IndividualReferralLink,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  draft(actor: Actor, input: CreateEapReferralDto): Promise<EapReferralDto> {
    const contact = contactPreference(input.contactPreference);
    return this.transactions.run(async (manager) => {
      const worker = await this.scope.requireWorker(manager, actor, input.workerId);
      const vendor = await this.requireVendor(manager, input.vendorId);
      if (input.individualReferralId) await this.link.check(manager, actor, input.individualReferralId, { workerId: worker.id, vendorId: vendor.id });
      const referral = manager.create(EapReferral, {
        vendorRef: newVendorReferralId(() => randomBytes(15)),
        workerId: worker.id,
        vendorId: vendor.id,
        contractId: null,
        individualReferralId: input.individualReferralId ?? null,
        service: input.service,
        urgency: input.urgency,
        contactPreference: contact,
        summary: input.summary.trim(),
        status: 'draft',
        sharedData: null,
        sharedSha256: null,
        sentAt: null,
        sentBy: null,
        acceptedAt: null,
        declinedAt: null,
        firstSessionAt: null,
        sessionsUsed: 0,
        closedAt: null,
        withdrawnAt: null,
        withdrawnReason: null,
        createdBy: actor.userId,
      });
      await manager.save(referral);
      await this.history.write(manager, referral, { type: 'drafted', source: 'counsellor', recordedBy: actor.userId });
      await this.audit.record(manager, actor, {
        action: 'eap_referral.draft',
        resourceType: 'eap_referral',
        resourceId: referral.id,
        workerId: worker.id,
        detail: { vendorId: vendor.id, service: referral.service },
      });
      return toEapReferralDto(referral, vendor.name, await this.history.list(manager, referral.id));
    });
  }

  update(actor: Actor, id: string, input: UpdateEapReferralDto): Promise<EapReferralDto> {
    const contact = input.contactPreference ? contactPreference(input.contactPreference) : undefined;
    return this.transactions.run(async (manager) => {
      const { referral } = await this.requireInScope(manager, actor, id);
      if (referral.status !== 'draft') throw EapErrors.notDraft();
      const vendor = await this.requireVendor(manager, input.vendorId ?? referral.vendorId);
      Object.assign(referral, {
        vendorId: vendor.id,
        ...(input.service ? { service: input.service } : {}),
        ...(input.urgency ? { urgency: input.urgency } : {}),
        ...(contact ? { contactPreference: contact } : {}),
        ...(input.summary ? { summary: input.summary.trim() } : {}),
      });
      await manager.save(referral);
      await this.audit.record(manager, actor, {
        action: 'eap_referral.update',
        resourceType: 'eap_referral',
        resourceId: referral.id,
        workerId: referral.workerId,
        detail: { fields: Object.keys(input).filter((k) => input[k as keyof UpdateEapReferralDto] !== undefined) },
      });
      return toEapReferralDto(referral, vendor.name, await this.history.list(manager, referral.id));
    });
  }

  /** Discards a draft (nothing was shared). */
  cancel(actor: Actor, id: string): Promise<EapReferralDto> {
    return this.transactions.run(async (manager) => {
      const { referral } = await this.requireInScope(manager, actor, id);
      referral.status = move(referral.status, 'cancelled');
      referral.closedAt = this.clock.now();
      await manager.save(referral);
      await this.history.write(manager, referral, { type: 'cancelled', source: 'counsellor', recordedBy: actor.userId });
      await this.audit.record(manager, actor, { action: 'eap_referral.cancel', resourceType: 'eap_referral', resourceId: referral.id, workerId: referral.workerId });
      const vendor = await manager.findOneOrFail(EapVendor, { where: { id: referral.vendorId } });
      return toEapReferralDto(referral, vendor.name, await this.history.list(manager, referral.id));
    });
  }

  /** Exactly what sending would share, its fingerprint, and whether it may go now (consent, contract, quota). */
  async preview(actor: Actor, id: string): Promise<EapReferralPreviewDto> {
    const { preview, workerId } = await this.transactions.read(async (manager) => {
      const { referral, worker } = await this.requireInScope(manager, actor, id);
      return { preview: (await this.composer.compose(manager, referral, worker)).preview, workerId: referral.workerId };
    });
    await this.audit.recordRead(actor, { action: 'eap_referral.preview', resourceType: 'eap_referral', resourceId: id, workerId });
    return preview;
  }

  async get(actor: Actor, id: string): Promise<EapReferralDto> {
    const dto = await this.transactions.read(async (manager) => {
      const { referral } = await this.requireInScope(manager, actor, id);
      const vendor = await manager.findOneOrFail(EapVendor, { where: { id: referral.vendorId } });
      return toEapReferralDto(referral, vendor.name, await this.history.list(manager, referral.id));
    });
    await this.audit.recordRead(actor, { action: 'eap_referral.read', resourceType: 'eap_referral', resourceId: id, workerId: dto.workerId });
    return dto;
  }

  /** Referrals of workers in scope, newest first; no summary or contact in the list. */
  async list(actor: Actor, query: EapReferralQueryDto): Promise<EapReferralSummaryDto[]> {
    const rows = await this.transactions.read(async (manager) => {
      const qb = manager.getRepository(EapReferral).createQueryBuilder('r').orderBy('r.createdAt', 'DESC').addOrderBy('r.id').limit(query.limit ?? 50);
      if (query.workerId) qb.andWhere('r.worker_id = :workerId', { workerId: query.workerId });
      if (query.vendorId) qb.andWhere('r.vendor_id = :vendorId', { vendorId: query.vendorId });
      if (query.status) qb.andWhere('r.status = :status', { status: query.status });
      this.scope.whereWorkerInScope(qb, actor, 'r.worker_id');
      const referrals = await qb.getMany();
      const vendorIds = [...new Set(referrals.map((r) => r.vendorId))];
      const vendors = vendorIds.length ? await manager.find(EapVendor, { where: { id: In(vendorIds) }, select: { id: true, name: true } }) : [];
      const names = new Map(vendors.map((v) => [v.id, v.name]));
      return referrals.map((r) => toEapReferralSummaryDto(r, names.get(r.vendorId) ?? ''));
    });
    await this.audit.recordRead(actor, { action: 'eap_referral.list', resourceType: 'eap_referral', workerId: query.workerId ?? null, detail: { results: rows.length } });
    return rows;
  }

  /** A referral of a worker the actor may see (AccessScope; 404 otherwise), with the worker. */
  async requireInScope(manager: EntityManager, actor: Actor, id: string): Promise<{ referral: EapReferral; worker: Worker }> {
    const referral = await manager.findOne(EapReferral, { where: { id } });
    if (!referral) throw EapErrors.referralNotFound();
    const worker = await this.scope.requireWorker(manager, actor, referral.workerId).catch(asNotFound(EapErrors.referralNotFound));
    return { referral, worker };
  }

  private async requireVendor(manager: EntityManager, id: string): Promise<EapVendor> {
    const vendor = await manager.findOne(EapVendor, { where: { id } });
    if (!vendor) throw EapErrors.vendorNotFound();
    return vendor;
  }
}
