import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { consentRequired, ConsentsService } from '../../../people/consents/consents.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { DomainError, illegalTransition } from '../../../platform/errors/domain-error.js';
import { DomainEvents } from '../../../platform/jobs/domain-events.js';
import { CaseWorkflowService } from '../../crisis/services/case-workflow.service.js';
import { IndividualHistory, type HistoryActor } from '../../shared/history.service.js';
import { assertReferralTransition, consentFor, isOutcome, missingProviderFields, REFERRAL_TRANSITIONS, type ReferralState, type ReferralStep } from '../domain/referral-state.js';
import type { ReferralDto, ReferralTransitionDto, VendorUpdateResultDto } from '../dto/referral.dto.js';
import { Referral } from '../entities/referral.entity.js';
import { toReferralDto } from '../referral-mapper.js';
import { ReferralErrors } from '../referral-errors.js';
import { FollowUpsService } from './follow-ups.service.js';
import { ReferralAccess } from './referral-access.service.js';
import { REFERRAL_SENT, type ReferralSentEvent } from '../referral-events.js';

/** What the EAP module reports about a referral it sent to a vendor. */
export interface VendorUpdate {
  referralId: string;
  /** The vendor reporting: must be the referral's vendor. */
  vendorId: string;
  to: ReferralStep;
  /** The vendor's words, kept encrypted as the outcome note. */
  note?: string | null;
}

/**
 * Sending a referral and recording what happened after. Sending needs the worker's consent for that recipient (403
 * CONSENT_REQUIRED_… otherwise; the refused attempt's audit row commits before the error is thrown); it schedules the
 * follow-ups, moves the crisis case to `referred` when the case allows it, and publishes `referral.sent` (the EAP
 * module transmits referrals to vendors on it).
 */
