import { Injectable } from '@nestjs/common';
import { ownWorkerId } from '../../../people/me/own-worker.js';
import { crisisHelp } from '../../../population/assessments/crisis-help.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { IndividualHistory } from '../../shared/history.service.js';
import { Messages } from '../../shared/messages.js';
import { IndividualSettings } from '../../shared/settings.js';
import type { AskForHelpDto, HelpResponseDto } from '../dto/help.dto.js';
import { CrisisCase } from '../entities/crisis-case.entity.js';
import { CaseRouting } from './case-routing.service.js';
import { CrisisCasesService } from './crisis-cases.service.js';

/**
 * 紧急求助: a worker asks for urgent help (POST /me/help). It opens an `urgent` case (`imminent` when they say they are
 * in danger now) routed like any other, and answers at once with support and the help lines, never a label. Asking
 * again while an earlier request is still unacknowledged adds to that case and notifies again instead of opening a
 * second one. No consent is asked: the worker is the one asking for contact.
 */
@Injectable()
export class SelfHelpService {
  constructor(
    private readonly transactions: Transactions,
    private readonly cases: CrisisCasesService,
    private readonly routing: CaseRouting,
    private readonly history: IndividualHistory,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly settings: IndividualSettings,
  ) {}

  ask(actor: Actor, input: AskForHelpDto): Promise<HelpResponseDto> {
    const workerId = ownWorkerId(actor);
    const level = input.inDangerNow ? 'imminent' : 'urgent';
    const summary = [input.message?.trim(), input.callbackPhone ? `回电 / call back: ${input.callbackPhone}` : null, input.inDangerNow ? '自述目前处于危险中 / says they are in danger now' : null]
      .filter(Boolean)
      .join('\n') || null;
    return this.transactions.run(async (manager) => {
      const waiting = await manager.findOne(CrisisCase, { where: { workerId, sourceType: 'self_help', state: 'open' }, order: { createdAt: 'DESC' } });
      if (waiting) {
        await this.history.write(manager, actor, { subjectType: 'crisis_case', subjectId: waiting.id, workerId, action: 'help_requested_again', to: level, reason: summary });
        const recipients = waiting.assigneeId ? [{ userId: waiting.assigneeId }] : ((await this.routing.supervisors(manager, waiting.orgUnitId))?.users ?? []).map((u) => ({ userId: u.id, email: u.email }));
        await this.notifications.notify(manager, recipients, Messages.helpAgain(waiting.id));
        if (level === 'imminent' && waiting.level !== 'imminent') {
          // Handled by the workflow in the same transaction: the deadline only comes sooner.
          await this.cases.raiseLevel(manager, actor, waiting, level, '职工再次求助并自述处于危险中 / asked again, in danger now');
        }
        await this.audit.record(manager, actor, { action: 'crisis_case.self_help', resourceType: 'crisis_case', resourceId: waiting.id, workerId, detail: { again: true, level } });
      } else {
        const opened = await this.cases.open(manager, actor, { workerId, level, sourceType: 'self_help', sourceId: null, summary, openedBy: actor.userId, why: '职工紧急求助 / the worker asked for urgent help' });
        await this.audit.record(manager, actor, { action: 'crisis_case.self_help', resourceType: 'crisis_case', resourceId: opened.crisisCase.id, workerId, detail: { again: false, level } });
      }
      return { receivedAt: this.clock.now().toISOString(), help: crisisHelp(this.settings.helpLines) };
    });
  }
}
