import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Transactions } from '../../platform/database/transactions.js';
import { EapReferral } from '../referrals-out/eap-referral.entity.js';
import { OutcomesService } from './outcomes.service.js';
import type { OutcomeReportDto, OutcomeResultDto, VendorReferralDto, VendorReferralQueryDto } from './vendor-api.dto.js';

/** What the vendor may see: exactly what was shared, and after a withdrawal nothing but the id and status. */
export const toVendorReferralDto = (r: EapReferral): VendorReferralDto => ({
  referralId: r.vendorRef,
  status: r.status,
  sentAt: r.sentAt!.toISOString(),
  withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
  data: r.status === 'withdrawn' ? null : r.sharedData,
  sessionsRecorded: r.sessionsUsed,
});

/**
 * The vendor API (`/api/v1/vendor/...`, API key): a vendor lists and reads the referrals sent to it, and reports
 * outcomes. Every query is limited to the key's vendor, so another vendor's referral id answers 404. Reads of referral
 * data are audited as disclosures to the vendor.
 */
@Injectable()
export class VendorReferralsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly outcomes: OutcomesService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: VendorReferralQueryDto): Promise<VendorReferralDto[]> {
    const rows = await this.transactions.read(async (manager) => {
      const qb = manager
        .getRepository(EapReferral)
        .createQueryBuilder('r')
        // Sent means visible to the vendor (drafts and cancelled drafts have no sent_at): one range of
        // idx_eap_referrals_vendor_sent, newest first.
        .where('r.vendor_id = :vendorId AND r.sent_at IS NOT NULL', { vendorId: actor.vendorId ?? '' })
        .orderBy('r.sentAt', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .limit(query.limit ?? 50);
      if (query.status) qb.andWhere('r.status = :status', { status: query.status });
      if (query.sentAfter) qb.andWhere('r.sent_at > :sentAfter', { sentAfter: new Date(query.sentAfter) });
      return qb.getMany();
    });
    await this.audit.recordRead(actor, {
      action: 'vendor.referral_list',
      resourceType: 'eap_referral',
      detail: { vendorId: actor.vendorId, referralIds: rows.map((r) => r.id) },
    });
    return rows.map(toVendorReferralDto);
  }

  async get(actor: Actor, vendorRef: string): Promise<VendorReferralDto> {
    const referral = await this.transactions.read((manager) => this.outcomes.requireVendorReferral(manager, actor.vendorId ?? '', vendorRef));
    await this.audit.recordRead(actor, {
      action: 'vendor.referral_read',
      resourceType: 'eap_referral',
      resourceId: referral.id,
      workerId: referral.workerId,
      detail: { vendorId: actor.vendorId },
    });
    return toVendorReferralDto(referral);
  }

  report(actor: Actor, vendorRef: string, input: OutcomeReportDto): Promise<OutcomeResultDto> {
    return this.transactions.run((manager) => this.outcomes.apply(manager, actor, vendorRef, input, 'vendor_api'));
  }
}
