import { badRequest, conflict, DomainError, notFound } from '../platform/errors/domain-error.js';

/** The desk's refusals, with stable codes (Chinese first). State-machine refusals come from domain/request-state.ts. */
export const requestNotFound = () => notFound('Request', '该诉求');

export const forwardToSameUnit = () => badRequest('FORWARD_SAME_UNIT', '不能转办给正在办理的单位', 'The request is already with that unit');

export const forwardDueInPast = () => badRequest('FORWARD_DUE_IN_PAST', '转办时限须晚于现在', 'The forward deadline must be in the future');

export const noPendingForward = () => conflict('NO_PENDING_FORWARD', '没有待接收的转办', 'There is no pending forward to accept or return');

export const notReceivingUnit = () =>
  new DomainError(403, 'NOT_RECEIVING_UNIT', '该转办不是发给本单位的', 'The pending forward is addressed to a unit outside your scope');

/** The actor may see the request (e.g. their unit forwarded it) but it is with a unit outside their scope. */
export const notHandlingUnit = () =>
  new DomainError(403, 'NOT_HANDLING_UNIT', '该诉求目前不由本单位办理', 'The request is with a unit outside your scope; only that unit acts on it');

export const alreadyLinked = () => conflict('ALREADY_LINKED', '该诉求已关联职工档案', 'The request is already linked to a worker profile');

export const invalidReference = () => badRequest('INVALID_REFERENCE', '诉求编号格式不正确（例：XG-20261125-0042）', 'Not a reference number (e.g. XG-20261125-0042)');

export const routingRuleExists = () => conflict('ROUTING_RULE_EXISTS', '该单位已有此类别的分派规则', 'That unit already has a rule for this category');

export const invalidPeriod = () => badRequest('PERIOD_INVALID', '统计期间无效：结束须晚于开始，且不超过 366 天', 'The period is invalid: `to` must follow `from`, at most 366 days');
