import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSubjectRegistry, runErasure, type ExportPart } from '../../platform/data-subject/data-subject.registry.js';
import { fhirInstant, fhirRef, XINGANG_SYSTEM, type FhirResource } from '../../platform/data-subject/fhir.js';
import { EapWebhookMessage } from '../webhooks-out/webhook-message.entity.js';
import { EapReferral } from './eap-referral.entity.js';
import type { EapReferralStatus } from './referral-state.js';

const REQUEST_STATUS: Record<EapReferralStatus, string> = {
  draft: 'draft',
  sent: 'active',
  accepted: 'active',
  declined: 'revoked',
  attended: 'active',
  completed: 'completed',
  dropped_out: 'revoked',
  withdrawn: 'revoked',
  cancelled: 'revoked',
};
const TASK_STATUS: Record<EapReferralStatus, string> = {
  draft: 'draft',
  sent: 'requested',
  accepted: 'accepted',
  declined: 'rejected',
  attended: 'in-progress',
  completed: 'completed',
  dropped_out: 'failed',
  withdrawn: 'cancelled',
  cancelled: 'cancelled',
};
const ERASED = '（已删除）';

/**
 * EAP's part in the data-subject rights: each referral out to a vendor is a FHIR ServiceRequest and Task. On deletion
 * the summary, contact preference and the copy of what was shared are cleared (the referral stays as a pseudonymous
 * status and session count, for utilisation and the dashboards), outcome notes go, and webhook messages that carried
 * the worker's data keep their delivery record but not their body; one still pending is cancelled.
 */
@Injectable()
export class EapRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'eap',
      rules: [
        { table: 'eap_referrals', action: 'pseudonymise', what: '转介摘要、联系方式与共享数据清除 / summary, contact preference and shared data cleared' },
        { table: 'eap_referral_events', action: 'pseudonymise', what: '结果说明文字清除 / outcome notes cleared' },
        { table: 'eap_webhook_messages', action: 'pseudonymise', what: '推送内容清除，待发的取消 / message bodies cleared, pending ones cancelled' },
      ],
      erase: async (manager, { workerId }) => {
        await manager.update(EapReferral, { workerId }, { summary: ERASED, contactPreference: { channel: 'via_counsellor', detail: null, bestTime: null }, sharedData: null });
        await manager.update(EapWebhookMessage, { workerId }, { body: '{}' });
        await runErasure(
          manager,
          ['UPDATE eap_referral_events SET note = NULL WHERE worker_id = :ea_worker', "UPDATE eap_webhook_messages SET status = 'cancelled' WHERE worker_id = :ea_worker AND status = 'pending'"],
          { ea_worker: workerId },
        );
      },
      export: (manager, workerId) => this.export(manager, workerId),
    });
  }

  private async export(manager: EntityManager, workerId: string): Promise<ExportPart> {
    const referrals = await manager.find(EapReferral, { where: { workerId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const resources: FhirResource[] = referrals.flatMap((r) => [
      {
        resourceType: 'ServiceRequest',
        id: r.id,
        status: REQUEST_STATUS[r.status],
        intent: 'order',
        code: { coding: [{ system: `${XINGANG_SYSTEM}/eap-service`, code: r.service }], text: 'EAP 转介 EAP referral' },
        subject: fhirRef(r.workerId),
        authoredOn: fhirInstant(r.createdAt),
        performer: [{ display: `EAP vendor ${r.vendorId}` }],
        note: [{ text: r.summary }],
      },
      {
        resourceType: 'Task',
        id: `${r.id.slice(0, -1)}${((parseInt(r.id.slice(-1), 16) + 1) % 16).toString(16)}`,
        status: TASK_STATUS[r.status],
        intent: 'order',
        basedOn: [fhirRef(r.id)],
        focus: fhirRef(r.id),
        for: fhirRef(r.workerId),
        authoredOn: fhirInstant(r.createdAt),
        lastModified: fhirInstant(r.updatedAt),
      },
    ]);
    return {
      resources,
      sections: [
        {
          title: { zh: 'EAP 服务转介', en: 'EAP referrals' },
          rows: referrals.map((r) => ({ label: `${r.createdAt.toISOString().slice(0, 10)} ${r.vendorRef}`, value: `${r.status}（${r.sessionsUsed} 次 sessions）` })),
        },
      ],
    };
  }
}
