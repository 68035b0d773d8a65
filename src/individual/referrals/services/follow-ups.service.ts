import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkerContacts, contactDisclosure } from '../../../people/workers/worker-contacts.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { dbTime } from '../../../platform/database/db-time.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { JobQueue } from '../../../platform/jobs/job-queue.service.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import type { OverdueFollowUpDto } from '../../crisis/dto/crisis-case.dto.js';
import { CaseQueueService } from '../../crisis/services/case-queue.service.js';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { IndividualHistory } from '../../shared/history.service.js';
import { Messages } from '../../shared/messages.js';
import { userFacts } from '../../shared/people-reads.js';
import { IndividualSettings } from '../../shared/settings.js';
import { followUpDates, overdueCutoff } from '../domain/follow-up-schedule.js';
import type { CompleteFollowUpDto, FollowUpDto, FollowUpPageDto, FollowUpQueryDto } from '../dto/follow-up.dto.js';
import { FollowUp } from '../entities/follow-up.entity.js';
import type { Referral } from '../entities/referral.entity.js';
import { toFollowUpDto } from '../referral-mapper.js';
import { ReferralErrors } from '../referral-errors.js';
import { ReferralAccess } from './referral-access.service.js';

export const FOLLOW_UP_DUE_JOB = 'referral.follow_up.due';
const QUEUE_LIMIT = 50;

/**
 * 帮扶随访: when a referral is sent, its follow-ups are written (REFERRAL_FOLLOW_UP_DAYS after sending, default 7, 30
 * and 90 days) with one durable job each. At the due time the job makes the follow-up a task: the counsellor is
 * notified and the referral's history says so. Follow-ups a day past due and not recorded are overdue: they are
 * listed with the crisis-case queue and at GET /follow-ups?status=overdue.
 */
