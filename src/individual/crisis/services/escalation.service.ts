import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { JobQueue } from '../../../platform/jobs/job-queue.service.js';
import { NotificationService, type Recipient } from '../../../platform/notifications/notification.service.js';
import { IndividualHistory } from '../../shared/history.service.js';
import type { CrisisLevel } from '../../shared/levels.js';
import { Messages } from '../../shared/messages.js';
import { IndividualSettings } from '../../shared/settings.js';
import { escalationKey, nextEscalationAt } from '../domain/deadlines.js';
import { CrisisCase } from '../entities/crisis-case.entity.js';
import { CasePush } from './case-push.js';
import { CaseRouting } from './case-routing.service.js';
import { userFacts } from '../../shared/people-reads.js';

export const ESCALATE_JOB = 'crisis.escalate';

interface EscalationPayload {
  caseId: string;
  level: CrisisLevel;
  /** ISO time the check was scheduled for; must still be the case's next escalation time. */
  at: string;
}

/**
 * Escalation of unacknowledged cases through the durable job queue. Each open case has one pending check at its
 * `nextEscalationAt` (dedupe key per case, level and time). A check that finds the case still open notifies the
 * supervisors of the nearest unit that has any (then, at each further deadline, the next such unit up the tree),
 * writes a history row and schedules the next check. The job survives restarts and runs late if the app was down;
 * a check made stale by acknowledgement or a level change does nothing.
 */
@Injectable()
export class EscalationService implements OnModuleInit {
  private readonly logger = new Logger(EscalationService.name);

  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly routing: CaseRouting,
    private readonly notifications: NotificationService,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly settings: IndividualSettings,
    private readonly push: CasePush,
  ) {}

  onModuleInit(): void {
    this.queue.register(ESCALATE_JOB, (payload, _job, manager) => this.check(manager!, payload as unknown as EscalationPayload), { transactional: true });
  }

  /** Enqueues the check at the case's `nextEscalationAt` (idempotent). */
  async schedule(manager: EntityManager, crisisCase: Pick<CrisisCase, 'id' | 'level' | 'nextEscalationAt'>): Promise<void> {
    const at = crisisCase.nextEscalationAt;
    if (!at) return;
    const payload: EscalationPayload = { caseId: crisisCase.id, level: crisisCase.level, at: at.toISOString() };
    await this.queue.enqueue(manager, ESCALATE_JOB, { ...payload }, { runAt: at, dedupeKey: escalationKey(crisisCase.id, crisisCase.level, at) });
  }

  async check(manager: EntityManager, payload: EscalationPayload): Promise<void> {
    const crisisCase = await manager.findOne(CrisisCase, { where: { id: payload.caseId } });
    if (!crisisCase || crisisCase.state !== 'open' || crisisCase.level !== payload.level) return;
    if (crisisCase.nextEscalationAt?.toISOString() !== payload.at) return;
    const now = this.clock.now();
    const step = crisisCase.escalationStep + 1;
    const target =
      crisisCase.escalatedUnitId === null
        ? await this.routing.supervisors(manager, crisisCase.orgUnitId)
        : await this.routing.supervisors(manager, crisisCase.escalatedUnitId, true);
    const assignee = crisisCase.assigneeId ? await userFacts(manager, crisisCase.assigneeId) : null;
    const recipients: Recipient[] = [
      ...(target?.users.map((u) => ({ userId: u.id, email: u.email })) ?? []),
      ...(assignee?.active ? [{ userId: assignee.id, email: assignee.email }] : []),
    ].filter((r, i, all) => all.findIndex((o) => o.userId === r.userId) === i);
    if (recipients.length > 0) await this.notifications.notify(manager, recipients, Messages.caseEscalated(crisisCase.id, crisisCase.dueAt, step));

    if (!target) {
      // Nobody above to escalate to: the case stays overdue at the top of every queue that holds it.
      this.logger.warn(`crisis case ${crisisCase.id}: no supervisor at or above the last escalation`);
      await manager.update(CrisisCase, { id: crisisCase.id }, { nextEscalationAt: null });
      await this.history.write(manager, { label: 'system' }, {
        subjectType: 'crisis_case',
        subjectId: crisisCase.id,
        workerId: crisisCase.workerId,
        action: 'escalation_exhausted',
        from: crisisCase.escalatedUnitId,
        reason: '没有更上级的督导可上报 / No supervisor further up to escalate to',
      });
      return;
    }
    const further = await this.routing.supervisors(manager, target.unitId, true);
    const next = further ? nextEscalationAt(crisisCase.level, now, this.settings.deadlines) : null;
    await manager.update(CrisisCase, { id: crisisCase.id }, { escalationStep: step, escalatedUnitId: target.unitId, nextEscalationAt: next });
    await this.history.write(manager, { label: 'system' }, {
      subjectType: 'crisis_case',
      subjectId: crisisCase.id,
      workerId: crisisCase.workerId,
      action: 'escalated',
      from: crisisCase.escalatedUnitId ?? crisisCase.assigneeId ?? null,
      to: target.unitId,
      reason: `期限 ${crisisCase.dueAt.toISOString()} 前无人确认（第 ${step} 次上报）/ Not acknowledged by ${crisisCase.dueAt.toISOString()} (escalation ${step})`,
    });
    await this.audit.record(manager, SYSTEM_ACTOR, {
      action: 'crisis_case.escalate',
      resourceType: 'crisis_case',
      resourceId: crisisCase.id,
      workerId: crisisCase.workerId,
      detail: { step, unitId: target.unitId, supervisors: target.users.map((u) => u.id) },
    });
    if (next) await this.schedule(manager, { id: crisisCase.id, level: crisisCase.level, nextEscalationAt: next });
    await this.push.changed(manager, Object.assign(crisisCase, { escalationStep: step, escalatedUnitId: target.unitId, nextEscalationAt: next }), 'escalated');
  }
}
