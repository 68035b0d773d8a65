import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../../platform/clock/clock.js';
import { queryNamed } from '../../../platform/database/named-query.js';
import { DIALECT } from '../../../platform/database/dialect.js';
import { JobQueue } from '../../../platform/jobs/job-queue.service.js';
import { NotificationService, type NotificationMessage, type Recipient } from '../../../platform/notifications/notification.service.js';
import { CareProgramme } from '../entities/care-programme.entity.js';
import { ProgrammeEnrolment } from '../entities/programme-enrolment.entity.js';

export const INVITE_JOB = 'programme.invite';
const BATCH = 500;

/**
 * Invitations to a programme. After a bulk enrolment one `programme.invite` job is queued; each run notifies up to
 * 500 invited workers with an active account (the enrolment row is marked when its notice is written, in the same
 * transaction) and queues the next batch, so 10,000 enrolments make 20 jobs, not 10,000, and a retried batch never
 * notifies anyone twice. On PostgreSQL the batch rows are locked with SKIP LOCKED, so two chains for one programme
 * (two enrolments in quick succession) share the work instead of repeating it. Workers without an account see the
 * invitation when they first sign in (GET /me/programmes).
 */
@Injectable()
export class ProgrammeInvitations implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.queue.register(INVITE_JOB, (payload, _job, manager) => this.deliver(manager!, String(payload.programmeId), Number(payload.batch ?? 1)), {
      transactional: true,
    });
  }

  async queueFor(manager: EntityManager, programmeId: string): Promise<void> {
    await this.queue.enqueue(manager, INVITE_JOB, { programmeId, batch: 1 });
  }

  /** One worker enrolled automatically: invited at once, in the handler's transaction (no job per worker). */
  async inviteNow(manager: EntityManager, programme: CareProgramme, recipient: Recipient & { workerId: string }): Promise<void> {
    await this.notifications.notify(manager, [recipient], invitation(programme));
    await manager.update(ProgrammeEnrolment, { programmeId: programme.id, workerId: recipient.workerId }, { invitationSentAt: this.clock.now() });
  }

  private async deliver(manager: EntityManager, programmeId: string, batch: number): Promise<void> {
    const programme = await manager.findOne(CareProgramme, { where: { id: programmeId } });
    if (!programme || programme.status !== 'active') return;
    const rows = await queryNamed<{ workerId: string; userId: string; email: string | null }>(
      manager,
      `SELECT e.worker_id AS "workerId", u.id AS "userId", u.email AS email
       FROM programme_enrolments e JOIN users u ON u.worker_id = e.worker_id AND u.active
       WHERE e.programme_id = :programmeId AND e.status = 'invited' AND e.invitation_sent_at IS NULL
       ORDER BY e.worker_id LIMIT ${BATCH} ${DIALECT === 'postgres' ? 'FOR UPDATE OF e SKIP LOCKED' : ''}`,
      { programmeId },
    );
    if (rows.length === 0) return;
    await this.notifications.notify(manager, rows.map((r) => ({ userId: r.userId, email: r.email })), invitation(programme));
    await manager
      .createQueryBuilder()
      .update(ProgrammeEnrolment)
      .set({ invitationSentAt: this.clock.now() })
      .where('programme_id = :programmeId AND worker_id IN (:...workerIds)', { programmeId, workerIds: rows.map((r) => r.workerId) })
      .execute();
    if (rows.length === BATCH) await this.queue.enqueue(manager, INVITE_JOB, { programmeId, batch: batch + 1 });
  }
}

/** A sensitive programme's notice names neither the programme nor its subgroup: notices may travel by email. */
export function invitation(programme: CareProgramme): NotificationMessage {
  const link = `/me/programmes/${programme.id}`;
  if (programme.sensitive) {
    return {
      kind: 'programme_invitation',
      title: '关爱服务邀请 / An invitation from the union’s support services',
      body: '工会心理服务为你准备了一项关爱服务。登录后可查看详情，并自愿选择是否参加。 / The union’s psychological services have a support programme for you. Sign in to see what it is and choose freely whether to take part.',
      link,
    };
  }
  const title = programme.title.length > 80 ? `${programme.title.slice(0, 79)}…` : programme.title;
  return {
    kind: 'programme_invitation',
    title: `邀请参加：${title} / Invitation: ${title}`,
    body: `工会邀请你参加「${title}」。登录后可查看安排，并自愿选择是否参加。 / The union invites you to "${title}". Sign in to see the plan and choose freely whether to take part.`,
    link,
  };
}
