import { Injectable } from '@nestjs/common';
import { ownWorkerId } from '../../../people/me/own-worker.js';
import { crisisHelp } from '../../../platform/help/crisis-help.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { IndividualSettings } from '../../shared/settings.js';
import type { AskForHelpDto, HelpResponseDto } from '../dto/help.dto.js';
import { CrisisCasesService } from './crisis-cases.service.js';

/**
 * 紧急求助: a worker asks for urgent help (POST /me/help). It opens an `urgent` case (`imminent` when they say they are
 * in danger now) routed like any other, and answers at once with support and the help lines, never a label. With an
 * active case already (from any source) the request joins it (CaseJoining) instead of opening a second one. No
 * consent is asked: the worker is the one asking for contact.
 */
@Injectable()
export class SelfHelpService {
  constructor(
    private readonly transactions: Transactions,
    private readonly cases: CrisisCasesService,
    private readonly audit: AuditService,
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
      // An active case (however it opened) is joined: the assignee is told at once and an imminent request raises it.
      const opening = await this.cases.open(manager, actor, {
        workerId,
        level,
        sourceType: 'self_help',
        sourceId: null,
        summary,
        openedBy: actor.userId,
        why: input.inDangerNow ? '职工紧急求助：自述目前处于危险中 / the worker asked for urgent help: in danger now' : '职工紧急求助 / the worker asked for urgent help',
        detail: { text: input.message?.trim() || null, callbackPhone: input.callbackPhone ?? null },
      });
      await this.audit.record(manager, actor, { action: 'crisis_case.self_help', resourceType: 'crisis_case', resourceId: opening.crisisCase.id, workerId, detail: { again: opening.joined, level } });
      return { receivedAt: this.clock.now().toISOString(), help: crisisHelp(this.settings.helpLines) };
    });
  }
}
