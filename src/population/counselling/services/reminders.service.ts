import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../../../people/users/users.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { JobQueue } from '../../../platform/jobs/job-queue.service.js';
import { NotificationService, type Recipient } from '../../../platform/notifications/notification.service.js';
import { recipientOf } from '../../shared/viewer.js';
import { reminderAt } from '../domain/appointment-rules.js';
import { Appointment } from '../entities/appointment.entity.js';

export const REMINDER_JOB = 'counselling.reminder';
export const reminderKey = (appointmentId: string) => `${REMINDER_JOB}:${appointmentId}`;

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/**
 * Appointment reminders through the job queue, 24 hours before the start. One job per appointment (dedupe key);
 * cancelling or rescheduling removes it, and the handler re-checks at run time that the appointment is still booked
 * at the time it was scheduled for, so a moved appointment never reminds at its old time.
 */
@Injectable()
export class CounsellingReminders implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly users: UsersService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.queue.register(REMINDER_JOB, (payload, _job, manager) => this.remind(manager!, payload), { transactional: true });
  }

  async schedule(manager: EntityManager, appointment: Appointment): Promise<void> {
    const runAt = reminderAt(appointment.startsAt, this.clock.now());
    if (!runAt) return;
    await this.queue.enqueue(
      manager,
      REMINDER_JOB,
      { appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() },
      { runAt, dedupeKey: reminderKey(appointment.id) },
    );
  }

  unschedule(manager: EntityManager, appointmentId: string): Promise<void> {
    return this.queue.cancel(manager, reminderKey(appointmentId));
  }

  private async remind(manager: EntityManager, payload: Record<string, unknown>): Promise<void> {
    const appointment = await manager.findOne(Appointment, { where: { id: String(payload.appointmentId) } });
    if (!appointment || appointment.status !== 'booked' || appointment.startsAt.toISOString() !== payload.startsAt) return;
    const when = beijing.format(appointment.startsAt);
    const where = appointment.mode === 'online' ? '线上 / online' : (appointment.place ?? '');
    const worker = await recipientOf(manager, this.users, appointment.workerId);
    if (worker) {
      await this.notifications.notify(manager, [worker], {
        kind: 'counselling.reminder',
        title: '心理咨询预约提醒 / Counselling appointment reminder',
        body: `您预约的心理咨询将于 ${when}（北京时间）开始，地点：${where}。如需改约或取消，请提前操作。/ Your counselling session starts at ${when} (Beijing time): ${where}.`,
        link: `/me/counselling/appointments/${appointment.id}`,
      });
    }
    const counsellor = await this.users.findById(manager, appointment.counsellorId);
    if (counsellor?.active) {
      const recipient: Recipient = { userId: counsellor.id, email: counsellor.email };
      await this.notifications.notify(manager, [recipient], {
        kind: 'counselling.reminder',
        title: '咨询预约提醒 / Session reminder',
        body: `您有一个心理咨询预约将于 ${when}（北京时间）开始。/ You have a session at ${when} (Beijing time).`,
        link: `/counselling/appointments/${appointment.id}`,
      });
    }
  }
}
