import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { userNamesOf, workerNamesOf } from '../../../people/names.js';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { conflict, forbidden, notFound } from '../../../platform/errors/domain-error.js';
import { JobQueue } from '../../../platform/jobs/job-queue.service.js';
import { NotificationService, type Recipient } from '../../../platform/notifications/notification.service.js';
import { Messages } from '../../shared/messages.js';
import { workerFacts } from '../../shared/people-reads.js';
import { IndividualSettings } from '../../shared/settings.js';
import { CrisisErrors } from '../crisis-errors.js';
import type {
  BreakGlassGrantDto,
  BreakGlassQueryDto,
  BreakGlassReviewItemDto,
  BreakGlassReviewPageDto,
  OpenBreakGlassDto,
  ReviewBreakGlassDto,
} from '../dto/break-glass.dto.js';
import { BreakGlassGrant } from '../entities/break-glass-grant.entity.js';
import { CrisisCase } from '../entities/crisis-case.entity.js';
import { CaseAccess } from './case-access.service.js';
import { CaseRouting } from './case-routing.service.js';

export const EXPIRE_JOB = 'crisis.break-glass.expire';

/**
 * Break-the-glass: in an emergency a counsellor reaches the crisis cases of a worker outside their scope, giving a
 * reason. The grant lasts BREAK_GLASS_MINUTES, covers only that worker's crisis cases (CaseAccess), is audited at
 * every use, notifies the supervisors of the worker's unit and of the counsellor's own unit, and waits in their review
 * list. Its expiry is recorded in the audit log by a job.
 */
