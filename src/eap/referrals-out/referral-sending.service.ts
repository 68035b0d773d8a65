import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CONSENT_CHANGED } from '../../people/consents/consent-events.js';
import { consentRequired } from '../../people/consents/consents.service.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { DomainEvents } from '../../platform/jobs/domain-events.js';
import { EapErrors } from '../eap-errors.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import { WebhookOutbox } from '../webhooks-out/webhook-outbox.service.js';
import type { EapReferralDto, SendEapReferralDto } from './eap-referral.dto.js';
import { EapReferral } from './eap-referral.entity.js';
import { toEapReferralDto } from './eap-referral-mapper.js';
import { EapReferralsService } from './eap-referrals.service.js';
import { IndividualReferralLink } from './individual-link.js';
import { REFERRAL_CREATED, REFERRAL_WITHDRAWN, ReferralComposer } from './referral-composer.js';
import { ReferralHistory } from './referral-history.js';
import { move, OPEN_STATUSES } from './referral-state.js';

/** Refusals of a send that stay on the audit record although the transaction that met them rolled back. */
const AUDITED_REFUSALS = /^(CONSENT_REQUIRED_|NO_CONTRACT$|CONTRACT_NOT_ACTIVE$|SERVICE_NOT_COVERED$|QUOTA_EXHAUSTED$|VENDOR_INACTIVE$)/;

/**
 * Sending a referral to the vendor, and withdrawing it. Sending needs the worker's `eap_referral` consent for that
 * vendor (403), an active vendor and a contract that can take it (409 naming why not), and the fingerprint of the
 * preview the counsellor checked (409 PREVIEW_STALE if anything changed). It records exactly what was shared and queues
 * `referral.created` in the outbox, all in one transaction. A withdrawal (by the union, or by the worker withdrawing
 * consent) cancels data still waiting to go and tells the vendor, minimally, that the referral is withdrawn.
 */
