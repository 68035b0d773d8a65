import { DIALECT } from '../../platform/database/dialect.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock, DAY, MINUTE } from '../../platform/clock/clock.js';
import { badRequest } from '../../platform/errors/domain-error.js';
import { EapContract } from '../contracts/contract.entity.js';
import { ContractCoverage } from '../contracts/contract-coverage.service.js';
import { beyondQuota, sessionsLeft } from '../contracts/contract-rules.js';
import { EapErrors } from '../eap-errors.js';
import { EapReferral } from '../referrals-out/eap-referral.entity.js';
import { IndividualReferralLink } from '../referrals-out/individual-link.js';
import { EapReferralEvent } from '../referrals-out/referral-event.entity.js';
import { ReferralHistory } from '../referrals-out/referral-history.js';
import { isClosed, planOutcome, VENDOR_VISIBLE, type EapReferralStatus, type VendorOutcome } from '../referrals-out/referral-state.js';
import type { OutcomeResultDto } from './vendor-api.dto.js';

export interface OutcomeReport {
  type: VendorOutcome;
  sessionNumber?: number | null;
  occurredAt?: string | null;
  note?: string | null;
}

const REF = /^ref_[A-Za-z0-9_-]{20}$/;

/**
 * A vendor's report about one of its referrals, through the API or a signed webhook: applied in the caller's
 * transaction, idempotent (a repeated report changes nothing), refused as 404 for another vendor's referral. A session
 * counts against the contract's quota (past it: recorded, not billable). State changes go on to the individual tier
 * through the link.
 */
/** A row lock for read-check-write on PostgreSQL; SQLite runs one write transaction at a time (and has no FOR UPDATE). */
const FOR_UPDATE = DIALECT === 'postgres' ? ({ lock: { mode: 'pessimistic_write' } } as const) : {};

@Injectable()
export class OutcomesService {
  constructor(
    private readonly coverage: ContractCoverage,
    private readonly history: ReferralHistory,
    private readonly link: IndividualReferralLink,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The vendor's referral by its pseudonymous id; 404 for anything else (drafts, another vendor's). */
  async requireVendorReferral(manager: EntityManager, vendorId: string, vendorRef: string, forUpdate = false): Promise<EapReferral> {
    const lock = forUpdate ? FOR_UPDATE : {};
    const referral = REF.test(vendorRef) ? await manager.findOne(EapReferral, { where: { vendorRef, vendorId }, ...lock }) : null;
    if (!referral || !VENDOR_VISIBLE.includes(referral.status)) throw EapErrors.referralNotFound();
    return referral;
  }

  async apply(manager: EntityManager, actor: Actor, vendorRef: string, report: OutcomeReport, source: 'vendor_api' | 'vendor_webhook'): Promise<OutcomeResultDto> {
    // Locked for the transaction: two reports on one referral apply one after the other (both count, none lost).
    const referral = await this.requireVendorReferral(manager, actor.vendorId ?? '', vendorRef, true);
    const plan = planOutcome(referral.status, report.type);
    if (plan.session && !report.sessionNumber) throw EapErrors.sessionNumberRequired();
    if (!plan.session && report.sessionNumber) throw EapErrors.sessionFieldsNotAllowed();
    const now = this.clock.now();
    const occurredAt = this.occurredAt(report.occurredAt, referral, now);
    const note = report.note?.trim() || null;
    const from = referral.status;
    let applied = plan.to !== null;
    let beyond = false;

    if (plan.session) {
      const recorded = await manager.exists(EapReferralEvent, { where: { referralId: referral.id, sessionNumber: report.sessionNumber! } });
      if (!recorded) {
        // The contract row too: sessions on its other referrals are counted against the same quota.
        const contract = await manager.findOneOrFail(EapContract, { where: { id: referral.contractId! }, ...FOR_UPDATE });
        const usage = (await this.coverage.usage(manager, [contract.id], referral.workerId)).get(contract.id) ?? { total: 0, worker: 0 };
        beyond = beyondQuota(contract, usage);
        await this.history.write(manager, referral, {
          type: 'session_attended',
          sessionNumber: report.sessionNumber,
          occurredAt,
          source,
          note,
          beyondQuota: beyond,
          recordedBy: actor.userId,
        });
        referral.sessionsUsed += 1;
        if (!referral.firstSessionAt || occurredAt < referral.firstSessionAt) referral.firstSessionAt = occurredAt;
        applied = true;
      }
    }
    if (plan.to) {
      this.stamp(referral, plan.to, now);
      if (!plan.session) await this.history.write(manager, referral, { type: plan.to, occurredAt, source, note, recordedBy: actor.userId });
    }
    if (applied) {
      const result = await manager.update(EapReferral, { id: referral.id, status: from }, {
        status: referral.status,
        sessionsUsed: referral.sessionsUsed,
        firstSessionAt: referral.firstSessionAt,
        acceptedAt: referral.acceptedAt,
        declinedAt: referral.declinedAt,
        closedAt: referral.closedAt,
      });
      if (!result.affected) throw EapErrors.concurrentReport();
      await this.audit.record(manager, actor, {
        action: 'eap_referral.outcome',
        resourceType: 'eap_referral',
        resourceId: referral.id,
        workerId: referral.workerId,
        detail: { type: report.type, sessionNumber: report.sessionNumber ?? null, from, to: referral.status, source, beyondQuota: beyond },
      });
      if (plan.to) await this.link.vendorReported(manager, referral, plan.to, note);
    }
    return {
      referralId: referral.vendorRef,
      status: referral.status,
      applied,
      sessionsRecorded: referral.sessionsUsed,
      sessionsRemaining: await this.remaining(manager, referral),
      beyondQuota: beyond,
    };
  }

  /** Sessions this worker may still use under the referral's contract. */
  async remaining(manager: EntityManager, referral: EapReferral): Promise<number> {
    if (!referral.contractId) return 0;
    const contract = await manager.findOne(EapContract, { where: { id: referral.contractId } });
    if (!contract) return 0;
    const usage = (await this.coverage.usage(manager, [contract.id], referral.workerId)).get(contract.id) ?? { total: 0, worker: 0 };
    return sessionsLeft(contract, usage);
  }

  private stamp(referral: EapReferral, to: EapReferralStatus, now: Date): void {
    referral.status = to;
    if (to === 'accepted') referral.acceptedAt = now;
    if (to === 'declined') referral.declinedAt = now;
    if (isClosed(to)) referral.closedAt = now;
  }

  /** When it happened: not in the future, not before the referral was sent (a day's slack for time zones). */
  private occurredAt(raw: string | null | undefined, referral: EapReferral, now: Date): Date {
    if (!raw) return now;
    const at = new Date(raw);
    if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime() + 5 * MINUTE || (referral.sentAt && at.getTime() < referral.sentAt.getTime() - DAY)) {
      throw badRequest('OCCURRED_AT_INVALID', '发生时间不能晚于现在，也不能早于转介发出', 'occurredAt cannot be in the future or before the referral was sent');
    }
    return at;
  }
}
