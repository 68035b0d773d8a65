import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { illegalTransition } from '../../../platform/errors/domain-error.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { IndividualHistory, type HistoryActor } from '../../shared/history.service.js';
import type { CrisisLevel } from '../../shared/levels.js';
import { Messages } from '../../shared/messages.js';
import { workerFacts } from '../../shared/people-reads.js';
import { IndividualSettings } from '../../shared/settings.js';
import { toCaseNoteDto } from '../case-mapper.js';
import { CrisisErrors } from '../crisis-errors.js';
import { allowedFrom, assertCaseTransition, canMove, isActive, needsReason, type CaseState } from '../domain/case-state.js';
import { deadlineAfterLevelChange } from '../domain/deadlines.js';
import { queueRank } from '../domain/queue-rank.js';
import type { AddCaseNoteDto, AssignCaseDto, CaseDto, CaseNoteDto, CaseTransitionDto, ChangeLevelDto, ContactNoteDto } from '../dto/crisis-case.dto.js';
import { CaseNote } from '../entities/case-note.entity.js';
import { CrisisCase } from '../entities/crisis-case.entity.js';
import { CaseAccess } from './case-access.service.js';
import { CaseRouting } from './case-routing.service.js';
import { CasePush } from './case-push.js';
import { CaseViews } from './case-views.js';
import { EscalationService } from './escalation.service.js';

