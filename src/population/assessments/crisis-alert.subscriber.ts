import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrgUnitsService } from '../../people/org-units/org-units.service.js';
import { UsersService } from '../../people/users/users.service.js';
import { DomainEvents } from '../../platform/jobs/domain-events.js';
import { NotificationService } from '../../platform/notifications/notification.service.js';
import { ASSESSMENT_CRISIS, type AssessmentCrisisEvent } from './assessment-events.js';

export const CRISIS_ALERT_SUBSCRIBER = 'population.notify-counsellors';

/**
 * Tells the counsellors and supervisors of the worker's unit (or of the nearest unit above it that has any) that a
 * risk alert is waiting. Runs from the outbox after the result commits, in the same transaction as the job's
 * completion, so each alert is announced exactly once even when the process dies midway. The text names neither
 * the worker nor the result: the recipient opens the alert in scope.
 */
@Injectable()
export class CrisisAlertSubscriber implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(ASSESSMENT_CRISIS, CRISIS_ALERT_SUBSCRIBER, (payload, manager) => this.notify(manager, payload as unknown as AssessmentCrisisEvent));
  }

  async notify(manager: EntityManager, event: AssessmentCrisisEvent): Promise<void> {
    for (const unit of await this.orgUnits.ancestry(manager, event.orgUnitId)) {
      const staff = await this.users.staffOf(manager, [unit.id], ['counsellor', 'supervisor']);
      if (staff.length === 0) continue;
      await this.notifications.notify(
        manager,
        staff.map((user) => ({ userId: user.id, email: user.email })),
        {
          kind: 'risk_alert',
          title: '风险提示：有职工的测评结果需要关注 / Risk alert: an assessment needs attention',
          body: '请尽快在“风险提示”中查看，并与该职工联系。 / Please open it in Risk alerts soon and contact the worker.',
          link: `/risk-alerts/${event.resultId}`,
        },
      );
      return;
    }
  }
}