@Injectable()
export class ReferralWorkflowService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: ReferralAccess,
    private readonly consents: ConsentsService,
    private readonly followUps: FollowUpsService,
    private readonly caseWorkflow: CaseWorkflowService,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async send(actor: Actor, id: string): Promise<ReferralDto> {
    const outcome = await this.transactions.run(async (manager): Promise<{ sent: ReferralDto } | { refused: DomainError }> => {
      const { referral, grantId } = await this.access.require(manager, actor, id);
      assertReferralTransition(referral.state, 'sent');
      // Only the EAP send checks the vendor's contract and quota and delivers the webhook; it then marks this one sent.
      if (referral.providerType === 'eap_vendor') throw ReferralErrors.sendThroughEap();
      const missing = missingProviderFields(referral);
      if (missing.length > 0) throw ReferralErrors.providerIncomplete(missing);
      const consent = consentFor(referral.providerType!, referral.vendorId);
      if (!(await this.consents.isGranted(manager, referral.workerId, consent.purpose, consent.recipientId ?? ''))) {
        // The refusal is on the record: this transaction commits its audit row, and the error is thrown after it.
        const refused = consentRequired(consent.purpose, consent.recipientId);
        await this.audit.record(manager, actor, {
          action: 'referral.send',
          resourceType: 'referral',
          resourceId: referral.id,
          workerId: referral.workerId,
          outcome: 'denied',
          detail: { code: refused.code },
        });
        return { refused };
      }
      await this.markSent(manager, actor, referral, grantId);
      return { sent: toReferralDto(referral) };
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.sent;
  }

  /**
   * EXPORTED for the EAP module: a draft referral to an EAP vendor that an EAP referral may carry out (same worker, in
   * the actor's scope, that vendor or none yet). 404 outside scope; 409 EAP_LINK_MISMATCH or ILLEGAL_TRANSITION.
   */
  async requireEapDraft(manager: EntityManager, actor: Actor, referralId: string, link: { workerId: string; vendorId: string }): Promise<Referral> {
    const { referral } = await this.access.require(manager, actor, referralId);
    const sameVendor = referral.vendorId === null || referral.vendorId === link.vendorId;
    if (referral.workerId !== link.workerId || referral.providerType !== 'eap_vendor' || !sameVendor) throw ReferralErrors.eapLinkMismatch();
    assertReferralTransition(referral.state, 'sent');
    return referral;
  }

  /**
   * EXPORTED for the EAP module: its referral went to the vendor (consent, contract and quota checked there), so the
   * tier's referral is sent, in the caller's transaction: follow-ups, the case moves to referred, `referral.sent`.
   */
  async sendFromEap(manager: EntityManager, actor: Actor, referralId: string, link: { workerId: string; vendorId: string; vendorName: string }): Promise<void> {
    const referral = await this.requireEapDraft(manager, actor, referralId, link);
    if (referral.vendorId === null || referral.providerName === null) {
      await manager.update(Referral, { id: referral.id }, { vendorId: link.vendorId, providerName: referral.providerName ?? link.vendorName });
      Object.assign(referral, { vendorId: link.vendorId, providerName: referral.providerName ?? link.vendorName });
    }
    await this.markSent(manager, actor, referral, null);
  }

  private async markSent(manager: EntityManager, actor: Actor, referral: Referral, grantId: string | null): Promise<void> {
    const now = this.clock.now();
    await this.apply(manager, actor, actor, referral, 'sent', null, grantId);
    await this.followUps.schedule(manager, referral, now);
    if (referral.caseId) await this.caseWorkflow.markReferred(manager, actor, referral.caseId, referral.id);
    const sent: ReferralSentEvent = {
      referralId: referral.id,
      workerId: referral.workerId,
      caseId: referral.caseId,
      providerType: referral.providerType,
      providerName: referral.providerName,
      vendorId: referral.vendorId,
      sentAt: now.toISOString(),
    };
    await this.events.publish(manager, REFERRAL_SENT, { ...sent }, referral.id);
  }

  /** A counsellor records what happened: accepted, declined, attended, completed, dropped out. */
  transition(actor: Actor, id: string, input: ReferralTransitionDto): Promise<ReferralDto> {
    return this.transactions.run(async (manager) => {
      const { referral, grantId } = await this.access.require(manager, actor, id);
      assertReferralTransition(referral.state, input.to);
      await this.apply(manager, actor, actor, referral, input.to, input.note?.trim() || null, grantId);
      return toReferralDto(referral);
    });
  }

  /**
   * EXPORTED for the EAP module: applies a vendor's report inside the caller's transaction, as the vendor (history
   * actor `vendor:<id>`, audit actor: the system). Idempotent: a report of the state the referral is already in changes
   * nothing (`applied: false`). 404 NOT_FOUND when the referral is not this vendor's; 409 ILLEGAL_TRANSITION when the
   * report does not follow from the current state.
   */
  async applyVendorUpdate(manager: EntityManager, update: VendorUpdate): Promise<VendorUpdateResultDto> {
    const referral = await manager.findOne(Referral, { where: { id: update.referralId } });
    if (!referral || referral.providerType !== 'eap_vendor' || referral.vendorId !== update.vendorId) throw ReferralErrors.notFound();
    if (referral.state === update.to) return { referralId: referral.id, state: referral.state, applied: false };
    assertReferralTransition(referral.state, update.to);
    await this.apply(manager, { label: `vendor:${update.vendorId}` }, SYSTEM_ACTOR, referral, update.to, update.note?.trim() || null, null);
    return { referralId: referral.id, state: referral.state, applied: true };
  }

  /** The state change, as a conditional UPDATE on the state it was read in, with its history and audit rows. */
  private async apply(manager: EntityManager, by: HistoryActor, actor: Actor, referral: Referral, to: ReferralState, note: string | null, grantId: string | null): Promise<void> {
    const from = referral.state;
    const now = this.clock.now();
    const patch: Partial<Referral> = { state: to, open: !isOutcome(to) };
    if (to === 'sent') patch.sentAt = now;
    if (isOutcome(to)) Object.assign(patch, { outcomeAt: now, outcomeNote: note });
    const result = await manager.createQueryBuilder().update(Referral).set(patch).where('id = :id AND state = :from', { id: referral.id, from }).execute();
    if (!result.affected) {
      const current = await manager.findOneOrFail(Referral, { where: { id: referral.id } });
      throw illegalTransition(current.state, to, REFERRAL_TRANSITIONS[current.state]);
    }
    Object.assign(referral, patch);
    await this.history.write(manager, by, { subjectType: 'referral', subjectId: referral.id, workerId: referral.workerId, action: 'state_changed', from, to, reason: note });
    await this.audit.record(manager, actor, {
      action: to === 'sent' ? 'referral.send' : 'referral.transition',
      resourceType: 'referral',
      resourceId: referral.id,
      workerId: referral.workerId,
      detail: { from, to, ...('label' in by ? { by: by.label } : {}), ...(grantId ? { breakGlassGrantId: grantId } : {}) },
    });
  }
}
