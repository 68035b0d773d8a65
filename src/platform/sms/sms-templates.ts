/**
 * The only texts Xingang sends by SMS. They carry no clinical content and no names: a phone's lock screen, a shared
 * handset or the gateway operator learns only that there is a message to read after signing in.
 */
export const SMS_TEMPLATES = {
  message_waiting: '【心港】您有一条心港消息，请登录查看。回复TD退订',
  appointment_reminder: '【心港】您有一项预约即将开始，请登录心港查看时间与方式。回复TD退订',
  verification_code: '【心港】验证码 {code}，5 分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。',
} as const;
export type SmsTemplate = keyof typeof SMS_TEMPLATES;

export function renderSms(template: SmsTemplate, params: Record<string, string> = {}): string {
  return SMS_TEMPLATES[template].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** Replies that opt a number out of notices (verification codes the person asks for are still sent). */
export const OPT_OUT_REPLY = /^\s*(TD|T|N|退订|STOP|UNSUBSCRIBE)\s*$/i;
