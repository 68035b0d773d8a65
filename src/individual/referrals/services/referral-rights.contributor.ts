import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSubjectRegistry, runErasure, type ExportPart } from '../../../platform/data-subject/data-subject.registry.js';
import { fhirInstant, fhirRef, XINGANG_SYSTEM, type FhirResource } from '../../../platform/data-subject/fhir.js';
import type { ReferralState } from '../domain/referral-state.js';
import { Referral } from '../entities/referral.entity.js';

const REQUEST_STATUS: Record<ReferralState, string> = {
  draft: 'draft',
  sent: 'active',
  accepted: 'active',
  declined: 'revoked',
  attended: 'completed',
  completed: 'completed',
  dropped_out: 'revoked',
};
const TASK_STATUS: Record<ReferralState, string> = {
  draft: 'draft',
  sent: 'requested',
  accepted: 'accepted',
  declined: 'rejected',
  attended: 'in-progress',
  completed: 'completed',
  dropped_out: 'failed',
};
const STATE_LABEL: Record<ReferralState, string> = {
  draft: '草稿 draft',
  sent: '已发出 sent',
  accepted: '已接收 accepted',
  declined: '被拒绝 declined',
  attended: '已就诊 attended',
  completed: '已完成 completed',
  dropped_out: '中途退出 dropped out',
};

/**
 * Referrals' part in the data-subject rights (心理疾病的转介与帮扶): each referral is a FHIR ServiceRequest (what was
 * asked of whom) and a Task (where it stands). On deletion the reason and outcome notes are cleared; the referral
 * stays as a pseudonymous state and time (the completion dashboard counts it).
 */
@Injectable()
export class ReferralRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'referrals',
      rules: [
        { table: 'referrals', action: 'pseudonymise', what: '转介原因与结果说明清除，状态与时间保留 / reason and outcome note cleared, state and times kept' },
        { table: 'referral_follow_ups', action: 'pseudonymise', what: '随访记录文字清除 / follow-up notes cleared' },
      ],
      erase: (manager, { workerId }) =>
        runErasure(
          manager,
          ['UPDATE referrals SET reason = NULL, outcome_note = NULL WHERE worker_id = :rr_worker', 'UPDATE referral_follow_ups SET note = NULL WHERE worker_id = :rr_worker'],
          { rr_worker: workerId },
        ),
      export: (manager, workerId) => this.export(manager, workerId),
    });
  }

  private async export(manager: EntityManager, workerId: string): Promise<ExportPart> {
    const referrals = await manager.find(Referral, { where: { workerId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const resources: FhirResource[] = [];
    for (const r of referrals) {
      const performer = r.providerName ? [{ display: r.providerName }] : undefined;
      resources.push({
        resourceType: 'ServiceRequest',
        id: r.id,
        status: REQUEST_STATUS[r.state],
        intent: 'order',
        code: { coding: [{ system: `${XINGANG_SYSTEM}/referral-provider`, code: r.providerType ?? 'unspecified' }], text: '心理疾病转介 Referral' },
        subject: fhirRef(r.workerId),
        authoredOn: fhirInstant(r.createdAt),
        ...(performer ? { performer } : {}),
        ...(r.reason ? { reasonCode: [{ text: r.reason }] } : {}),
      });
      const taskId = `${r.id.slice(0, -1)}${((parseInt(r.id.slice(-1), 16) + 1) % 16).toString(16)}`;
      resources.push({
        resourceType: 'Task',
        id: taskId,
        status: TASK_STATUS[r.state],
        intent: 'order',
        basedOn: [fhirRef(r.id)],
        focus: fhirRef(r.id),
        for: fhirRef(r.workerId),
        authoredOn: fhirInstant(r.createdAt),
        lastModified: fhirInstant(r.updatedAt),
        ...(r.outcomeNote ? { note: [{ text: r.outcomeNote }] } : {}),
      });
    }
    return {
      resources,
      sections: [
        {
          title: { zh: '转介', en: 'Referrals' },
          rows: referrals.map((r) => ({ label: `${r.createdAt.toISOString().slice(0, 10)} ${r.providerName ?? r.providerType ?? ''}`.trim(), value: STATE_LABEL[r.state] })),
        },
      ],
    };
  }
}
