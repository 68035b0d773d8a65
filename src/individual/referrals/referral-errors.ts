import { badRequest, conflict, notFound } from '../../platform/errors/domain-error.js';

export const ReferralErrors = {
  notFound: () => notFound('Referral', '该转介'),
  followUpNotFound: () => notFound('Follow-up', '该随访'),
  workerOrCase: () => badRequest('WORKER_OR_CASE_REQUIRED', '请指定职工（workerId）或危机个案（caseId）', 'Give workerId or caseId'),
  eapLinkMismatch: () =>
    conflict('EAP_LINK_MISMATCH', '只能关联同一职工、同一EAP服务机构的转介草稿', 'Only a draft referral of the same worker to the same EAP vendor can be linked'),
  sendThroughEap: () =>
    conflict(
      'REFERRAL_SEND_THROUGH_EAP',
      '转介给 EAP 服务机构须通过 EAP 转介发送（预览、同意、合同与额度核对）',
      'A referral to an EAP vendor is sent through an EAP referral (preview, consent, contract and quota checks)',
    ),
  caseWorkerMismatch: () => badRequest('CASE_WORKER_MISMATCH', '该个案不属于所指定的职工', 'The case belongs to another worker'),
  notDraft: (state: string) => conflict('REFERRAL_NOT_DRAFT', '只有草稿状态的转介可以修改', 'Only a draft referral can be edited', { state }),
  providerIncomplete: (missing: string[]) =>
    badRequest('PROVIDER_INCOMPLETE', `发送前请补充接收机构信息：${missing.join('、')}`, `Complete the provider before sending: ${missing.join(', ')}`, { missing }),
  followUpDone: () => conflict('FOLLOW_UP_DONE', '该随访已记录', 'This follow-up has already been recorded'),
  followUpNotDue: () => conflict('FOLLOW_UP_NOT_DUE', '该随访尚未到期', 'This follow-up is not due yet'),
};
