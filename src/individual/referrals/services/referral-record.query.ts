import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { fromDbTime } from '../../../platform/database/db-time.js';
import { PreparedQuery } from '../../../platform/database/prepared-query.js';
import type { ProviderType, ReferralState } from '../domain/referral-state.js';
import { Referral } from '../entities/referral.entity.js';

export interface RecordReferral {
  id: string;
  state: ReferralState;
  open: boolean;
  providerType: ProviderType | null;
  providerName: string | null;
  caseId: string | null;
  sentAt: string | null;
  outcomeAt: string | null;
  createdAt: string;
}

export interface PlainText {
  zh: string;
  en: string;
}

/** An open referral as the worker reads it: where, and what happens next, in plain words. */
export interface MyReferral {
  id: string;
  provider: PlainText;
  providerName: string | null;
  status: PlainText;
  sentAt: string | null;
}

const PROVIDER: Record<ProviderType, PlainText> = {
  internal_counselling: { zh: '工会心理咨询', en: 'the union’s counselling service' },
  hospital: { zh: '医院或专科门诊', en: 'a hospital or specialist clinic' },
  eap_vendor: { zh: '员工帮助计划（EAP）服务机构', en: 'an Employee Assistance Programme (EAP) provider' },
};

const STATUS: Partial<Record<ReferralState, PlainText>> = {
  sent: { zh: '我们已为你联系对方，正在等待回复。', en: 'We have contacted them for you and are waiting for their reply.' },
  accepted: { zh: '对方已同意接待你，可以按约定前往。', en: 'They have agreed to see you; you can go as arranged.' },
  attended: { zh: '你已开始接受服务，我们会继续关心你的情况。', en: 'You have started; we will keep checking in with you.' },
};

/** Every referral of a worker, newest first, without reasons or notes: one prepared statement. */
const STAFF_REFERRALS = new PreparedQuery<{
  id: string;
  state: ReferralState;
  open: boolean | number;
  providerType: ProviderType | null;
  providerName: string | null;
  caseId: string | null;
  sentAt: Date | string | null;
  outcomeAt: Date | string | null;
  createdAt: Date | string;
}>(
  `SELECT r.id AS id, r.state AS state, r.open AS open, r.provider_type AS "providerType", r.provider_name AS "providerName",
     r.case_id AS "caseId", r.sent_at AS "sentAt", r.outcome_at AS "outcomeAt", r.created_at AS "createdAt"
   FROM referrals r WHERE r.worker_id = :workerId ORDER BY r.created_at DESC, r.id ASC`,
);

/**
 * EXPORTED query service for the composed 心理档案: a worker's referrals (staff: all, with state; the worker: the open
 * ones after sending, in plain words, without reasons or notes). The caller has checked scope and audits the read.
 */
@Injectable()
export class ReferralRecordQuery {
  async forStaff(manager: EntityManager, workerId: string): Promise<RecordReferral[]> {
    const rows = await STAFF_REFERRALS.rows(manager, { workerId });
    return rows.map((r) => ({
      id: r.id,
      state: r.state,
      open: r.open === true || r.open === 1,
      providerType: r.providerType,
      providerName: r.providerName,
      caseId: r.caseId,
      sentAt: r.sentAt ? fromDbTime(r.sentAt).toISOString() : null,
      outcomeAt: r.outcomeAt ? fromDbTime(r.outcomeAt).toISOString() : null,
      createdAt: fromDbTime(r.createdAt).toISOString(),
    }));
  }

  async forWorker(manager: EntityManager, workerId: string): Promise<MyReferral[]> {
    const rows = await manager.find(Referral, {
      where: { workerId, open: true, state: Not(In(['draft'])) },
      order: { sentAt: 'DESC', id: 'ASC' },
      select: { id: true, state: true, providerType: true, providerName: true, sentAt: true },
    });
    return rows
      .filter((r) => r.providerType && STATUS[r.state])
      .map((r) => ({
        id: r.id,
        provider: PROVIDER[r.providerType!],
        providerName: r.providerType === 'eap_vendor' ? null : r.providerName,
        status: STATUS[r.state]!,
        sentAt: r.sentAt ? r.sentAt.toISOString() : null,
      }));
  }
}
