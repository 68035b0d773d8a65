import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { In, type EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import type { AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../database/transactions.js';
import { badRequest } from '../../errors/domain-error.js';
import { JobQueue } from '../../jobs/job-queue.service.js';
import { maskMobile, normaliseMobile } from '../../sms/phone-numbers.js';
import { SmsService } from '../../sms/sms.service.js';
import type { SmsTemplate } from '../../sms/sms-templates.js';
import { MAIL_JOB } from '../mailer.service.js';
import type { NotificationMessage, Recipient } from '../notification.service.js';
import type { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './notification-channel.dto.js';
import { NotificationPreference } from './notification-preference.entity.js';
import { RecipientContacts } from './recipient-contacts.js';

/** The SMS template of a notice kind: a reminder says it is one; everything else only that a message waits. */
const templateFor = (kind: string): SmsTemplate => (kind === 'counselling.reminder' ? 'appointment_reminder' : 'message_waiting');

/**
 * Email and SMS beside the inbox, each as the person chose. Only the kinds listed in SMS_NOTIFICATION_KINDS
 * (prefixes) go by SMS, so a phone is not woken for every routine notice.
 */
@Injectable()
export class NotificationChannels {
  private readonly smsKinds: string[];

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly queue: JobQueue,
    private readonly sms: SmsService,
    private readonly transactions: Transactions,
    private readonly contacts: RecipientContacts,
  ) {
    this.smsKinds = config.get('SMS_NOTIFICATION_KINDS', { infer: true }).split(',').map((k) => k.trim()).filter(Boolean);
  }

  /** In the caller's transaction, like the inbox rows: sends exist exactly when the change that caused them does. */
  async deliver(manager: EntityManager, recipients: Recipient[], message: NotificationMessage): Promise<void> {
    const userIds = recipients.map((r) => r.userId);
    if (userIds.length === 0) return;
    const preferences = new Map(
      (await manager.find(NotificationPreference, { where: { userId: In(userIds) } })).map((p) => [p.userId, p]),
    );
    const emailEnabled = this.config.get('SMTP_URL', { infer: true }) !== '';
    const bySms = this.smsKinds.some((prefix) => message.kind.startsWith(prefix));
    const mobiles = bySms ? await this.contacts.workerMobiles(manager, userIds) : new Map<string, string>();
    for (const recipient of recipients) {
      const preference = preferences.get(recipient.userId);
      if (emailEnabled && recipient.email && preference?.email !== false) {
        await this.queue.enqueue(manager, MAIL_JOB, { to: recipient.email, subject: message.title, text: message.body });
      }
      const mobile = mobiles.get(recipient.userId) ?? preference?.staffMobile ?? null;
      if (bySms && mobile && preference?.sms !== false) {
        await this.sms.queueSms(manager, { phone: mobile, userId: recipient.userId, template: templateFor(message.kind), purpose: 'notice' });
      }
    }
  }

  preferences(actor: Actor): Promise<NotificationPreferencesDto> {
    return this.transactions.read((manager) => this.view(manager, actor));
  }

  update(actor: Actor, input: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.transactions.run(async (manager) => {
      const current = (await manager.findOne(NotificationPreference, { where: { userId: actor.userId } })) ??
        manager.create(NotificationPreference, { userId: actor.userId, email: true, sms: true, staffMobile: null });
      if (input.staffMobile !== undefined) {
        if (actor.role === 'worker') {
          throw badRequest('STAFF_MOBILE_FOR_STAFF', '职工的手机号在职工档案中维护', "A worker's number is kept on their profile");
        }
        const mobile = input.staffMobile.trim() === '' ? null : normaliseMobile(input.staffMobile);
        if (input.staffMobile.trim() !== '' && !mobile) {
          throw badRequest('MOBILE_INVALID', '请填写有效的中国大陆手机号', 'Give a valid mainland mobile number');
        }
        current.staffMobile = mobile;
      }
      if (input.email !== undefined) current.email = input.email;
      if (input.sms !== undefined) current.sms = input.sms;
      await manager.save(current);
      // Switching SMS on is the owner's explicit wish: it lifts an earlier TD reply from the same number.
      if (input.sms === true) {
        const mobile = await this.mobileOf(manager, actor.userId, current);
        if (mobile) await this.sms.optIn(manager, this.sms.hashOf(mobile));
      }
      return this.view(manager, actor);
    });
  }

  private async mobileOf(manager: EntityManager, userId: string, preference: NotificationPreference | null): Promise<string | null> {
    const fromProfile = (await this.contacts.workerMobiles(manager, [userId])).get(userId);
    return fromProfile ?? preference?.staffMobile ?? null;
  }

  private async view(manager: EntityManager, actor: Actor): Promise<NotificationPreferencesDto> {
    const preference = await manager.findOne(NotificationPreference, { where: { userId: actor.userId } });
    const mobile = await this.mobileOf(manager, actor.userId, preference);
    return {
      inApp: true,
      email: preference?.email ?? true,
      sms: preference?.sms ?? true,
      smsAvailable: mobile !== null,
      smsOptedOut: mobile ? await this.sms.isOptedOut(manager, this.sms.hashOf(mobile)) : false,
      staffMobile: preference?.staffMobile ? maskMobile(preference.staffMobile) : null,
    };
  }
}
