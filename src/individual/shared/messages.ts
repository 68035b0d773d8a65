import type { NotificationMessage } from '../../platform/notifications/notification.service.js';

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
const beijing = (at: Date) => SHANGHAI.format(at);

const SOURCE_ZH: Record<string, string> = { assessment: '新的测评危机结果', self_help: '职工的紧急求助', service_desk: '服务台危机求助', counselling: '咨询中的危机标记', online_counselling: '线上疏导消息中的危机标记' };
const SOURCE_EN: Record<string, string> = { assessment: 'A new crisis assessment result', self_help: "The worker's request for help", service_desk: 'A crisis request from the service desk', counselling: 'A crisis flag from counselling', online_counselling: 'A crisis flag on an online counselling message' };

/**
 * Notification texts of the individual tier. They name neither the worker nor anything clinical: the recipient opens
 * the link, where access is checked and audited.
 */
export const Messages = {
  caseAssigned: (caseId: string, dueAt: Date): NotificationMessage => ({
    kind: 'crisis_case.assigned',
    title: '新的危机个案待您确认 / A crisis case is waiting for you',
    body: `请在 ${beijing(dueAt)}（北京时间）前确认接手。/ Please acknowledge it by ${beijing(dueAt)} (Beijing time).`,
    link: `/crisis-cases/${caseId}`,
  }),
  caseUnassigned: (caseId: string, dueAt: Date): NotificationMessage => ({
    kind: 'crisis_case.unassigned',
    title: '无人值班：新的危机个案待分派 / Nobody on duty: a crisis case needs someone',
    body: `当前没有值班的心理咨询师，请分派或亲自接手，期限 ${beijing(dueAt)}（北京时间）。/ No counsellor is on duty; assign it or take it yourself by ${beijing(dueAt)} (Beijing time).`,
    link: `/crisis-cases/${caseId}`,
  }),
  caseEscalated: (caseId: string, dueAt: Date, step: number): NotificationMessage => ({
    kind: 'crisis_case.escalated',
    title: `危机个案超时未确认（第 ${step} 次上报）/ A crisis case was not acknowledged in time (escalation ${step})`,
    body: `该个案应于 ${beijing(dueAt)}（北京时间）前确认，至今无人接手，请立即处理。/ It was due by ${beijing(dueAt)} (Beijing time) and nobody has acknowledged it; please act now.`,
    link: `/crisis-cases/${caseId}`,
  }),
  caseJoined: (caseId: string, source: string, raised: boolean): NotificationMessage => ({
    kind: 'crisis_case.joined',
    title: `${SOURCE_ZH[source] ?? '新的危机来源'}已并入您的危机个案${raised ? '，等级已上调' : ''} / ${SOURCE_EN[source] ?? 'A new crisis source'} joined your crisis case${raised ? '; its level was raised' : ''}`,
    body: '请打开个案查看原因并尽快联系该职工。/ Open the case to see why and contact the worker soon.',
    link: `/crisis-cases/${caseId}`,
  }),
  breakGlassOpened: (grantId: string): NotificationMessage => ({
    kind: 'break_glass.opened',
    title: '紧急授权已启用，待您复核 / Break-the-glass access was used and awaits your review',
    body: '一名心理咨询师以紧急授权查看了管辖范围外职工的危机个案。/ A counsellor opened crisis cases of a worker outside their scope.',
    link: `/break-glass/${grantId}`,
  }),
  referralDraft: (referralId: string): NotificationMessage => ({
    kind: 'referral.draft',
    title: '转介草稿已创建 / A referral draft was created',
    body: '请补充接收机构并在取得同意后发送。/ Add the provider and send it once the worker has consented.',
    link: `/referrals/${referralId}`,
  }),
  followUpDue: (referralId: string, dueAt: Date): NotificationMessage => ({
    kind: 'referral.follow_up_due',
    title: '转介随访到期 / A referral follow-up is due',
    body: `请于 ${beijing(dueAt)}（北京时间）前后联系该职工并记录随访。/ Please contact the worker around ${beijing(dueAt)} (Beijing time) and record the follow-up.`,
    link: `/referrals/${referralId}`,
  }),
};