@Injectable()
export class ReferralSendingService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly referrals: EapReferralsService,
    private readonly composer: ReferralComposer,
    private readonly history: ReferralHistory,
    private readonly outbox: WebhookOutbox,
    private readonly link: IndividualReferralLink,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(CONSENT_CHANGED, 'eap.withdraw-referrals', async (payload, manager) => {
      if (payload.purpose !== 'eap_referral' || payload.granted !== false || typeof payload.recipientId !== 'string') return;
      await this.withdrawOnConsent(manager, String(payload.workerId), payload.recipientId);
    });
  }

  async send(actor: Actor, id: string, input: SendEapReferralDto): Promise<EapReferralDto> {
    let workerId: string | null = null;
    try {
      return await this.transactions.run(async (manager) => {
        const { referral, worker } = await this.referrals.requireInScope(manager, actor, id);
        workerId = referral.workerId;
        move(referral.status, 'sent');
        const { vendor, preview, ready } = await this.composer.compose(manager, referral, worker);
        if (!preview.consentGranted) throw consentRequired('eap_referral', vendor.id);
        if (preview.coverage.code === 'VENDOR_INACTIVE') throw EapErrors.vendorInactive();
        if (!ready) throw EapErrors.coverage(preview.coverage.code as Parameters<typeof EapErrors.coverage>[0], preview.coverage.detail ?? {});
        if (await this.hasOpenReferral(manager, referral)) throw EapErrors.alreadyOpen();
        if (ready.sha256 !== input.previewSha256) throw EapErrors.previewStale(ready.sha256);
        const now = this.clock.now();
        const sent = await manager.update(EapReferral, { id: referral.id, status: 'draft' }, {
          status: 'sent',
          contractId: ready.contract.id,
          sharedData: ready.data,
          sharedSha256: ready.sha256,
          sentAt: now,
          sentBy: actor.userId,
        });
        if (!sent.affected) throw EapErrors.notDraft();
        Object.assign(referral, { status: 'sent', contractId: ready.contract.id, sharedData: ready.data, sharedSha256: ready.sha256, sentAt: now, sentBy: actor.userId });
        await this.history.write(manager, referral, { type: 'sent', source: 'counsellor', recordedBy: actor.userId });
        await this.audit.record(manager, actor, {
          action: 'eap_referral.send',
          resourceType: 'eap_referral',
          resourceId: referral.id,
          workerId: referral.workerId,
          detail: { vendorId: vendor.id, contractId: ready.contract.id, sharedSha256: ready.sha256, fields: Object.keys(ready.data) },
        });
        await this.link.sent(manager, actor, referral);
        await this.outbox.enqueue(manager, {
          vendorId: vendor.id,
          referralId: referral.id,
          workerId: referral.workerId,
          type: REFERRAL_CREATED,
          data: { ...ready.data },
          carriesData: true,
        });
        return toEapReferralDto(referral, vendor.name, await this.history.list(manager, referral.id));
      });
    } catch (error) {
      if (error instanceof DomainError && AUDITED_REFUSALS.test(error.code)) {
        await this.transactions.run((manager) =>
          this.audit.record(manager, actor, {
            action: 'eap_referral.send',
            resourceType: 'eap_referral',
            resourceId: id,
            workerId,
            outcome: 'denied',
            detail: { code: error.code },
          }),
        );
      }
      throw error;
    }
  }

  /** The union withdraws a sent referral: nothing more is shared, and the vendor is told it is withdrawn. */
  withdraw(actor: Actor, id: string): Promise<EapReferralDto> {
    return this.transactions.run(async (manager) => {
      const { referral } = await this.referrals.requireInScope(manager, actor, id);
      move(referral.status, 'withdrawn');
      await this.withdrawOne(manager, actor, referral, 'union', 'counsellor');
      const vendor = await manager.findOneOrFail(EapVendor, { where: { id: referral.vendorId } });
      return toEapReferralDto(referral, vendor.name, await this.history.list(manager, referral.id));
    });
  }

  /** The worker withdrew `eap_referral` consent for a vendor: every open referral to it is withdrawn. */
  async withdrawOnConsent(manager: EntityManager, workerId: string, vendorId: string): Promise<void> {
    const open = await manager
      .getRepository(EapReferral)
      .createQueryBuilder('r')
      .where('r.worker_id = :workerId AND r.vendor_id = :vendorId AND r.status IN (:...open)', { workerId, vendorId, open: OPEN_STATUSES })
      .getMany();
    const cancelled = await this.outbox.cancelCarryingData(manager, workerId, vendorId);
    for (const referral of open) await this.withdrawOne(manager, SYSTEM_ACTOR, referral, 'consent_withdrawn', 'system');
    if (open.length > 0 || cancelled > 0) {
      await this.audit.record(manager, SYSTEM_ACTOR, {
        action: 'eap_referral.consent_withdrawn',
        resourceType: 'eap_referral',
        workerId,
        detail: { vendorId, withdrawn: open.map((r) => r.id), cancelledMessages: cancelled },
      });
    }
  }

  private async withdrawOne(manager: EntityManager, actor: Actor, referral: EapReferral, reason: 'union' | 'consent_withdrawn', source: 'counsellor' | 'system'): Promise<void> {
    const now = this.clock.now();
    const result = await manager.update(EapReferral, { id: referral.id, status: referral.status }, { status: 'withdrawn', withdrawnAt: now, withdrawnReason: reason, closedAt: now });
    if (!result.affected) return;
    Object.assign(referral, { status: 'withdrawn', withdrawnAt: now, withdrawnReason: reason, closedAt: now });
    await this.history.write(manager, referral, { type: 'withdrawn', source, recordedBy: source === 'system' ? null : actor.userId, note: reason });
    await this.audit.record(manager, actor, {
      action: 'eap_referral.withdraw',
      resourceType: 'eap_referral',
      resourceId: referral.id,
      workerId: referral.workerId,
      detail: { reason },
    });
    await this.outbox.cancelCarryingData(manager, referral.workerId, referral.vendorId, referral.id);
    await this.outbox.enqueue(manager, {
      vendorId: referral.vendorId,
      referralId: referral.id,
      workerId: referral.workerId,
      type: REFERRAL_WITHDRAWN,
      data: { referralId: referral.vendorRef },
      carriesData: false,
    });
  }

  private async hasOpenReferral(manager: EntityManager, referral: EapReferral): Promise<boolean> {
    const count = await manager
      .getRepository(EapReferral)
      .createQueryBuilder('r')
      .where('r.worker_id = :workerId AND r.vendor_id = :vendorId AND r.id <> :id AND r.status IN (:...open)', {
        workerId: referral.workerId,
        vendorId: referral.vendorId,
        id: referral.id,
        open: OPEN_STATUSES,
      })
      .getCount();
    return count > 0;
  }
}