/**
 * The life of a case after it opens: acknowledgement, the state machine (case-state.ts), level changes, assignment
 * and notes. Each change writes its history row and audit row in the same transaction; a state change is a
 * conditional UPDATE on the state it was read in, so two people acting at once cannot both win.
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly routing: CaseRouting,
    private readonly escalation: EscalationService,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly settings: IndividualSettings,
    private readonly views: CaseViews,
    private readonly push: CasePush,
  ) {}

  /** "I have seen it and I am responding": stops escalation; an unassigned case becomes the acknowledger's. */
  acknowledge(actor: Actor, caseId: string): Promise<CaseDto> {
    return this.run(actor, caseId, (manager, c, grantId) => this.acknowledgeWithin(manager, actor, c, grantId));
  }

  async acknowledgeWithin(manager: EntityManager, actor: Actor, c: CrisisCase, grantId: string | null): Promise<CrisisCase> {
    return this.move(manager, actor, c, 'acknowledged', null, grantId);
  }

  transition(actor: Actor, caseId: string, input: CaseTransitionDto): Promise<CaseDto> {
    return this.run(actor, caseId, (manager, c, grantId) => this.move(manager, actor, c, input.to, input.reason ?? null, grantId));
  }

  changeLevel(actor: Actor, caseId: string, input: ChangeLevelDto): Promise<CaseDto> {
    return this.run(actor, caseId, (manager, c, grantId) => {
      if (!c.active) throw CrisisErrors.caseClosed();
      return this.applyLevel(manager, actor, actor, c, input.level, input.reason, grantId);
    });
  }

  /**
   * Sets the level; while the case is still open its deadline and next escalation check can only come sooner (see
   * deadlines.ts), and a changed check is scheduled anew (the old one finds itself stale).
   */
  async applyLevel(manager: EntityManager, by: HistoryActor, actor: Actor, c: CrisisCase, level: CrisisLevel, reason: string, grantId: string | null): Promise<CrisisCase> {
    if (level === c.level) return c;
    const now = this.clock.now();
    const dueAt = deadlineAfterLevelChange(c, level, now, this.settings.deadlines);
    const nextEscalationAt =
      c.state === 'open' && c.nextEscalationAt ? deadlineAfterLevelChange({ state: c.state, dueAt: c.nextEscalationAt }, level, now, this.settings.deadlines) : c.nextEscalationAt;
    await manager.update(CrisisCase, { id: c.id }, { level, dueAt, nextEscalationAt, queueRank: queueRank(c.state, level) });
    await this.history.write(manager, by, { subjectType: 'crisis_case', subjectId: c.id, workerId: c.workerId, action: 'level_changed', from: c.level, to: level, reason });
    await this.audit.record(manager, actor, {
      action: 'crisis_case.level',
      resourceType: 'crisis_case',
      resourceId: c.id,
      workerId: c.workerId,
      detail: { from: c.level, to: level, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
    });
    const updated = Object.assign(c, { level, dueAt, nextEscalationAt, queueRank: queueRank(c.state, level) });
    await this.escalation.schedule(manager, updated);
    await this.push.changed(manager, updated, 'level');
    return updated;
  }

  /** Supervisors assign to anyone eligible; a counsellor may only take a case themselves. */
  assign(actor: Actor, caseId: string, input: AssignCaseDto): Promise<CaseDto> {
    return this.run(actor, caseId, async (manager, c, grantId) => {
      if (actor.role !== 'supervisor' && input.assigneeId !== actor.userId) throw CrisisErrors.assignSupervisorOnly();
      if (!c.active) throw CrisisErrors.caseClosed();
      const worker = await workerFacts(manager, c.workerId);
      const assignee = worker ? await this.routing.eligibleResponder(manager, input.assigneeId, worker.orgUnitId) : null;
      if (!assignee) throw CrisisErrors.assigneeNotEligible();
      if (c.assigneeId === assignee.id) return c;
      await manager.update(CrisisCase, { id: c.id }, { assigneeId: assignee.id });
      await this.history.write(manager, actor, { subjectType: 'crisis_case', subjectId: c.id, workerId: c.workerId, action: 'assigned', from: c.assigneeId, to: assignee.id, reason: input.reason ?? null });
      await this.audit.record(manager, actor, {
        action: 'crisis_case.assign',
        resourceType: 'crisis_case',
        resourceId: c.id,
        workerId: c.workerId,
        detail: { from: c.assigneeId, to: assignee.id, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
      });
      if (assignee.id !== actor.userId) await this.notifications.notify(manager, [{ userId: assignee.id, email: assignee.email }], Messages.caseAssigned(c.id, c.dueAt));
      const updated = Object.assign(c, { assigneeId: assignee.id });
      await this.push.changed(manager, updated, 'assigned');
      return updated;
    });
  }

  /** The case's own notes on reaching the worker; empty clears them. */
  setContactNote(actor: Actor, caseId: string, input: ContactNoteDto): Promise<CaseDto> {
    return this.run(actor, caseId, async (manager, c, grantId) => {
      const contactNote = input.note.trim() || null;
      await manager.update(CrisisCase, { id: c.id }, { contactNote });
      await this.audit.record(manager, actor, {
        action: 'crisis_case.contact_note',
        resourceType: 'crisis_case',
        resourceId: c.id,
        workerId: c.workerId,
        detail: { cleared: contactNote === null, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
      });
      return Object.assign(c, { contactNote });
    });
  }

  addNote(actor: Actor, caseId: string, input: AddCaseNoteDto): Promise<CaseNoteDto> {
    return this.transactions.run(async (manager) => {
      const { crisisCase: c, grantId } = await this.access.requireCase(manager, actor, caseId);
      const note = manager.create(CaseNote, { caseId: c.id, authorId: actor.userId, body: input.body, createdAt: this.clock.now() });
      await manager.save(note);
      await this.history.write(manager, actor, { subjectType: 'crisis_case', subjectId: c.id, workerId: c.workerId, action: 'note_added', to: note.id });
      await this.audit.record(manager, actor, {
        action: 'crisis_case.note',
        resourceType: 'crisis_case',
        resourceId: c.id,
        workerId: c.workerId,
        detail: { noteId: note.id, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
      });
      return toCaseNoteDto(note);
    });
  }

  /** EXPORTED for referrals: a sent referral moves its case to `referred` when the state machine allows it. */
  async markReferred(manager: EntityManager, actor: Actor, caseId: string, referralId: string): Promise<void> {
    const c = await manager.findOne(CrisisCase, { where: { id: caseId } });
    if (c && canMove(c.state, 'referred')) await this.move(manager, actor, c, 'referred', `转介已发送 / referral ${referralId} sent`, null);
  }

  private async move(manager: EntityManager, actor: Actor, c: CrisisCase, to: CaseState, reason: string | null, grantId: string | null): Promise<CrisisCase> {
    const from = c.state;
    assertCaseTransition(from, to);
    if (needsReason(from, to) && !reason?.trim()) throw CrisisErrors.reasonRequired();
    const now = this.clock.now();
    const patch: Partial<CrisisCase> = { state: to, active: isActive(to), queueRank: queueRank(to, c.level) };
    if (to === 'acknowledged') Object.assign(patch, { acknowledgedAt: now, acknowledgedBy: actor.userId, nextEscalationAt: null, assigneeId: c.assigneeId ?? actor.userId });
    if (to === 'closed') patch.closedAt = now;
    if (from === 'closed') patch.closedAt = null;
    const result = await manager.createQueryBuilder().update(CrisisCase).set(patch).where('id = :id AND state = :from', { id: c.id, from }).execute();
    if (!result.affected) {
      const current = await manager.findOneOrFail(CrisisCase, { where: { id: c.id } });
      throw illegalTransition(current.state, to, allowedFrom(current.state));
    }
    await this.history.write(manager, actor, { subjectType: 'crisis_case', subjectId: c.id, workerId: c.workerId, action: 'state_changed', from, to, reason });
    if (to === 'acknowledged' && !c.assigneeId) {
      await this.history.write(manager, actor, { subjectType: 'crisis_case', subjectId: c.id, workerId: c.workerId, action: 'assigned', to: actor.userId, reason: '确认者接手 / taken by who acknowledged it' });
    }
    await this.audit.record(manager, actor, {
      action: 'crisis_case.transition',
      resourceType: 'crisis_case',
      resourceId: c.id,
      workerId: c.workerId,
      detail: { from, to, ...(grantId ? { breakGlassGrantId: grantId } : {}) },
    });
    const updated = Object.assign(c, patch);
    await this.push.changed(manager, updated, 'state');
    return updated;
  }

  private run(actor: Actor, caseId: string, work: (manager: EntityManager, c: CrisisCase, grantId: string | null) => Promise<CrisisCase>): Promise<CaseDto> {
    return this.transactions.run(async (manager) => {
      const { crisisCase, grantId } = await this.access.requireCase(manager, actor, caseId);
      const updated = await work(manager, crisisCase, grantId);
      return this.views.dto(manager, updated);
    });
  }
}
