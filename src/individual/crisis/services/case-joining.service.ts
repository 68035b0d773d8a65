import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { IndividualHistory } from '../../shared/history.service.js';
import { isMoreUrgent, type CrisisLevel } from '../../shared/levels.js';
import { Messages } from '../../shared/messages.js';
import type { CaseSource } from '../domain/case-sources.js';
import type { TriggerDetail } from '../domain/trigger-detail.js';
import type { CrisisCase } from '../entities/crisis-case.entity.js';
import { CasePush } from './case-push.js';
import { CaseRouting } from './case-routing.service.js';
import { CaseTriggers } from './case-triggers.service.js';
import { CaseWorkflowService } from './case-workflow.service.js';

export interface JoiningSource {
  sourceType: CaseSource;
  sourceId: string | null;
  level: CrisisLevel;
  detail: TriggerDetail;
  why: string;
}

/**
 * One person, one open case: a new crisis source (an assessment result, a help request, a desk request, a counselling
 * flag) for a worker who already has an active case joins that case instead of opening a second one. The source is
 * recorded (once: a repeated delivery changes nothing), a `joined` history row is written, the level only ever rises
 * (the deadline is recomputed from the new level, see deadlines.ts), and the assignee (or, with nobody assigned, the
 * supervisors) is told, all in the caller's transaction.
 */
@Injectable()
export class CaseJoining {
  constructor(
    private readonly triggers: CaseTriggers,
    private readonly workflow: CaseWorkflowService,
    private readonly routing: CaseRouting,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly push: CasePush,
  ) {}

  async join(manager: EntityManager, actor: Actor, c: CrisisCase, source: JoiningSource): Promise<CrisisCase> {
    const recorded = await this.triggers.record(manager, { caseId: c.id, sourceType: source.sourceType, sourceId: source.sourceId, level: source.level, joined: true, detail: source.detail });
    if (!recorded) return c;
    const levelBefore = c.level;
    await this.history.write(manager, actor, { subjectType: 'crisis_case', subjectId: c.id, workerId: c.workerId, action: 'joined', from: source.sourceType, to: source.level, reason: source.why });
    const updated = isMoreUrgent(source.level, c.level)
      ? await this.workflow.applyLevel(manager, actor, actor, c, source.level, '新的危机来源并入，等级上调 / a new crisis source joined; level raised', null)
      : c;
    const recipients = updated.assigneeId
      ? [{ userId: updated.assigneeId, email: (await this.routing.eligibleResponder(manager, updated.assigneeId, updated.orgUnitId))?.email ?? null }]
      : ((await this.routing.supervisors(manager, updated.orgUnitId))?.users ?? []).map((u) => ({ userId: u.id, email: u.email }));
    await this.notifications.notify(manager, recipients, Messages.caseJoined(updated.id, source.sourceType, updated.level !== levelBefore));
    await this.audit.record(manager, actor, {
      action: 'crisis_case.join',
      resourceType: 'crisis_case',
      resourceId: c.id,
      workerId: c.workerId,
      detail: { sourceType: source.sourceType, sourceId: source.sourceId, level: source.level, levelBefore },
    });
    await this.push.changed(manager, updated, 'joined');
    return updated;
  }
}
