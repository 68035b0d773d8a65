import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../../people/users/users.service.js';
import { NotificationService } from '../../platform/notifications/notification.service.js';
import { EapContract } from '../contracts/contract.entity.js';
import { EapReferral } from '../referrals-out/eap-referral.entity.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import type { EapWebhookMessage } from './webhook-message.entity.js';

/**
 * After a message's last attempt: the administrators of the contract it concerns (the referral's contract, or for a
 * message without one the vendor's active contracts) and whoever made that contract are told, with a link to the
 * endpoint's delivery log, where they can redeliver it (`POST /eap/webhook-messages/{id}/redeliver`).
 */
@Injectable()
export class WebhookGiveUp {
  constructor(
    private readonly users: UsersService,
    private readonly notifications: NotificationService,
  ) {}

  async tell(manager: EntityManager, message: EapWebhookMessage): Promise<void> {
    const referral = message.referralId ? await manager.findOne(EapReferral, { where: { id: message.referralId }, select: { id: true, contractId: true } }) : null;
    const contracts = referral?.contractId
      ? await manager.find(EapContract, { where: { id: referral.contractId } })
      : await manager.find(EapContract, { where: { vendorId: message.vendorId, status: 'active' } });
    const admins = await this.users.staffOf(manager, [...new Set(contracts.map((c) => c.orgUnitId))], ['admin']);
    const made = await Promise.all([...new Set(contracts.map((c) => c.createdBy))].map((id) => this.users.findById(manager, id)));
    const recipients = new Map(admins.map((u) => [u.id, { userId: u.id, email: u.email }]));
    for (const user of made) if (user?.active) recipients.set(user.id, { userId: user.id, email: user.email });
    if (recipients.size === 0) return;
    const vendor = await manager.findOne(EapVendor, { where: { id: message.vendorId }, select: { id: true, name: true } });
    await this.notifications.notify(manager, [...recipients.values()], {
      kind: 'eap.webhook_failed',
      title: `EAP 通知未能送达 / EAP webhook not delivered: ${vendor?.name ?? ''}`,
      body:
        `发往“${vendor?.name ?? ''}”的 ${message.eventType} 通知多次重试后仍未送达，请确认对方系统恢复后在投递记录中重新投递。` +
        ` / The ${message.eventType} webhook to ${vendor?.name ?? ''} was not delivered after every retry: redeliver it from the delivery log once their system is back.`,
      link: `/admin/eap/webhook-endpoints/${message.endpointId}`,
    });
  }
}