@Injectable()
export class FollowUpsService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: ReferralAccess,
    private readonly scope: AccessScope,
    private readonly queue: JobQueue,
    private readonly caseQueue: CaseQueueService,
    private readonly notifications: NotificationService,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: IndividualSettings,
    private readonly contacts: WorkerContacts,
  ) {}

  onModuleInit(): void {
    this.queue.register(FOLLOW_UP_DUE_JOB, (payload, _job, manager) => this.makeTask(manager!, String(payload.followUpId)), { transactional: true });
    this.caseQueue.provideOverdueFollowUps((manager, actor, now) => this.overdueForQueue(manager, actor, now));
  }

  /** Writes the follow-ups of a referral just sent, and their jobs. */
  async schedule(manager: EntityManager, referral: Referral, sentAt: Date): Promise<void> {
    const assigneeId = referral.ownerId ?? referral.createdBy;
    if (!assigneeId) return;
    const dates = followUpDates(sentAt, this.settings.followUpDays);
    for (const [index, dueAt] of dates.entries()) {
      const followUp = manager.create(FollowUp, { referralId: referral.id, workerId: referral.workerId, assigneeId, seq: index + 1, dueAt, createdAt: this.clock.now() });
      await manager.save(followUp);
      await this.queue.enqueue(manager, FOLLOW_UP_DUE_JOB, { followUpId: followUp.id }, { runAt: dueAt, dedupeKey: `${FOLLOW_UP_DUE_JOB}:${followUp.id}` });
    }
    await this.history.write(manager, { label: 'system' }, {
      subjectType: 'referral',
      subjectId: referral.id,
      workerId: referral.workerId,
      action: 'follow_ups_scheduled',
      to: this.settings.followUpDays.join(','),
    });
  }

  private async makeTask(manager: EntityManager, followUpId: string): Promise<void> {
    const followUp = await manager.findOne(FollowUp, { where: { id: followUpId } });
    if (!followUp || followUp.completedAt || followUp.taskCreatedAt) return;
    await manager.update(FollowUp, { id: followUp.id }, { taskCreatedAt: this.clock.now() });
    const assignee = await userFacts(manager, followUp.assigneeId);
    if (assignee?.active) await this.notifications.notify(manager, [{ userId: assignee.id, email: assignee.email }], Messages.followUpDue(followUp.referralId, followUp.dueAt));
    await this.history.write(manager, { label: 'system' }, {
      subjectType: 'referral',
      subjectId: followUp.referralId,
      workerId: followUp.workerId,
      action: 'follow_up_due',
      to: String(followUp.seq),
    });
  }

  /** Follow-ups of workers in scope: `open` (due or overdue, default), `upcoming`, `due`, `overdue`, `done`. */
  async list(actor: Actor, query: FollowUpQueryDto): Promise<FollowUpPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const status = query.status ?? 'open';
    const now = this.clock.now();
    const { rows, total, contacts } = await this.transactions.read(async (manager) => {
      const qb = manager.getRepository(FollowUp).createQueryBuilder('f');
      if (status === 'done') qb.where('f.completed_at IS NOT NULL');
      else qb.where('f.completed_at IS NULL');
      if (status === 'upcoming') qb.andWhere('f.due_at > :now', { now: dbTime(now) });
      if (status === 'open') qb.andWhere('f.due_at <= :now', { now: dbTime(now) });
      if (status === 'due') qb.andWhere('f.due_at <= :now AND f.due_at > :cutoff', { now: dbTime(now), cutoff: dbTime(overdueCutoff(now)) });
      if (status === 'overdue') qb.andWhere('f.due_at <= :cutoff', { cutoff: dbTime(overdueCutoff(now)) });
      if (query.mine) qb.andWhere('f.assignee_id = :me', { me: actor.userId });
      this.scope.whereWorkerInScope(qb, actor, 'f.worker_id', 'row');
      const [found, count] = await qb
        .orderBy('f.due_at', status === 'done' ? 'DESC' : 'ASC')
        .addOrderBy('f.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      return { rows: found, total: count, contacts: await this.contacts.of(manager, found.map((f) => f.workerId)) };
    });
    // The list read and one contact disclosure per worker shown, all durable before the page leaves.
    await Promise.all([
      this.audit.recordRead(actor, {
        action: 'follow_up.list',
        resourceType: 'referral',
        detail: { status, results: rows.length, workerIds: [...new Set(rows.map((f) => f.workerId))] },
      }),
      ...[...contacts.keys()].map((workerId) => this.audit.recordRead(actor, contactDisclosure(workerId, { via: 'follow_ups' }))),
    ]);
    return { items: rows.map((f) => toFollowUpDto(f, now)), total, page, pageSize, contacts: [...contacts.values()] };
  }

  complete(actor: Actor, id: string, input: CompleteFollowUpDto): Promise<FollowUpDto> {
    return this.transactions.run(async (manager) => {
      const followUp = await manager.findOne(FollowUp, { where: { id } });
      if (!followUp) throw ReferralErrors.followUpNotFound();
      const { grantId } = await this.access.require(manager, actor, followUp.referralId).catch(() => {
        throw ReferralErrors.followUpNotFound();
      });
      if (followUp.completedAt) throw ReferralErrors.followUpDone();
      const now = this.clock.now();
      Object.assign(followUp, { completedAt: now, completedBy: actor.userId, contactMade: input.contactMade, note: input.note?.trim() || null });
      await manager.save(followUp);
      await this.history.write(manager, actor, {
        subjectType: 'referral',
        subjectId: followUp.referralId,
        workerId: followUp.workerId,
        action: 'follow_up_recorded',
        to: String(followUp.seq),
        reason: input.contactMade ? '已联系 / contact made' : '未能联系 / no contact',
      });
      await this.audit.record(manager, actor, {
        action: 'follow_up.complete',
        resourceType: 'referral',
        resourceId: followUp.referralId,
        workerId: followUp.workerId,
        detail: { followUpId: followUp.id, contactMade: input.contactMade, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
      });
      return toFollowUpDto(followUp, now);
    });
  }

  /** For the crisis-case queue: overdue follow-ups in scope, oldest first (the queue's audit row covers the read). */
  private async overdueForQueue(manager: EntityManager, actor: Actor, now: Date): Promise<OverdueFollowUpDto[]> {
    const qb = manager
      .getRepository(FollowUp)
      .createQueryBuilder('f')
      .where('f.completed_at IS NULL AND f.due_at <= :cutoff', { cutoff: dbTime(overdueCutoff(now)) });
    this.scope.whereWorkerInScope(qb, actor, 'f.worker_id', 'row');
    const rows = await qb.orderBy('f.due_at', 'ASC').addOrderBy('f.id', 'ASC').limit(QUEUE_LIMIT).getMany();
    return rows.map((f) => ({ id: f.id, referralId: f.referralId, workerId: f.workerId, assigneeId: f.assigneeId, dueAt: f.dueAt.toISOString() }));
  }
}
