import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../../people/users/users.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { JobQueue } from '../../platform/jobs/job-queue.service.js';
import { NotificationService } from '../../platform/notifications/notification.service.js';
import { calendarDay, daysBetween } from '../shared/calendar.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import { EapContract } from './contract.entity.js';
import { renewalReminderTimes } from './contract-rules.js';

export const RENEWAL_REMINDER_JOB = 'eap.contract.renewal-reminder';

const keyOf = (contractId: string, endsOn: string, leadDays: number) => `${RENEWAL_REMINDER_JOB}:${contractId}:${endsOn}:${leadDays}`;

/**
 * Renewal reminders (续约提醒) through the job queue: one job per lead day before the end, written with the contract.
 * A reminder made moot (the contract renewed to a later day, or terminated) is cancelled, and the handler checks again
 * before notifying, so none goes out for an end date that no longer holds.
 */
@Injectable()
export class ContractReminders implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly notifications: NotificationService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.queue.register(RENEWAL_REMINDER_JOB, (payload, _job, manager) => this.remind(manager!, payload), { transactional: true });
  }

  async schedule(manager: EntityManager, contract: EapContract): Promise<void> {
    if (contract.status !== 'active') return;
    for (const { leadDays, at } of renewalReminderTimes(contract.endsOn, contract.reminderDays, this.clock.now())) {
      await this.queue.enqueue(manager, RENEWAL_REMINDER_JOB, { contractId: contract.id, endsOn: contract.endsOn, leadDays }, { runAt: at, dedupeKey: keyOf(contract.id, contract.endsOn, leadDays) });
    }
  }

  async unschedule(manager: EntityManager, contract: Pick<EapContract, 'id' | 'endsOn' | 'reminderDays'>): Promise<void> {
    for (const leadDays of contract.reminderDays) await this.queue.cancel(manager, keyOf(contract.id, contract.endsOn, leadDays));
  }

  private async remind(manager: EntityManager, payload: Record<string, unknown>): Promise<void> {
    const contract = await manager.findOne(EapContract, { where: { id: String(payload.contractId) } });
    if (!contract || contract.status !== 'active' || contract.endsOn !== payload.endsOn) return;
    const vendor = await manager.findOne(EapVendor, { where: { id: contract.vendorId } });
    const admins = await this.users.staffOf(manager, [contract.orgUnitId], ['admin']);
    const creator = await this.users.findById(manager, contract.createdBy);
    const recipients = new Map(admins.map((u) => [u.id, { userId: u.id, email: u.email }]));
    if (creator?.active) recipients.set(creator.id, { userId: creator.id, email: creator.email });
    const daysLeft = daysBetween(calendarDay(this.clock.now()), contract.endsOn);
    await this.notifications.notify(manager, [...recipients.values()], {
      kind: 'eap.contract_renewal',
      title: `EAP 合同即将到期 / EAP contract ending: ${contract.reference}`,
      body:
        `与“${vendor?.name ?? ''}”的 EAP 合同（${contract.reference}）将于 ${contract.endsOn} 到期（还有 ${daysLeft} 天），请及时续约，使职工精神福利不中断。` +
        ` / The EAP contract ${contract.reference} with ${vendor?.name ?? ''} ends on ${contract.endsOn} (${daysLeft} days): renew it so the service continues.`,
      link: `/eap/contracts/${contract.id}`,
    });
  }
}
