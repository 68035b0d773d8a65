import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConsentsService } from '../../people/consents/consents.service.js';
import type { Worker } from '../../people/workers/worker.entity.js';
import { Clock } from '../../platform/clock/clock.js';
import { EapContract } from '../contracts/contract.entity.js';
import { ContractCoverage } from '../contracts/contract-coverage.service.js';
import { chooseContract } from '../contracts/contract-rules.js';
import { calendarDay } from '../shared/calendar.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import { EapWebhookEndpoint } from '../webhooks-out/webhook-endpoint.entity.js';
import type { CoverageCheckDto, EapReferralPreviewDto } from './eap-referral.dto.js';
import type { EapReferral } from './eap-referral.entity.js';
import { sharedData, sharedDataSha256, type SharedReferralData } from './shared-data.js';

export const REFERRAL_CREATED = 'referral.created';
export const REFERRAL_WITHDRAWN = 'referral.withdrawn';

export interface Composition {
  preview: EapReferralPreviewDto;
  vendor: EapVendor;
  /** Set when the referral can go: the data to share and its contract. */
  ready: { data: SharedReferralData; sha256: string; contract: EapContract } | null;
}

/**
 * What sending a referral would share and whether it may go now (consent for the vendor, vendor active, a contract
 * covering the worker's unit and the service with quota left). The preview and the send both come from here, so what
 * the counsellor is shown is what is sent.
 */
@Injectable()
export class ReferralComposer {
  constructor(
    private readonly consents: ConsentsService,
    private readonly coverage: ContractCoverage,
    private readonly clock: Clock,
  ) {}

  async compose(manager: EntityManager, referral: EapReferral, worker: Worker): Promise<Composition> {
    const vendor = await manager.findOneOrFail(EapVendor, { where: { id: referral.vendorId } });
    const consentGranted = await this.consents.isGranted(manager, referral.workerId, 'eap_referral', referral.vendorId);
    const choice = vendor.active
      ? chooseContract(await this.coverage.candidates(manager, vendor.id, worker.id, worker.orgUnitId), calendarDay(this.clock.now()), referral.service)
      : ({ ok: false, problem: 'VENDOR_INACTIVE', detail: {} } as const);
    const contract = choice.ok ? await manager.findOneOrFail(EapContract, { where: { id: choice.contractId } }) : null;
    const base = {
      referralId: referral.vendorRef,
      service: referral.service,
      urgency: referral.urgency,
      contactPreference: referral.contactPreference,
      summary: referral.summary,
    };
    const ready = choice.ok && contract ? sharedData({ ...base, sessionsAllowed: choice.sessionsAllowed, contractReference: contract.reference }) : null;
    const sha256 = ready ? sharedDataSha256(ready) : null;
    const coverage: CoverageCheckDto = choice.ok
      ? { ok: true, contractId: choice.contractId, code: null, detail: null }
      : { ok: false, contractId: null, code: choice.problem, detail: choice.detail };
    const webhookEndpoints = await manager.count(EapWebhookEndpoint, { where: { vendorId: vendor.id, status: 'active' } });
    return {
      vendor,
      ready: ready && sha256 && contract ? { data: ready, sha256, contract } : null,
      preview: {
        eventType: REFERRAL_CREATED,
        data: ready ?? { ...sharedData({ ...base, sessionsAllowed: 0, contractReference: '' }), sessionsAllowed: null, contractReference: null },
        sha256,
        consentGranted,
        coverage,
        webhookEndpoints,
        canSend: referral.status === 'draft' && consentGranted && ready !== null,
      },
    };
  }
}