@Injectable()
export class BreakGlassService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly routing: CaseRouting,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly settings: IndividualSettings,
    private readonly scope: AccessScope,
  ) {}

  onModuleInit(): void {
    this.queue.register(EXPIRE_JOB, (payload, _job, manager) => this.recordExpiry(manager!, String(payload.grantId)), { transactional: true });
  }

  open(actor: Actor, input: OpenBreakGlassDto): Promise<BreakGlassGrantDto> {
    return this.transactions.run(async (manager) => {
      const worker = await workerFacts(manager, input.workerId);
      if (!worker || worker.erased) throw notFound('Worker', '该职工');
      if (await this.access.inScope(manager, actor, worker.id)) throw CrisisErrors.breakGlassNotNeeded();
      const now = this.clock.now();
      const grant = manager.create(BreakGlassGrant, {
        userId: actor.userId,
        userUnitId: actor.orgUnitId,
        workerId: worker.id,
        workerUnitId: worker.orgUnitId,
        reason: input.reason.trim(),
        expiresAt: new Date(now.getTime() + this.settings.breakGlassMs),
        reviewedAt: null,
        reviewedBy: null,
        reviewNote: null,
        createdAt: now,
      });
      await manager.save(grant);
      await this.audit.record(manager, actor, {
        action: 'break_glass.open',
        resourceType: 'break_glass_grant',
        resourceId: grant.id,
        workerId: worker.id,
        detail: { expiresAt: grant.expiresAt.toISOString(), workerUnitId: worker.orgUnitId },
      });
      const recipients: Recipient[] = [];
      for (const unitId of [worker.orgUnitId, actor.orgUnitId]) {
        for (const user of (await this.routing.supervisors(manager, unitId))?.users ?? []) {
          if (user.id !== actor.userId && !recipients.some((r) => r.userId === user.id)) recipients.push({ userId: user.id, email: user.email });
        }
      }
      await this.notifications.notify(manager, recipients, Messages.breakGlassOpened(grant.id));
      await this.queue.enqueue(manager, EXPIRE_JOB, { grantId: grant.id }, { runAt: grant.expiresAt, dedupeKey: `${EXPIRE_JOB}:${grant.id}` });
      const cases = await manager.find(CrisisCase, { where: { workerId: worker.id, active: true }, order: { dueAt: 'ASC' } });
      return {
        id: grant.id,
        workerId: worker.id,
        workerName: worker.name,
        expiresAt: grant.expiresAt.toISOString(),
        cases: cases.map((c) => ({ id: c.id, level: c.level, state: c.state, dueAt: c.dueAt.toISOString() })),
      };
    });
  }

  /** The review list for supervisors: grants touching their subtree, newest first (reading reasons is audited). */
  async list(actor: Actor, query: BreakGlassQueryDto): Promise<BreakGlassReviewPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total, names] = await this.transactions.read(async (manager) => {
      const qb = this.whereInReview(manager.getRepository(BreakGlassGrant).createQueryBuilder('g'), actor);
      if (query.reviewed === false) qb.andWhere('g.reviewed_at IS NULL');
      if (query.reviewed === true) qb.andWhere('g.reviewed_at IS NOT NULL');
      const [found, count] = await qb
        .orderBy('g.created_at', 'DESC')
        .addOrderBy('g.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      return [found, count, await this.namesOf(manager, found)] as const;
    });
    await this.audit.recordRead(actor, { action: 'break_glass.list', resourceType: 'break_glass_grant', detail: { results: rows.length, grantIds: rows.map((g) => g.id) } });
    const now = this.clock.now();
    return { items: rows.map((g) => this.toReviewItem(g, now, names)), total, page, pageSize };
  }

  review(actor: Actor, id: string, input: ReviewBreakGlassDto): Promise<BreakGlassReviewItemDto> {
    return this.transactions.run(async (manager) => {
      const grant = await this.whereInReview(manager.getRepository(BreakGlassGrant).createQueryBuilder('g').where('g.id = :id', { id }), actor).getOne();
      if (!grant) throw CrisisErrors.grantNotFound();
      if (grant.userId === actor.userId) throw forbidden('SELF_REVIEW', '不能复核自己的紧急授权', 'You cannot review your own grant');
      if (grant.reviewedAt) throw conflict('ALREADY_REVIEWED', '该紧急授权已复核', 'This grant has already been reviewed', { reviewedBy: grant.reviewedBy });
      grant.reviewedAt = this.clock.now();
      grant.reviewedBy = actor.userId;
      grant.reviewNote = input.note?.trim() || null;
      await manager.save(grant);
      await this.audit.record(manager, actor, { action: 'break_glass.review', resourceType: 'break_glass_grant', resourceId: grant.id, workerId: grant.workerId });
      return this.toReviewItem(grant, this.clock.now(), await this.namesOf(manager, [grant]));
    });
  }

  private async recordExpiry(manager: EntityManager, grantId: string): Promise<void> {
    const grant = await manager.findOne(BreakGlassGrant, { where: { id: grantId } });
    if (!grant) return;
    await this.audit.record(manager, SYSTEM_ACTOR, {
      action: 'break_glass.expire',
      resourceType: 'break_glass_grant',
      resourceId: grant.id,
      workerId: grant.workerId,
      detail: { userId: grant.userId, expiresAt: grant.expiresAt.toISOString() },
    });
  }

  /** Grants whose worker's unit, or whose grantee's unit, is in the viewer's subtree. */
  private whereInReview(qb: SelectQueryBuilder<BreakGlassGrant>, actor: Actor): SelectQueryBuilder<BreakGlassGrant> {
    return this.scope.whereAnyUnitInScope(qb, actor, ['g.worker_unit_id', 'g.user_unit_id']);
  }

  private async namesOf(manager: EntityManager, grants: BreakGlassGrant[]): Promise<{ users: Map<string, string>; workers: Map<string, string> }> {
    return {
      users: await userNamesOf(manager, grants.map((g) => g.userId)),
      workers: await workerNamesOf(manager, grants.map((g) => g.workerId)),
    };
  }

  private toReviewItem(g: BreakGlassGrant, now: Date, names: { users: Map<string, string>; workers: Map<string, string> }): BreakGlassReviewItemDto {
    return {
      id: g.id,
      userId: g.userId,
      userName: names.users.get(g.userId) ?? null,
      userUnitId: g.userUnitId,
      workerId: g.workerId,
      workerName: names.workers.get(g.workerId) ?? null,
      workerUnitId: g.workerUnitId,
      reason: g.reason,
      createdAt: g.createdAt.toISOString(),
      expiresAt: g.expiresAt.toISOString(),
      active: g.expiresAt > now,
      reviewedAt: g.reviewedAt ? g.reviewedAt.toISOString() : null,
      reviewedBy: g.reviewedBy,
      reviewNote: g.reviewNote,
    };
  }
}
