import { badRequest, conflict, DomainError, forbidden, notFound } from '../platform/errors/domain-error.js';
import type { CoverageProblem } from './contracts/contract-rules.js';
import type { DestinationRefused } from './webhooks-out/ssrf.js';

const COVERAGE: Record<CoverageProblem, [string, string]> = {
  NO_CONTRACT: ['该服务机构没有覆盖此职工所在单位的合同', 'The vendor has no contract covering the worker’s unit'],
  CONTRACT_NOT_ACTIVE: ['该服务机构覆盖此职工所在单位的合同当前未生效（已到期、未开始或已终止）', 'No contract of the vendor covering the worker’s unit is active today (ended, not started or terminated)'],
  SERVICE_NOT_COVERED: ['现行合同不包含该服务项目', 'The active contracts do not cover this service'],
  QUOTA_EXHAUSTED: ['合同约定的咨询次数已用完', 'The contract’s session quota is used up'],
};

/** The EAP module's refusals, each with a stable code (Chinese first). */
export const EapErrors = {
  vendorNotFound: () => notFound('EAP vendor', 'EAP 服务机构'),
  contractNotFound: () => notFound('EAP contract', 'EAP 合同'),
  referralNotFound: () => notFound('EAP referral', 'EAP 转介'),
  keyNotFound: () => notFound('API key', 'API 密钥'),
  endpointNotFound: () => notFound('Webhook endpoint', 'Webhook 地址'),
  messageNotFound: () => notFound('Webhook message', 'Webhook 通知'),
  notRedeliverable: (status: string) =>
    conflict('WEBHOOK_NOT_REDELIVERABLE', '只有重试用尽仍未送达的通知可以重新投递（已撤回同意而取消的不能）', 'Only a message given up after every retry can be redelivered (not one cancelled by a consent withdrawal)', { status }),
  endpointDisabled: () => conflict('WEBHOOK_ENDPOINT_DISABLED', '该 Webhook 地址已停用，请先启用', 'The webhook endpoint is disabled: enable it first'),
  rootAdminOnly: () =>
    forbidden('ROOT_ADMIN_ONLY', '只有根单位的管理员可以管理 EAP 服务机构及其密钥', 'Only administrators of the root unit may manage EAP vendors and their keys'),
  vendorInactive: () => conflict('VENDOR_INACTIVE', '该服务机构已停用，不能接收新的转介', 'The vendor is inactive and takes no new referrals'),
  /** 409 naming why the vendor cannot take this referral now. */
  coverage: (problem: CoverageProblem, detail: Record<string, unknown>) => conflict(problem, COVERAGE[problem][0], COVERAGE[problem][1], detail),
  serviceNotOffered: (service: string) =>
    badRequest('SERVICE_NOT_OFFERED', '该服务机构不提供此服务项目', 'The vendor does not offer this service', { service }),
  contractDates: () => badRequest('CONTRACT_DATES_INVALID', '合同结束日期不能早于开始日期，日期格式为 YYYY-MM-DD', 'The contract must end on or after its start (dates as YYYY-MM-DD)'),
  contractTerminated: () => conflict('CONTRACT_TERMINATED', '合同已终止，不能再修改', 'The contract was terminated and can no longer change'),
  quotaBelowUsage: (used: number) =>
    conflict('QUOTA_BELOW_USAGE', `总次数不能少于已使用的 ${used} 次`, `The total quota cannot be below the ${used} sessions already used`, { used }),
  contactDetail: (channel: string) =>
    badRequest(
      'CONTACT_DETAIL_INVALID',
      '联系方式与渠道不符：电话须为电话号码，邮件须为邮箱地址，其他渠道不填写',
      'The contact detail does not fit the channel: a phone number for phone, an address for email, none otherwise',
      { channel },
    ),
  notDraft: () => conflict('REFERRAL_NOT_DRAFT', '转介已发送，内容不能再修改', 'The referral was sent; its content can no longer change'),
  alreadyOpen: () =>
    conflict('REFERRAL_ALREADY_OPEN', '该职工已有一个发往该服务机构的转介在进行中', 'The worker already has an open referral to this vendor'),
  previewStale: (expected: string) =>
    conflict(
      'PREVIEW_STALE',
      '待发送的内容与您预览的不一致（内容或合同额度已变化），请重新预览后再发送',
      'What would be sent differs from what you previewed (content or quota changed): preview again, then send',
      { sha256: expected },
    ),
  webhookUrl: (refused: DestinationRefused) =>
    badRequest('WEBHOOK_URL_FORBIDDEN', `不允许的 Webhook 地址：${refused.detail}`, `Webhook URL not allowed: ${refused.detail}`, { reason: refused.code }),
  sessionNumberRequired: () =>
    badRequest('SESSION_NUMBER_REQUIRED', '报告咨询到场须注明第几次咨询（sessionNumber）', 'A session report needs its sessionNumber'),
  concurrentReport: () =>
    conflict('CONCURRENT_UPDATE', '该转介刚被另一请求更新，请重试', 'The referral was changed by another request at the same moment; retry'),
  sessionFieldsNotAllowed: () =>
    badRequest('SESSION_FIELDS_NOT_ALLOWED', '只有咨询到场报告可以填写 sessionNumber', 'Only session_attended reports take a sessionNumber'),
};

/** Inbound webhook refusals: 401 for what fails authentication, 409 for a replay, 400 for a malformed event. */
export const InboundErrors = {
  signature: () => new DomainError(401, 'WEBHOOK_SIGNATURE_INVALID', 'Webhook 签名无效', 'Webhook signature invalid'),
  stale: () => new DomainError(401, 'WEBHOOK_TIMESTAMP_STALE', 'Webhook 时间戳超出 5 分钟容差', 'Webhook timestamp outside the 5-minute tolerance'),
  replayed: () =>
    new DomainError(409, 'WEBHOOK_REPLAYED', '该 webhook-id 已处理过（重放被拒绝）', 'This webhook-id was already processed (replay refused)'),
  malformed: (problem: string) =>
    badRequest('WEBHOOK_MALFORMED', `Webhook 内容无效：${problem}`, `Webhook payload invalid: ${problem}`),
};

/** Turns a 404 from another module (e.g. a worker outside scope) into this module's own 404; other errors pass. */
export const asNotFound =
  (make: () => DomainError) =>
  (error: unknown): never => {
    throw error instanceof DomainError && error.status === 404 ? make() : error;
  };
